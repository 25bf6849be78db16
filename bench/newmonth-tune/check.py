#!/usr/bin/env python3
"""Validate bench/newmonth-tune: the synthetic March 2026 digest and its questions.

    python3 bench/newmonth-tune/check.py

Checks, in plain Python (no project code):
  * 2026-03.txt has exactly the layout of data/digests/2026-01.txt: the same header lines, the
    same section headings with the month changed to 3月, items `  N. (YYYY/MM/DD)title` numbered
    from 1 in each section, body lines indented 4 spaces, at least one https URL per item, "なし"
    for an empty section; dates fall in March 2026; first URLs are unique and not already a URL
    of an existing item (the parsed items: `policy-bot ingest --json`).
  * questions.yml: `today: 2026-04-10`; every question has q, split, kind, lang; answerable ones
    have expect_any URLs that are first URLs of the new month's items or of items.json items;
    must-be-empty ones have `empty: true` and `why: "grep: a | b | c ; ..."` whose terms occur
    neither in data/** (every text file; compressed or binary files such as the dictionary's
    .tsv.gz are skipped) nor in the new month. Latin terms match case-insensitively as whole
    words, Japanese terms as substrings.
Exits 1 on any error.
"""
import datetime
import json
import os
import re
import sys
import unicodedata
from collections import Counter

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN = os.path.abspath(os.path.join(HERE, "..", ".."))
DATA = os.path.join(MAIN, "data")
MONTH = os.path.join(HERE, "2026-03.txt")
TEMPLATE = os.path.join(DATA, "digests", "2026-01.txt")
QUESTIONS = os.path.join(HERE, "questions.yml")
ITEMS = os.environ.get("POLICY_BOT_ITEMS_JSON")  # else `policy-bot ingest --json`
sys.path.insert(0, os.path.join(HERE, ".."))
from check_questions import load_items  # noqa: E402

KINDS = {"country-period", "actor-period", "institute", "topic", "citation", "relative",
         "japanese", "misspelling", "english-topic", "empty"}
LANGS = {"en", "ja"}
ITEM_RE = re.compile(r"^  (\d+)\. \((\d{4})/(\d{2})/(\d{2})(?:(?:~|、)(\d{1,2}))?\)(\S.*)$")
URL_RE = re.compile(r"^    (https?://\S+?)(?:\([^)]*\))?$")
JA_RE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")

errors = []


def err(msg):
    errors.append(msg)


def month_headings(template_text, month):
    """Header lines and section headings of the template with its month replaced."""
    lines = template_text.split("\n")
    header = lines[:4]
    headings = []
    for line in lines:
        if line and not line.startswith(" ") and line not in header:
            h = re.sub(r"\(1月1日~1月31日\)", f"({month}月1日~{month}月31日)", line)
            headings.append(h)
    return header, headings


def parse_digest(path):
    """Items of a numbered digest: section, number, start date, title, body lines, URLs."""
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    items, section, cur, empty_sections = [], None, None, []
    for i, line in enumerate(lines, 1):
        if line == "":
            continue
        if not line.startswith(" "):
            if line == "なし":
                if section is None:
                    err(f"{path}:{i}: なし outside a section")
                empty_sections.append(section)
            else:
                section = line
            cur = None
            continue
        m = ITEM_RE.match(line)
        if m:
            n, y, mo, d, end, title = m.groups()
            try:
                start = datetime.date(int(y), int(mo), int(d))
            except ValueError:
                err(f"{path}:{i}: bad date")
                start = None
            cur = {"section": section, "n": int(n), "start": start, "end": end, "title": title,
                   "body": [], "urls": [], "line": i}
            items.append(cur)
            continue
        if cur is None:
            err(f"{path}:{i}: indented line outside an item: {line[:40]}")
            continue
        if line.startswith("    ") and not line.startswith("     "):
            u = URL_RE.match(line)
            if u:
                cur["urls"].append(u.group(1))
            elif line.startswith("    http"):
                err(f"{path}:{i}: malformed URL line")
            else:
                if cur["urls"]:
                    err(f"{path}:{i}: body line after the URLs")
                cur["body"].append(line[4:])
        else:
            err(f"{path}:{i}: line neither item, body (4 spaces) nor heading: {line[:40]}")
    return text, items, empty_sections


