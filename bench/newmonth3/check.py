#!/usr/bin/env python3
"""Validate bench/newmonth3: the synthetic May 2026 digest and its questions.

    python3 bench/newmonth3/check.py

Checks, in plain Python (no project code is imported or run when the parsed items are available
as a file: $POLICY_BOT_ITEMS_JSON, else /work/drafts/items.json, else `policy-bot ingest --json`):
  * 2026-05.txt has exactly the layout of data/digests/2026-01.txt: the same header lines, the
    same section headings with the month changed to 5月, items `  N. (YYYY/MM/DD)title` numbered
    from 1 in each section, body lines indented 4 spaces (1-3 sentences for policy/activity items;
    report items are title + URLs only, as in the template), at least one https URL per item,
    "なし" for an empty section; dates fall in May 2026; no URL of the month is already a URL of
    an existing item, and first URLs are unique.
  * questions.yml: `today: 2026-06-10`; 60 questions, 45 answerable and 15 must-be-empty; every
    question has q, split (tune), kind, lang and no other key; no duplicates (NFKC, case and
    whitespace folded); answerable ones have 1-5 expect_any URLs that are first URLs of the new
    month's items or of items.json items, at least one of them a May item; relative questions
    ("last month" = May 2026) expect May items only; every May item is expected by at least one
    question.
  * must-be-empty ones have `empty: true` and `why: "grep: a | b | c ; ..."` with at least one
    English and one Japanese term; no term occurs in data/** (every text file; compressed or
    binary files such as the dictionary's .tsv.gz are skipped) nor in the new month. Terms are
    compared after NFKC and lower-casing; English (ASCII) terms match at a word start (so a term
    also catches its longer forms), Japanese terms as substrings.
  * English questions do not copy title words: an English question may not share a non-trivial
    English word (2+ letters, not a function word or "ai") with the title of a May item it expects.
Exits 1 on any error.
"""
import datetime
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN = os.path.abspath(os.path.join(HERE, "..", ".."))
DATA = os.path.join(MAIN, "data")
MONTH = os.path.join(HERE, "2026-05.txt")
MONTH_NAME = "2026-05.txt"
TEMPLATE = os.path.join(DATA, "digests", "2026-01.txt")
QUESTIONS = os.path.join(HERE, "questions.yml")
FIRST_DAY, LAST_DAY = datetime.date(2026, 5, 1), datetime.date(2026, 5, 31)
TODAY = datetime.date(2026, 6, 10)
N_QUESTIONS, N_ANSWERABLE, N_EMPTY, MIN_JA = 60, 45, 15, 10

KINDS = {"country-period", "actor-period", "institute", "topic", "citation", "relative",
         "japanese", "misspelling", "english-topic", "empty"}
LANGS = {"en", "ja"}
ITEM_RE = re.compile(r"^  (\d+)\. \((\d{4})/(\d{2})/(\d{2})(?:(?:~|、)(\d{1,2}))?\)(\S.*)$")
URL_RE = re.compile(r"^    (https?://\S+?)(?:\([^)]*\))?$")
JA_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")
ASCII_RE = re.compile(r"[\x00-\x7f]+")
WORD_RE = re.compile(r"[a-z][a-z0-9]*(?:['-][a-z0-9]+)*")
TRIVIAL = {
    "ai", "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from",
    "as", "is", "are", "was", "be", "it", "its", "this", "that", "any", "anything", "what", "which",
    "who", "how", "did", "do", "does", "has", "have", "new", "about", "pls", "me", "my", "i",
}

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    return unicodedata.normalize("NFKC", s).lower()


def month_headings(template_text, month):
    """Header lines and section headings of the template with its month replaced."""
    lines = template_text.split("\n")
    header = lines[:4]
    headings = []
    for line in lines:
        if line and not line.startswith(" ") and line not in header:
            headings.append(re.sub(r"\(1月1日~1月31日\)", f"({month}月1日~{month}月31日)", line))
    return header, headings


def parse_digest(path):
    """Items of a numbered digest: section, number, start date, title, body lines, URLs."""
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    items, section, cur, empty_sections = [], None, None, []
    for i, line in enumerate(lines, 1):
        if line == "":
            continue
        if line != line.rstrip():
            err(f"{MONTH_NAME}:{i}: trailing whitespace")
        if not line.startswith(" "):
            if line == "なし":
                if section is None:
                    err(f"{MONTH_NAME}:{i}: なし outside a section")
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
                err(f"{MONTH_NAME}:{i}: bad date")
                start = None
            if start and end and not (start.day < int(end) <= 31):
                err(f"{MONTH_NAME}:{i}: bad end day {end}")
            cur = {"section": section, "n": int(n), "start": start, "end": end, "title": title,
                   "body": [], "urls": [], "line": i}
            items.append(cur)
            continue
        if cur is None:
            err(f"{MONTH_NAME}:{i}: indented line outside an item: {line[:40]}")
            continue
        if line.startswith("    ") and not line.startswith("     "):
            u = URL_RE.match(line)
            if u:
                cur["urls"].append(u.group(1))
            elif line.startswith("    http"):
                err(f"{MONTH_NAME}:{i}: malformed URL line")
            else:
                if cur["urls"]:
                    err(f"{MONTH_NAME}:{i}: body line after the URLs")
                cur["body"].append(line[4:])
        else:
            err(f"{MONTH_NAME}:{i}: line neither item, body (4 spaces) nor heading: {line[:40]}")
    if text.endswith("\n"):
        err(f"{MONTH_NAME}: ends with a newline (the template does not)")
    return text, items, empty_sections


