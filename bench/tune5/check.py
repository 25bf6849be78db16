#!/usr/bin/env python3
"""Validate bench/tune5/questions.yml (policy-bot tuning set).

Checks: schema; every `expect`/`expect_any` URL is the FIRST url of some item in
the parsed items (`policy-bot ingest --json`); every `expect_titles` string is a substring of some item
title; no duplicate questions; for `empty: true` questions, none of the grep terms
listed in `why` (after "grep:") occurs in the data files (NFKC, case-insensitive;
English/ASCII terms matched at word starts, other terms as substrings, also with
whitespace removed so that spaced-out text such as "A I S I" is caught).

Usage: python3 bench/tune5/check.py [questions.yml]   (exit 1 on any error)
       python3 bench/tune5/check.py --grep TERM [TERM...]   (show where terms occur)
"""
import glob
import json
import os
import re
import sys
import unicodedata
from datetime import date

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(HERE, ".."))
from check_questions import load_items  # noqa: E402  (the items from `policy-bot ingest --json`)
DATA_GLOBS = ["data/digests/*", "data/reports/*", "data/briefings/*", "data/sources.yml"]

KINDS = {"country-period", "actor-period", "institute", "topic", "citation", "relative",
         "japanese", "misspelling", "english-topic", "empty"}
LANGS = {"en", "ja"}
ANSWER_KEYS = ("expect", "expect_any", "expect_titles", "empty")
ALLOWED_KEYS = {"q", "split", "kind", "lang", "today", "why", *ANSWER_KEYS}
LIMITS = {"expect": 3, "expect_any": 5}


def norm(s):
    return unicodedata.normalize("NFKC", s).lower()


def join_spaced_letters(s):
    # "a i s i" -> "aisi" (the briefing deck spells some acronyms letter by letter)
    return re.sub(r"\b(?:[a-z] ){1,}[a-z]\b", lambda m: m.group(0).replace(" ", ""), s)


def load_corpus(items):
    texts = []
    for g in DATA_GLOBS:
        for p in sorted(glob.glob(os.path.join(ROOT, g))):
            if os.path.isfile(p):
                with open(p, encoding="utf-8") as f:
                    texts.append((os.path.relpath(p, ROOT), f.read()))
    texts.append(("items.json", json.dumps(items, ensure_ascii=False)))
    out = []
    for name, t in texts:
        n = norm(t)
        out.append((name, n, join_spaced_letters(n), re.sub(r"\s+", "", n)))
    return out


def is_ascii_term(t):
    return all(ord(c) < 128 for c in t)


def find_term(term, corpus):
    """Return list of (file, snippet) where term occurs."""
    t = norm(term).strip()
    hits = []
    if not t:
        return hits
    if is_ascii_term(t):
        words = [re.escape(w) for w in t.split()]
        rx = re.compile(r"(?<![a-z0-9])" + r"\s*".join(words))
        for name, n, joined, _ in corpus:
            for text in (n, joined):
                m = rx.search(text)
                if m:
                    hits.append((name, text[max(0, m.start() - 30): m.end() + 30].replace("\n", " ")))
                    break
    else:
        t_nows = re.sub(r"\s+", "", t)
        for name, n, _, nows in corpus:
            i = n.find(t)
            if i >= 0:
                hits.append((name, n[max(0, i - 30): i + len(t) + 30].replace("\n", " ")))
                continue
            i = nows.find(t_nows)
            if i >= 0:
                hits.append((name, nows[max(0, i - 30): i + len(t_nows) + 30]))
    return hits


def grep_terms(why):
    m = re.search(r"grep:\s*(.*)$", why, re.S)
    if not m:
        return None
    body = m.group(1).strip()
    if body.endswith(")"):
        body = body[:-1]
    terms = []
    for part in re.split(r"[,、;]", body):
        p = part.strip().strip("\"'“”「」")
        if p:
            terms.append(p)
    return terms


