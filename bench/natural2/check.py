#!/usr/bin/env python3
"""Validate bench/natural2/questions.yml against the parsed corpus.

Usage:
  python3 bench/natural2/check.py                 # runs `node bin/policy-bot.js ingest --json`
  python3 bench/natural2/check.py --items FILE    # uses a saved `ingest --json` output

Checks: required fields and allowed values, split is holdout, every expected URL is a URL of some
parsed item, every expect_titles entry is a substring of some item title, limits (expect <= 3,
expect_any <= 5), must-be-empty questions carry no expectations and the others carry at least one,
dates are valid, no duplicate questions, the language tag fits the text, and the counts per kind
and language (>= 120 questions, >= 10 per kind, ~20 empty, roughly half English / half Japanese).
Exits 1 on any problem.

`--strict` (bench/natural3/check.py uses it) adds: every expected URL is the first URL of exactly
one item, no item is expected by more than 3 questions, relative questions carry their own
`today`; and it prints how many items are expected from each document. `--min-questions N` sets
the size floor.
"""

import argparse
import datetime
import json
import os
import re
import subprocess
import sys
from collections import Counter

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
KINDS = [
    "country-period",
    "actor-period",
    "topic",
    "citation",
    "institute",
    "relative",
    "misspelling",
    "japanese",
    "empty",
]
LANGS = ["en", "ja"]
FIELDS = {"q", "split", "kind", "lang", "expect", "expect_any", "expect_titles", "empty", "today"}
JA_CHARS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")