def check_digest():
    template = open(TEMPLATE, encoding="utf-8").read()
    header, headings = month_headings(template, FIRST_DAY.month)
    text, items, empty_sections = parse_digest(MONTH)
    lines = text.split("\n")
    if lines[:4] != header:
        err(f"{MONTH_NAME}: header lines differ from 2026-01.txt")
    got = [l for l in lines if l and not l.startswith(" ") and l not in header and l != "なし"]
    if got != headings:
        err(f"{MONTH_NAME}: section headings differ from 2026-01.txt's (with {FIRST_DAY.month}月):"
            f"\n  got {got}\n  want {headings}")
    # blank-line rhythm of the template: a blank line before every heading and every item
    for i, line in enumerate(lines[1:], 1):
        if line and (not line.startswith(" ") or ITEM_RE.match(line)) and lines[i - 1] != "" \
                and line not in header:
            err(f"{MONTH_NAME}:{i + 1}: no blank line before a heading or item")
    by_section = {}
    for it in items:
        by_section.setdefault(it["section"], []).append(it)
    for sec in headings:
        its = by_section.get(sec, [])
        if sec.startswith("海外主要国のAI政策動向"):
            if its:
                err(f"{MONTH_NAME}: items directly under {sec}")
            continue
        if not its and sec not in empty_sections:
            err(f"{MONTH_NAME}: section {sec} has no items and no なし")
        if its and sec in empty_sections:
            err(f"{MONTH_NAME}: section {sec} has items and なし")
        if [it["n"] for it in its] != list(range(1, len(its) + 1)):
            err(f"{MONTH_NAME}: {sec}: items not numbered 1..{len(its)}")
        starts = [it["start"] for it in its if it["start"]]
        if starts != sorted(starts):
            err(f"{MONTH_NAME}: {sec}: items not in date order")
    first_urls, all_urls = {}, {}
    for it in items:
        where = f"{MONTH_NAME}:{it['line']}"
        if it["start"] and not (FIRST_DAY <= it["start"] <= LAST_DAY):
            err(f"{where}: date {it['start']} outside {FIRST_DAY:%B %Y}")
        if not it["urls"]:
            err(f"{where}: item without a URL")
            continue
        for u in it["urls"]:
            if not u.startswith("https://"):
                err(f"{where}: URL not https: {u}")
            if u in all_urls:
                err(f"{where}: URL repeats one of the item at line {all_urls[u]['line']}")
            all_urls[u] = it
        if not it["title"].strip():
            err(f"{where}: empty title")
        first_urls[it["urls"][0]] = it
        is_report = "レポート等" in (it["section"] or "")
        if is_report:
            if it["body"]:
                err(f"{where}: report item with body lines (the template has title + URLs only)")
        else:
            if not it["body"]:
                err(f"{where}: policy/activity item without a body line")
            sentences = sum(b.count("。") for b in it["body"])
            if not 1 <= sentences <= 3:
                err(f"{where}: body has {sentences} sentences (want 1-3)")
    return text, items, first_urls, all_urls


def load_corpus_items():
    path = os.environ.get("POLICY_BOT_ITEMS_JSON")
    if not path and os.path.exists("/work/drafts/items.json"):
        path = "/work/drafts/items.json"
    if path:
        data = json.load(open(path, encoding="utf-8"))
    else:
        out = subprocess.run(["node", os.path.join(MAIN, "bin", "policy-bot.js"), "ingest", "--json"],
                             cwd=MAIN, check=True, capture_output=True, text=True).stdout
        data = json.loads(out)
    items = data if isinstance(data, list) else data.get("items", [])
    first, every = {}, set()
    for it in items:
        urls = it.get("urls") or []
        if urls:
            first[urls[0]] = it
        every.update(urls)
    if not first:
        err("items.json: no items with URLs")
    return first, every


def data_texts():
    """Every text file under data/ (binary or compressed files skipped), normalised."""
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
                out.append((os.path.relpath(p, MAIN), norm(raw.decode("utf-8"))))
            except UnicodeDecodeError:
                continue
    if not out:
        err("data/: no text files found")
    return out


def term_pattern(term):
    t = norm(term).strip()
    if ASCII_RE.fullmatch(t):
        return re.compile(r"(?<![a-z0-9])" + re.escape(t))
    return re.compile(re.escape(t))


def words(s):
    return {w for w in WORD_RE.findall(norm(s)) if w not in TRIVIAL and len(w) >= 2}