def main(argv):
    if len(argv) > 1 and argv[1] == "--grep":
        corpus = load_corpus(load_items(None))
        rc = 0
        for term in argv[2:]:
            hits = find_term(term, corpus)
            print(f"{term!r}: {'FOUND' if hits else 'none'}")
            for name, snip in hits[:3]:
                print(f"    {name}: …{snip}…")
            rc |= bool(hits)
        return rc

    path = argv[1] if len(argv) > 1 else os.path.join(HERE, "questions.yml")
    errors = []
    items = load_items(None)
    first_urls = {it["urls"][0] for it in items if it.get("urls")}
    titles = [it["title"] for it in items]
    corpus = load_corpus(items)

    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    if not isinstance(doc, dict) or set(doc) != {"today", "questions"}:
        errors.append("top level must be a mapping with exactly `today` and `questions`")
        doc = doc if isinstance(doc, dict) else {}
    if not isinstance(doc.get("today"), date):
        errors.append("`today` must be a date (YYYY-MM-DD)")
    qs = doc.get("questions") or []
    if not isinstance(qs, list) or not qs:
        errors.append("`questions` must be a non-empty list")
        qs = []

    seen = {}
    for i, q in enumerate(qs, 1):
        where = f"#{i}"
        if not isinstance(q, dict):
            errors.append(f"{where}: not a mapping")
            continue
        text = q.get("q")
        where = f"#{i} {text!r}"
        extra = set(q) - ALLOWED_KEYS
        if extra:
            errors.append(f"{where}: unknown keys {sorted(extra)}")
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: `q` must be a non-empty string")
            continue
        key = " ".join(norm(text).split())
        if key in seen:
            errors.append(f"{where}: duplicate of #{seen[key]}")
        seen[key] = i
        if q.get("split") != "tune":
            errors.append(f"{where}: split must be 'tune'")
        if q.get("kind") not in KINDS:
            errors.append(f"{where}: bad kind {q.get('kind')!r}")
        if q.get("lang") not in LANGS:
            errors.append(f"{where}: bad lang {q.get('lang')!r}")
        if "today" in q and not isinstance(q["today"], date):
            errors.append(f"{where}: `today` must be a date")
        present = [k for k in ANSWER_KEYS if k in q]
        if len(present) != 1:
            errors.append(f"{where}: needs exactly one of {ANSWER_KEYS}, has {present}")
            continue
        k = present[0]
        if k == "empty":
            if q["empty"] is not True:
                errors.append(f"{where}: empty must be true")
            if q.get("kind") != "empty":
                errors.append(f"{where}: empty questions must have kind 'empty'")
            why = q.get("why")
            if not isinstance(why, str) or not why.strip():
                errors.append(f"{where}: empty question needs `why`")
                continue
            terms = grep_terms(why)
            if not terms:
                errors.append(f"{where}: `why` lists no grep terms (expected 'grep: a, b, ...')")
                continue
            for t in terms:
                hits = find_term(t, corpus)
                if hits:
                    name, snip = hits[0]
                    errors.append(f"{where}: grep term {t!r} occurs in {name}: …{snip}…")
            continue
        if q.get("kind") == "empty":
            errors.append(f"{where}: kind 'empty' but not empty: true")
        if "why" in q:
            errors.append(f"{where}: `why` only belongs to empty questions")
        vals = q[k]
        if not isinstance(vals, list) or not vals or not all(isinstance(v, str) for v in vals):
            errors.append(f"{where}: {k} must be a non-empty list of strings")
            continue
        if len(set(vals)) != len(vals):
            errors.append(f"{where}: {k} has duplicates")
        if k in LIMITS and len(vals) > LIMITS[k]:
            errors.append(f"{where}: {k} has {len(vals)} entries (max {LIMITS[k]})")
        if k in ("expect", "expect_any"):
            for u in vals:
                if u not in first_urls:
                    errors.append(f"{where}: {u} is not the first URL of any item")
        else:
            if len(vals) > 3:
                errors.append(f"{where}: expect_titles has {len(vals)} entries (max 3)")
            for s in vals:
                if not any(s in t for t in titles):
                    errors.append(f"{where}: title substring {s!r} matches no item title")

    for e in errors:
        print("ERROR", e)
    from collections import Counter
    c = Counter((q.get("kind"), q.get("lang")) for q in qs if isinstance(q, dict))
    kinds = sorted({k for k, _ in c})
    print(f"{len(qs)} questions, {len(errors)} errors")
    for kd in kinds:
        print(f"  {kd:14} en={c[(kd, 'en')]:3}  ja={c[(kd, 'ja')]:3}")
    n_empty = sum(1 for q in qs if isinstance(q, dict) and q.get("empty") is True)
    n_en = sum(1 for q in qs if isinstance(q, dict) and q.get("lang") == "en")
    print(f"  answerable={len(qs) - n_empty} empty={n_empty} en={n_en} ja={len(qs) - n_en}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
