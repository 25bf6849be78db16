#!/usr/bin/env python3
"""Validate a question set of bench/ (python3 + PyYAML): the checks every set written for issue 18
shares; each set's check.py names its folder and its split and calls main().

Checks:
  * schema: top-level `today` (date) and `questions` (list); every question has q, split (the set's),
    kind, lang (en|ja), exactly one of expect / expect_any / expect_titles / empty: true, and no
    unknown keys; `today` (a date) is required for kind relative; `why` with "grep: a, b, ..." for
    empty questions (at least one English and one Japanese term);
  * every expect / expect_any URL is the first URL (urls[0]) of some item in items.json;
    expect has 1-3 URLs, expect_any 1-5;
  * every expect_titles string is a substring of some item title;
  * no duplicate questions (NFKC, case and whitespace folded) and no duplicates inside a list;
  * empty questions: none of the `why` grep terms occurs in the data files (data/digests,
    data/reports, data/briefings, data/english, data/sources.yml), compared after NFKC and
    lower-casing; English (ASCII) terms must match at a word start;
  * relative questions: `today` lies in a covered month or up to 45 days after one, and every
    expected item is dated on or before `today` and at most 62 days before it.

Usage: python3 bench/SET/check.py [questions.yml] [--items ITEMS.json]
(without --items, the items come from `node bin/policy-bot.js ingest --json`)
Exits 1 on any error; warnings do not fail.
"""
import argparse
import collections
import datetime as dt
import glob
import json
import os
import re
import subprocess
import sys
import unicodedata

import yaml

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(BENCH, ".."))
DATA = os.path.join(ROOT, "data")

KINDS = {"institute", "relative", "misspelling", "topic", "japanese", "english-topic", "empty", "actor-period", "citation",
         "country-period"}
ANSWER_KEYS = ("expect", "expect_any", "expect_titles", "empty")
ALLOWED_KEYS = {"q", "split", "kind", "lang", "today", "why", "note", *ANSWER_KEYS}
JA_CHARS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")
ASCII = re.compile(r"[\x00-\x7f]+")


def norm(s):
    return unicodedata.normalize("NFKC", s).lower()


def data_files():
    files = []
    for sub in ("digests", "reports", "briefings", "english"):
        files += sorted(glob.glob(os.path.join(DATA, sub, "*")))
    files.append(os.path.join(DATA, "sources.yml"))
    return [f for f in files if os.path.isfile(f)]


def term_hits(term, texts):
    t = norm(term).strip()
    if ASCII.fullmatch(t):
        pat = re.compile(r"(?<![a-z0-9])" + re.escape(t))
    else:
        pat = re.compile(re.escape(t))
    hits = []
    for path, text in texts.items():
        m = pat.search(text)
        if m:
            ctx = text[max(0, m.start() - 25): m.end() + 25].replace("\n", " ")
            hits.append(f"{os.path.relpath(path, ROOT)}: …{ctx}…")
    return hits


def grep_terms(why):
    m = re.search(r"grep:\s*(.+?)\)?\s*$", why)
    if not m:
        return []
    return [t.strip() for t in m.group(1).split(",") if t.strip()]


def month_first(y, m):
    return dt.date(y, m, 1)


def month_last(y, m):
    return dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)


def as_date(v):
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str):
        try:
            return dt.date.fromisoformat(v)
        except ValueError:
            return None
    return None