def load_items(path):
    if path:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    out = subprocess.run(
        ["node", os.path.join(ROOT, "bin", "policy-bot.js"), "ingest", "--json"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out)


def as_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return datetime.date.fromisoformat(value)
    return None


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", help="saved output of `policy-bot ingest --json`")
    ap.add_argument("--questions", default=os.path.join(HERE, "questions.yml"))
    ap.add_argument("--strict", action="store_true", help="the third set's stricter rules")
    ap.add_argument("--min-questions", type=int, default=120)
    args = ap.parse_args(argv)

    items = load_items(args.items)
    urls = {u for it in items for u in (it.get("urls") or [])}
    first_urls = {it["urls"][0] for it in items if it.get("urls")}
    by_first_url = {}
    for it in items:
        if it.get("urls"):
            by_first_url.setdefault(it["urls"][0], []).append(it["id"])
    item_uses = Counter()

    with open(args.questions, encoding="utf-8") as f:
        doc = yaml.safe_load(f)

    errors = []
    warnings = []
    if not isinstance(doc, dict) or "questions" not in doc:
        print("questions.yml: expected a mapping with `questions`")
        return 1
    if as_date(doc.get("today")) is None:
        errors.append("top-level `today` missing or not YYYY-MM-DD")

    qs = doc["questions"]
    seen = set()
    for n, q in enumerate(qs, 1):
        where = f"#{n} {q.get('q')!r}"
        extra = set(q) - FIELDS
        if extra:
            errors.append(f"{where}: unknown fields {sorted(extra)}")
        for field in ("q", "split", "kind", "lang"):
            if not q.get(field):
                errors.append(f"{where}: missing `{field}`")
        text = q.get("q") or ""
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: empty question text")
        key = text.strip().lower()
        if key in seen:
            errors.append(f"{where}: duplicate question")
        seen.add(key)
        if q.get("split") != "holdout":
            errors.append(f"{where}: split must be holdout")
        if q.get("kind") not in KINDS:
            errors.append(f"{where}: bad kind {q.get('kind')!r}")
        lang = q.get("lang")
        if lang not in LANGS:
            errors.append(f"{where}: bad lang {lang!r}")
        elif lang == "ja" and not JA_CHARS.search(text):
            errors.append(f"{where}: lang ja but no Japanese characters")
        elif lang == "en" and JA_CHARS.search(text):
            errors.append(f"{where}: lang en but has Japanese characters")
        if q.get("kind") == "japanese" and lang != "ja":
            errors.append(f"{where}: kind japanese must be lang ja")
        if "today" in q and as_date(q["today"]) is None:
            errors.append(f"{where}: bad today {q['today']!r}")
        if args.strict and q.get("kind") == "relative" and "today" not in q:
            errors.append(f"{where}: relative question without its own `today`")

        expect = q.get("expect") or []
        expect_any = q.get("expect_any") or []
        expect_titles = q.get("expect_titles") or []
        for name, value in (("expect", expect), ("expect_any", expect_any), ("expect_titles", expect_titles)):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                errors.append(f"{where}: `{name}` must be a list of strings")
        if len(expect) > 3:
            errors.append(f"{where}: expect has {len(expect)} URLs (max 3)")
        if len(expect_any) > 5:
            errors.append(f"{where}: expect_any has {len(expect_any)} URLs (max 5)")
        for u in list(expect) + list(expect_any):
            if u not in urls:
                errors.append(f"{where}: URL not in any item: {u}")
            elif u not in first_urls:
                (errors if args.strict else warnings).append(f"{where}: URL is not any item's first URL: {u}")
            elif args.strict and len(by_first_url[u]) > 1:
                errors.append(f"{where}: URL is the first URL of several items {by_first_url[u]}: {u}")
            else:
                item_uses[by_first_url[u][0]] += 1
        for t in expect_titles:
            matched = [it["id"] for it in items if t in it["title"]]
            if not matched:
                errors.append(f"{where}: title substring matches no item: {t!r}")
            elif args.strict and len(matched) > 3:
                warnings.append(f"{where}: title substring matches {len(matched)} items: {t!r}")
            for item_id in matched:
                item_uses[item_id] += 1
        has_expectation = bool(expect or expect_any or expect_titles)
        if q.get("empty"):
            if q.get("empty") is not True:
                errors.append(f"{where}: `empty` must be true when present")
            if has_expectation:
                errors.append(f"{where}: empty question must not carry expectations")
            if q.get("kind") != "empty":
                warnings.append(f"{where}: empty: true but kind is {q.get('kind')}")
        else:
            if not has_expectation:
                errors.append(f"{where}: no expectation and not empty")
            if q.get("kind") == "empty":
                errors.append(f"{where}: kind empty requires `empty: true`")

    kinds = Counter(q.get("kind") for q in qs)
    langs = Counter(q.get("lang") for q in qs)
    by_kind_lang = Counter((q.get("kind"), q.get("lang")) for q in qs)
    n_empty = sum(1 for q in qs if q.get("empty"))
    if len(qs) < args.min_questions:
        errors.append(f"only {len(qs)} questions (need >= {args.min_questions})")
    if args.strict:
        for item_id, n in sorted(item_uses.items()):
            if n > 3:
                errors.append(f"item {item_id} is expected by {n} questions (max 3)")
    for k in KINDS:
        if kinds[k] < 10:
            errors.append(f"kind {k}: {kinds[k]} questions (need >= 10)")
    if not 18 <= n_empty <= 30:
        errors.append(f"{n_empty} must-be-empty questions (want about 20)")
    share_en = langs["en"] / max(1, len(qs))
    if not 0.4 <= share_en <= 0.6:
        errors.append(f"language balance off: {dict(langs)}")

    print(f"{len(qs)} questions, {n_empty} must be empty")
    print("kind            en   ja  total")
    for k in KINDS:
        print(f"{k:15} {by_kind_lang[(k, 'en')]:3}  {by_kind_lang[(k, 'ja')]:3}  {kinds[k]:5}")
    print(f"{'all':15} {langs['en']:3}  {langs['ja']:3}  {len(qs):5}")
    if args.strict:
        docs = Counter(i.split("/")[0] for i in item_uses)
        print(f"{len(item_uses)} distinct items expected; per document: {dict(sorted(docs.items()))}")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
