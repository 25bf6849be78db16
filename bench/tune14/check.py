#!/usr/bin/env python3
"""Validate bench/tune14/questions.yml (split: tune; a TUNING set, not held out).
Adapted from bench/natural12/check.py by a helper session, 2026-12-08 (ninth session). Standalone; it:
  * accepts the kinds country-period, actor-period, topic, institute, relative, citation, japanese,
    misspelling, paraphrase, empty (this set's theme: messy real Slack messages);
  * reads `why` as "grep: term1 | term2 ; note" (terms split on | or ,; text after ';' is a note);
  * lets relative questions fall back to the top-level `today` (must be 2026-02-20);
  * reads items from /work/drafts/items.json by default (items' `source` may be a string);
  * checks the set's counts: 200 questions, 140 answerable, 60 empty, 100 English, 100 Japanese.

Checks: schema (q, split, kind, lang, exactly one of expect/expect_any/expect_titles/empty, no unknown
keys); every expect/expect_any URL is some item's first URL (expect 1-3, expect_any 1-5); no duplicate
questions (NFKC, case, whitespace folded) or URLs; empty questions list at least one English and one
Japanese grep term and none occurs in data/digests, data/reports, data/briefings, data/english,
data/sources.yml (NFKC + lower-case; ASCII terms matched at a word start); relative questions: every
expected item dated on or before `today` and at most 62 days before it.

Grep scope for empty questions: the corpus text files (data/digests, data/reports, data/briefings,
data/english, data/sources.yml); data/lexicon and data/dictionary are the bot's own tuning data and were
not read or scanned by the author of this set.

Usage (from /work/main): python3 bench/tune14/check.py [questions.yml] [--items ITEMS.json]
"""
import argparse
import collections
import datetime as dt
import glob
import json
import os
import re
import sys
import unicodedata

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
DATA = os.path.join(ROOT, "data")
SPLIT = "tune"
EXPECT_TOTAL, EXPECT_ANSWERABLE, EXPECT_EMPTY = 200, 140, 60
EXPECT_EN, EXPECT_JA = 100, 100
EXPECT_TODAY = dt.date(2026, 2, 20)

KINDS = {"country-period", "actor-period", "topic", "institute", "relative", "citation", "japanese",
         "empty", "misspelling", "paraphrase"}
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
    pat = re.compile(r"(?<![a-z0-9])" + re.escape(t)) if ASCII.fullmatch(t) else re.compile(re.escape(t))
    hits = []
    for path, text in texts.items():
        m = pat.search(text)
        if m:
            ctx = text[max(0, m.start() - 25): m.end() + 25].replace("\n", " ")
            hits.append(f"{os.path.relpath(path, ROOT)}: …{ctx}…")
    return hits


def grep_terms(why):
    m = re.search(r"grep:\s*([^;]+)", why)
    if not m:
        return []
    return [t.strip() for t in re.split(r"[|,]", m.group(1)) if t.strip()]


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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("questions", nargs="?", default=os.path.join(HERE, "questions.yml"))
    ap.add_argument("--items", default="/work/drafts/items.json")
    args = ap.parse_args()

    errors, warnings = [], []
    items = json.load(open(args.items, encoding="utf-8"))
    first_urls = collections.defaultdict(list)
    for it in items:
        if it.get("urls"):
            first_urls[it["urls"][0]].append(it)
    titles = [it["title"] for it in items]
    texts = {f: norm(open(f, encoding="utf-8").read()) for f in data_files()}

    doc = yaml.safe_load(open(args.questions, encoding="utf-8"))
    if not isinstance(doc, dict) or set(doc) - {"today", "questions"}:
        errors.append("top level must be a mapping with `today` and `questions` only")
        doc = doc if isinstance(doc, dict) else {}
    top_today = as_date(doc.get("today"))
    if top_today is None:
        errors.append("top-level `today` missing or not a date")
    elif top_today != EXPECT_TODAY:
        errors.append(f"top-level `today` is {top_today}, expected {EXPECT_TODAY}")
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
        if q.get("split") != SPLIT:
            errors.append(f"{where}: split must be '{SPLIT}'")
        kind = q.get("kind")
        if kind not in KINDS:
            errors.append(f"{where}: bad kind {kind!r}")
        lang = q.get("lang")
        if lang not in ("en", "ja"):
            errors.append(f"{where}: lang must be en or ja")
        elif lang == "ja" and not JA_CHARS.search(text):
            errors.append(f"{where}: lang ja but no Japanese characters")
        elif lang == "en" and JA_CHARS.search(text):
            errors.append(f"{where}: lang en but contains Japanese characters")
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

        today = top_today
        if "today" in q:
            today = as_date(q["today"])
            if today is None:
                errors.append(f"{where}: `today` is not a date")

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
            for t in ts:
                if not any(t in title for title in titles):
                    errors.append(f"{where}: {t!r} is not a substring of any item title")
        else:
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

    total = len(qs)
    n_empty = sum(v for (k, _), v in counts.items() if k == "empty")
    n_ans = total - n_empty
    en = sum(v for (_, l), v in counts.items() if l == "en")
    ja = sum(v for (_, l), v in counts.items() if l == "ja")
    if (total, n_ans, n_empty) != (EXPECT_TOTAL, EXPECT_ANSWERABLE, EXPECT_EMPTY):
        errors.append(f"counts: {total} total / {n_ans} answerable / {n_empty} empty, "
                      f"expected {EXPECT_TOTAL}/{EXPECT_ANSWERABLE}/{EXPECT_EMPTY}")
    if (en, ja) != (EXPECT_EN, EXPECT_JA):
        errors.append(f"language balance: en {en}, ja {ja}, expected {EXPECT_EN}/{EXPECT_JA}")
    kinds_seen = {k for k, _ in counts}
    for k in sorted(KINDS - kinds_seen):
        errors.append(f"kind {k!r} has no questions")

    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    print(f"\n{total} questions; answerable {n_ans}, empty {n_empty}")
    print(f"{'kind':<16}{'en':>5}{'ja':>5}{'all':>6}")
    for k in sorted({k for k, _ in counts}, key=str):
        a, b = counts[(k, "en")], counts[(k, "ja")]
        print(f"{k:<16}{a:>5}{b:>5}{a + b:>6}")
    print(f"{'total':<16}{en:>5}{ja:>5}{en + ja:>6}")
    if errors:
        print(f"\nFAILED: {len(errors)} error(s)")
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
