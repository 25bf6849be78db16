#!/usr/bin/env python3
"""Validate bench/newmonth-tune4: the synthetic (fictional) August 2026 digest (2026-08.txt) and its questions.

    python3 bench/newmonth-tune4/check.py

The checks are bench/check_newmonth.py's (shared by the synthetic months for tuning); this month
must avoid the subject words of the synthetic March, April and July. Exits 1 on any error.
"""
import datetime
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import check_newmonth  # noqa: E402

check_newmonth.configure(
    here=os.path.dirname(os.path.abspath(__file__)),
    month_file="2026-08.txt",
    first_day=datetime.date(2026, 8, 1),
    last_day=datetime.date(2026, 8, 31),
    today=datetime.date(2026, 9, 10),
    month_en="August",
    earlier=['March', 'April', 'July'],
)

if __name__ == "__main__":
    sys.exit(check_newmonth.main())
