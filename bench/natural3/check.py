#!/usr/bin/env python3
"""Validate bench/natural3/questions.yml against the parsed corpus.

The second set's checker (bench/natural2/check.py) with its stricter rules (`--strict`: every
expected URL is the first URL of exactly one item, no item expected by more than 3 questions,
relative questions carry their own `today`) and a floor of 130 questions.

Usage:
  python3 bench/natural3/check.py                 # runs `node bin/policy-bot.js ingest --json`
  python3 bench/natural3/check.py --items FILE    # uses a saved `ingest --json` output
"""

import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("natural2_check", os.path.join(HERE, "..", "natural2", "check.py"))
checker = importlib.util.module_from_spec(spec)
spec.loader.exec_module(checker)

if __name__ == "__main__":
    sys.exit(
        checker.main(
            ["--questions", os.path.join(HERE, "questions.yml"), "--strict", "--min-questions", "130", *sys.argv[1:]]
        )
    )