def check_digest():
    template = open(TEMPLATE, encoding="utf-8").read()
    header, headings = month_headings(template, 3)
    text, items, empty_sections = parse_digest(MONTH)
    lines = text.split("\n")
    if lines[:4] != header:
        err("2026-03.txt: header lines differ from 2026-01.txt")
    got = [l for l in lines if l and not l.startswith(" ") and l not in header and l != "なし"]
    if got != headings:
        err(f"2026-03.txt: section headings differ from 2026-01.txt's (with 3月):\n  got {got}\n  want {headings}")
    by_section = {}
    for it in items:
        by_section.setdefault(it["section"], []).append(it)
    for sec in headings:
        its = by_section.get(sec, [])
        if sec.startswith("海外主要国のAI政策動向"):
            if its:
                err(f"2026-03.txt: items directly under {sec}")
            continue
        if not its and sec not in empty_sections:
            err(f"2026-03.txt: section {sec} has no items and no なし")
        if its and sec in empty_sections:
            err(f"2026-03.txt: section {sec} has items and なし")
        if [it["n"] for it in its] != list(range(1, len(its) + 1)):
            err(f"2026-03.txt: {sec}: items not numbered 1..{len(its)}")
    first_urls = {}
    for it in items:
        where = f"2026-03.txt:{it['line']}"
        if it["start"] and not (datetime.date(2026, 3, 1) <= it["start"] <= datetime.date(2026, 3, 31)):
            err(f"{where}: date {it['start']} outside March 2026")
        if not it["urls"]:
            err(f"{where}: item without a URL")
            continue
        for u in it["urls"]:
            if not u.startswith("https://"):
                err(f"{where}: URL not https: {u}")
        if not it["title"].strip():
            err(f"{where}: empty title")
        if it["urls"][0] in first_urls:
            err(f"{where}: first URL repeats item at line {first_urls[it['urls'][0]]['line']}")
        first_urls[it["urls"][0]] = it
        is_report = "レポート等" in (it["section"] or "")
        if not is_report and not it["body"]:
            err(f"{where}: policy/activity item without a body line")
    return text, items, first_urls


def load_corpus_items():
    data = load_items(ITEMS)
    items = data if isinstance(data, list) else data.get("items", [])
    first, every = {}, set()
    for it in items:
        urls = it.get("urls") or []
        if urls:
            first[urls[0]] = it
        every.update(urls)
    return first, every


def data_texts():
    """Every text file under data/ (binary or compressed files skipped)."""
    out = []
    for root, _dirs, files in os.walk(DATA):
        for f in sorted(files):
            p = os.path.join(root, f)
            try:
                raw = open(p, "rb").read()
            except OSError:
                continue
            if b"\0" in raw[:8192] or f.endswith((".gz", ".zip", ".sqlite", ".bin")):
                continue
            try:
                out.append((os.path.relpath(p, MAIN), raw.decode("utf-8")))
            except UnicodeDecodeError:
                continue
    return out


def term_found(term, text):
    t = unicodedata.normalize("NFKC", term)
    s = unicodedata.normalize("NFKC", text)
    if re.fullmatch(r"[\x00-\x7f]+", t):
        return re.search(r"(?<![A-Za-z0-9])" + re.escape(t) + r"(?![A-Za-z0-9])", s, re.I) is not None
    return t.lower() in s.lower()