def load_items(path):
    """The parsed items: a file written by `policy-bot ingest --json`, or that command's output."""
    if path:
        return json.load(open(path, encoding="utf-8"))
    out = subprocess.run(["node", os.path.join(ROOT, "bin", "policy-bot.js"), "ingest", "--json"],
                         cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main(here, split):
    ap = argparse.ArgumentParser()
    ap.add_argument("questions", nargs="?", default=os.path.join(here, "questions.yml"))
    ap.add_argument("--items", default=None)
    args = ap.parse_args()

    errors, warnings = [], []
    items = load_items(args.items)
    first_urls = collections.defaultdict(list)
    for it in items:
        if it.get("urls"):
            first_urls[it["urls"][0]].append(it)
    titles = [it["title"] for it in items]
    doc_dates = {}
    for it in items:
        d = it.get("date") or {}
        if d.get("start"):
            doc_dates.setdefault(it["source"]["document"], []).append(dt.date.fromisoformat(d["start"]))
    covered_months = sorted({(d.year, d.month) for ds in doc_dates.values() for d in ds})

    texts = {f: norm(open(f, encoding="utf-8").read()) for f in data_files()}

    doc = yaml.safe_load(open(args.questions, encoding="utf-8"))
    if not isinstance(doc, dict) or set(doc) - {"today", "questions"}:
        errors.append("top level must be a mapping with `today` and `questions` only")
        doc = doc if isinstance(doc, dict) else {}
    if as_date(doc.get("today")) is None:
        errors.append("top-level `today` missing or not a date")
    qs = doc.get("questions")
    if not isinstance(qs, list) or not qs:
        errors.append("`questions` must be a non-empty list")
        qs = []

    seen = {}
    counts = collections.Counter()
    for n, q in enumerate(qs, 1):
        where = f"#{n}"
        if not isinstance(q, dict):
            errors.append(f"{where}: not a mapping")
            continue
        text = q.get("q")
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: missing q")
            continue
        where = f"#{n} {text!r}"
        unknown = set(q) - ALLOWED_KEYS
        if unknown:
            errors.append(f"{where}: unknown keys {sorted(unknown)}")
        if q.get("split") != split:
            errors.append(f"{where}: split must be '{split}'")
        kind = q.get("kind")
        if kind not in KINDS:
            errors.append(f"{where}: bad kind {kind!r}")
        lang = q.get("lang")
        if lang not in ("en", "ja"):
            errors.append(f"{where}: lang must be en or ja")
        elif lang == "ja" and not JA_CHARS.search(text):
            errors.append(f"{where}: lang ja but no Japanese characters")
        elif lang == "en" and JA_CHARS.search(text):
            warnings.append(f"{where}: lang en but contains Japanese characters (mixed?)")
        key = re.sub(r"\s+", " ", norm(text)).strip()
        if key in seen:
            errors.append(f"{where}: duplicate of #{seen[key]}")
        seen[key] = n
        counts[(kind, lang)] += 1

        present = [k for k in ANSWER_KEYS if k in q]
        if len(present) != 1:
            errors.append(f"{where}: needs exactly one of {ANSWER_KEYS}, has {present}")
            continue
        ans = present[0]

        today = None
        if "today" in q:
            today = as_date(q["today"])
            if today is None:
                errors.append(f"{where}: `today` is not a date")
        if kind == "relative" and today is None:
            errors.append(f"{where}: relative question without `today`")
        if kind != "relative" and "today" in q:
            warnings.append(f"{where}: `today` on a non-relative question")

        if ans in ("expect", "expect_any"):
            urls = q[ans]
            limit = 3 if ans == "expect" else 5
            if not isinstance(urls, list) or not urls or not all(isinstance(u, str) for u in urls):
                errors.append(f"{where}: {ans} must be a non-empty list of URLs")
                continue
            if len(urls) > limit:
                errors.append(f"{where}: {ans} has {len(urls)} URLs (max {limit})")
            if len(set(urls)) != len(urls):
                errors.append(f"{where}: duplicate URLs in {ans}")
            for u in urls:
                if u not in first_urls:
                    errors.append(f"{where}: {u} is not the first URL of any item")
            if kind == "relative" and today is not None:
                if not any(month_first(y, m) <= today <= month_last(y, m) + dt.timedelta(days=45)
                           for y, m in covered_months):
                    errors.append(f"{where}: today {today} is neither in a covered month nor just after one")
                for u in urls:
                    starts = [dt.date.fromisoformat(it["date"]["start"]) for it in first_urls.get(u, [])
                              if (it.get("date") or {}).get("start")]
                    if not starts:
                        errors.append(f"{where}: {u} belongs to no dated item (relative needs dated items)")
                    elif not any(s <= today and (today - s).days <= 62 for s in starts):
                        errors.append(f"{where}: {u} dated {min(starts)}, outside the window before {today}")
        elif ans == "expect_titles":
            ts = q[ans]
            if not isinstance(ts, list) or not ts or not all(isinstance(t, str) and t for t in ts):
                errors.append(f"{where}: expect_titles must be a non-empty list of strings")
                continue
            if len(set(ts)) != len(ts):
                errors.append(f"{where}: duplicate strings in expect_titles")
            if len(ts) > 5:
                errors.append(f"{where}: more than 5 expect_titles")
            for t in ts:
                if not any(t in title for title in titles):
                    errors.append(f"{where}: {t!r} is not a substring of any item title")
        else:  # empty
            if q["empty"] is not True:
                errors.append(f"{where}: empty must be true")
            if kind != "empty":
                errors.append(f"{where}: empty: true on kind {kind!r}")
            why = q.get("why")
            if not isinstance(why, str) or not why.strip():
                errors.append(f"{where}: empty question without `why`")
                continue
            terms = grep_terms(why)
            if not terms:
                errors.append(f"{where}: `why` lists no 'grep:' terms")
                continue
            if not any(ASCII.fullmatch(norm(t)) for t in terms):
                errors.append(f"{where}: no English grep term in `why`")
            if not any(JA_CHARS.search(t) for t in terms):
                errors.append(f"{where}: no Japanese grep term in `why`")
            for t in terms:
                for h in term_hits(t, texts)[:2]:
                    errors.append(f"{where}: grep term {t!r} occurs in {h}")
        if kind == "empty" and ans != "empty":
            errors.append(f"{where}: kind empty must use empty: true")
        if "why" in q and ans != "empty":
            warnings.append(f"{where}: `why` on a non-empty question")

    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)

    kinds = sorted({k for k, _ in counts}, key=str)
    print(f"\n{len(qs)} questions; answerable {sum(v for (k, _), v in counts.items() if k != 'empty')}, "
          f"empty {sum(v for (k, _), v in counts.items() if k == 'empty')}")
    print(f"{'kind':<16}{'en':>5}{'ja':>5}{'all':>6}")
    for k in kinds:
        en, ja = counts[(k, "en")], counts[(k, "ja")]
        print(f"{k:<16}{en:>5}{ja:>5}{en + ja:>6}")
    en = sum(v for (_, l), v in counts.items() if l == "en")
    ja = sum(v for (_, l), v in counts.items() if l == "ja")
    print(f"{'total':<16}{en:>5}{ja:>5}{en + ja:>6}")
    if errors:
        print(f"\nFAILED: {len(errors)} error(s)")
        return 1
    print("\nOK")
    return 0