def check_questions(month_text, month_first, corpus_first):
    try:
        doc = yaml.safe_load(open(QUESTIONS, encoding="utf-8"))
    except yaml.YAMLError as e:
        err(f"questions.yml: not valid YAML: {e}")
        return []
    if not isinstance(doc, dict):
        err("questions.yml: not a mapping")
        return []
    if set(doc) - {"today", "questions"}:
        err(f"questions.yml: unknown top-level keys {sorted(set(doc) - {'today', 'questions'})}")
    today = doc.get("today")
    if today != TODAY:
        err(f"questions.yml: today must be {TODAY} (got {today!r})")
    qs = doc.get("questions")
    if not isinstance(qs, list) or not qs:
        err("questions.yml: no questions list")
        return []
    texts = data_texts()
    month_norm = norm(month_text)
    seen = {}
    covered = set()
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
        key = re.sub(r"\s+", " ", norm(text)).strip()
        if key in seen:
            err(f"{w}: duplicate of questions[{seen[key]}]")
        seen[key] = i
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
        if kind == "empty" or "empty" in q:
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
            if not any(ASCII_RE.fullmatch(t) for t in terms):
                err(f"{w}: no English grep term")
            if not any(JA_RE.search(t) for t in terms):
                err(f"{w}: no Japanese grep term")
            for t in terms:
                pat = term_pattern(t)
                if pat.search(month_norm):
                    err(f"{w}: grep term {t!r} occurs in {MONTH_NAME}")
                for path, body in texts:
                    if pat.search(body):
                        err(f"{w}: grep term {t!r} occurs in {path}")
        else:
            if "why" in q:
                err(f"{w}: answerable question with why")
            urls = q.get("expect_any")
            if not isinstance(urls, list) or not urls or not all(isinstance(u, str) for u in urls):
                err(f"{w}: expect_any must be a non-empty list of URLs")
                continue
            if len(urls) > 5:
                err(f"{w}: expect_any has {len(urls)} URLs (max 5)")
            if len(set(urls)) != len(urls):
                err(f"{w}: expect_any repeats a URL")
            for u in urls:
                if u not in month_first and u not in corpus_first:
                    err(f"{w}: {u} is not the first URL of any item ({MONTH_NAME} or items.json)")
            if not any(u in month_first for u in urls):
                err(f"{w}: no expected item of the new month")
            if kind == "relative":
                for u in urls:
                    if u not in month_first:
                        err(f"{w}: relative question expects {u}, not an item of last month")
            covered.update(u for u in urls if u in month_first)
            if lang == "en":
                qw = words(text)
                for u in urls:
                    if u in month_first:
                        shared = qw & words(month_first[u]["title"])
                        if shared:
                            err(f"{w}: shares {sorted(shared)} with the title of the May item at "
                                f"line {month_first[u]['line']} (paraphrase, don't copy)")
    for u, it in month_first.items():
        if u not in covered:
            err(f"{MONTH_NAME}:{it['line']}: item expected by no question")
    n_empty = sum(1 for q in qs if isinstance(q, dict) and q.get("empty") is True)
    if len(qs) != N_QUESTIONS or n_empty != N_EMPTY or len(qs) - n_empty != N_ANSWERABLE:
        err(f"questions.yml: want {N_QUESTIONS} questions ({N_ANSWERABLE} answerable, {N_EMPTY} "
            f"must-be-empty), got {len(qs)} ({len(qs) - n_empty}, {n_empty})")
    n_ja = sum(1 for q in qs if isinstance(q, dict) and q.get("lang") == "ja")
    if n_ja < MIN_JA:
        err(f"questions.yml: only {n_ja} Japanese questions (want at least {MIN_JA})")
    missing = KINDS - {q.get("kind") for q in qs if isinstance(q, dict)}
    if missing:
        err(f"questions.yml: no question of kind {sorted(missing)}")
    return qs


def main():
    month_text, items, month_first, month_all = check_digest()
    corpus_first, corpus_every = load_corpus_items()
    for u, it in month_all.items():
        if u in corpus_every:
            err(f"{MONTH_NAME}:{it['line']}: URL {u} is already a URL of the existing corpus")
    qs = check_questions(month_text, month_first, corpus_first)

    kinds = Counter((q.get("kind"), q.get("lang")) for q in qs if isinstance(q, dict))
    langs = Counter(q.get("lang") for q in qs if isinstance(q, dict))
    empty = sum(1 for q in qs if isinstance(q, dict) and q.get("empty") is True)
    by_sec = Counter(it["section"] for it in items)
    print(f"{MONTH_NAME}: {len(items)} items")
    for sec, n in by_sec.items():
        print(f"  {n:2d}  {sec}")
    print(f"questions.yml: {len(qs)} questions, {len(qs) - empty} answerable, {empty} must-be-empty")
    print(f"  {'kind':<16}{'en':>4}{'ja':>4}")
    for k in sorted({k for k, _ in kinds}, key=str):
        print(f"  {k:<16}{kinds[(k, 'en')]:>4}{kinds[(k, 'ja')]:>4}")
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