def check_questions(month_text, month_first, corpus_first):
    doc = yaml.safe_load(open(QUESTIONS, encoding="utf-8"))
    if not isinstance(doc, dict):
        err("questions.yml: not a mapping")
        return []
    today = doc.get("today")
    if today != datetime.date(2026, 4, 10):
        err(f"questions.yml: today must be 2026-04-10 (got {today!r})")
    qs = doc.get("questions")
    if not isinstance(qs, list) or not qs:
        err("questions.yml: no questions list")
        return []
    texts = data_texts()
    seen = set()
    for i, q in enumerate(qs):
        w = f"questions[{i}]"
        if not isinstance(q, dict):
            err(f"{w}: not a mapping")
            continue
        allowed = {"q", "split", "kind", "lang", "expect_any", "empty", "why"}
        extra = set(q) - allowed
        if extra:
            err(f"{w}: unknown keys {sorted(extra)}")
        text = q.get("q")
        if not isinstance(text, str) or not text.strip():
            err(f"{w}: q missing")
            continue
        w = f"{w} {text!r}"
        if text in seen:
            err(f"{w}: duplicate question")
        seen.add(text)
        if q.get("split") != "tune":
            err(f"{w}: split must be tune")
        kind, lang = q.get("kind"), q.get("lang")
        if kind not in KINDS:
            err(f"{w}: kind {kind!r} not one of {sorted(KINDS)}")
        if lang not in LANGS:
            err(f"{w}: lang {lang!r}")
        if lang == "ja" and not JA_RE.search(text):
            err(f"{w}: lang ja but no Japanese")
        if lang == "en" and JA_RE.search(text):
            err(f"{w}: lang en but Japanese characters")
        if kind == "japanese" and lang != "ja":
            err(f"{w}: kind japanese needs lang ja")
        if kind == "empty" or q.get("empty"):
            if kind != "empty" or q.get("empty") is not True:
                err(f"{w}: must-be-empty needs kind: empty and empty: true")
            if "expect_any" in q:
                err(f"{w}: must-be-empty with expect_any")
            why = q.get("why")
            m = re.match(r"^grep:\s*([^;]+)", why or "")
            if not m:
                err(f"{w}: why must start with 'grep: term | term ; ...'")
                continue
            terms = [t.strip() for t in m.group(1).split("|") if t.strip()]
            if not terms:
                err(f"{w}: no grep terms")
            for t in terms:
                if term_found(t, month_text):
                    err(f"{w}: grep term {t!r} occurs in 2026-03.txt")
                for path, body in texts:
                    if term_found(t, body):
                        err(f"{w}: grep term {t!r} occurs in {path}")
        else:
            if "why" in q:
                err(f"{w}: answerable question with why")
            urls = q.get("expect_any")
            if not isinstance(urls, list) or not urls or not all(isinstance(u, str) for u in urls):
                err(f"{w}: expect_any must be a non-empty list of URLs")
                continue
            if len(set(urls)) != len(urls):
                err(f"{w}: expect_any repeats a URL")
            for u in urls:
                if u not in month_first and u not in corpus_first:
                    err(f"{w}: {u} is not the first URL of any item (2026-03 or items.json)")
            if not any(u in month_first for u in urls):
                err(f"{w}: no expected item of the new month")
    return qs


def main():
    month_text, items, month_first = check_digest()
    corpus_first, corpus_every = load_corpus_items()
    for u, it in month_first.items():
        if u in corpus_every:
            err(f"2026-03.txt:{it['line']}: first URL {u} is already a URL of the existing corpus")
    qs = check_questions(month_text, month_first, corpus_first)

    kinds = Counter(q.get("kind") for q in qs if isinstance(q, dict))
    langs = Counter(q.get("lang") for q in qs if isinstance(q, dict))
    empty = sum(1 for q in qs if isinstance(q, dict) and q.get("empty") is True)
    by_sec = Counter(it["section"] for it in items)
    print(f"2026-03.txt: {len(items)} items")
    for sec, n in by_sec.items():
        print(f"  {n:2d}  {sec}")
    print(f"questions.yml: {len(qs)} questions, {len(qs) - empty} answerable, {empty} must-be-empty")
    print("  kinds: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    print("  langs: " + ", ".join(f"{k} {n}" for k, n in sorted(langs.items())))
    if errors:
        print(f"\n{len(errors)} error(s):", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
