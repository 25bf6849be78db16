#!/usr/bin/env python3
"""Validate bench/natural11/questions.yml (split: holdout); the checks are bench/check_questions.py's."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from check_questions import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(os.path.dirname(os.path.abspath(__file__)), "holdout"))
