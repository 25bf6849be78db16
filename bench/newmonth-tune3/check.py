#!/usr/bin/env python3
"""Validate bench/newmonth-tune3: the synthetic (fictional) July 2026 digest (2026-07.txt) and its questions.

    python3 bench/newmonth-tune3/check.py

The checks are bench/check_newmonth.py's (shared by the synthetic months for tuning); this month
must avoid the subject words of the synthetic March and April. Exits 1 on any error.
"""
import datetime
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import check_newmonth  # noqa: E402

check_newmonth.configure(
    here=os.path.dirname(os.path.abspath(__file__)),
    month_file="2026-07.txt",
    first_day=datetime.date(2026, 7, 1),
    last_day=datetime.date(2026, 7, 31),
    today=datetime.date(2026, 8, 11),
    month_en="July",
    earlier=['March', 'April'],
)

if __name__ == "__main__":
    sys.exit(check_newmonth.main())
