#!/usr/bin/env python3
"""Validate bench/newmonth4: the synthetic (FICTIONAL) June 2026 digest and its questions.

    python3 bench/newmonth4/check.py [--month FILE] [--questions FILE] [--items ITEMS.json]

Plain python3 + PyYAML; no project code is imported and the bot is never run. The parsed items of
the existing corpus come from /work/drafts/items.json (or $POLICY_BOT_ITEMS_JSON, or --items).

Checks
  2026-06.txt, against data/digests/2026-01.txt:
    * the same 4 header lines; the same unindented headings in the same order, with
      (1月1日~1月31日) replaced by (6月1日~6月30日); no items directly under
      "海外主要国のAI政策動向"; "なし" only for an empty section;
    * items `  N. (YYYY/MM/DD)title` (optionally `~D` or `、D`), numbered 1..n in each section;
      body lines indented exactly 4 spaces, then 1-2 URL lines (https, no spaces); report sections
      ("…レポート等") title + URL only, every other item has a body; a blank line before each item
      and heading, no double blank lines, no tabs, no trailing blanks, the same file ending as the
      template; 30-40 items; start dates and range ends in June 2026;
    * URLs unique in the month, and none of them is a URL of an items.json item;
    * no subject word of the other synthetic months (see AVOID) occurs in the month.
  questions.yml:
    * top level only `today` (2026-07-10) and `questions`; 60 questions, 45 answerable, 15 empty;
      languages about 48 en / 12 ja; every question has q, split (holdout), kind, lang; no unknown
      keys; script matches lang; kind japanese is lang ja; no duplicates (NFKC, case, blanks);
    * answerable: expect_any of 1-5 distinct URLs, each the first URL of a June item or of an
      items.json item, at least one June; relative questions carry `today: 2026-07-10` (as
      bench/check_questions.py wants) and expect June items only, dated on or before today;
    * title-copy rule: an English question shares no Latin word (other than "ai") with the title
      of any item it expects;
    * must-be-empty: kind empty, `empty: true`, `why: "grep: term, term, ..."` with at least one
      ASCII and one Japanese term; no term occurs in the month or in any text file under data/
      (compressed/binary files such as *.tsv.gz skipped); ASCII terms match case-insensitively at
      a word start, Japanese terms as substrings, after NFKC. A hit names the file only;
    * every June item is expected by at least one question.
Exit 0 = OK, 1 = errors (listed on stderr).
"""
import argparse
import collections
import datetime as dt
import json
import os
import re
import sys
import unicodedata

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN = os.path.abspath(os.path.join(HERE, "..", ".."))
DATA = os.path.join(MAIN, "data")
TEMPLATE = os.path.join(DATA, "digests", "2026-01.txt")
DEFAULT_ITEMS = os.environ.get("POLICY_BOT_ITEMS_JSON", "/work/drafts/items.json")

YEAR, MONTH, LAST_DAY = 2026, 6, 30
TODAY = dt.date(2026, 7, 10)
SPLIT = "holdout"
N_QUESTIONS, N_ANSWERABLE, N_EMPTY = 60, 45, 15
EN_RANGE, JA_RANGE = (44, 52), (8, 16)
N_ITEMS = (30, 40)

KINDS = {"english-topic", "topic", "country-period", "actor-period", "institute", "citation",
         "relative", "misspelling", "japanese", "empty"}
ALLOWED_KEYS = {"q", "split", "kind", "lang", "expect_any", "empty", "why", "today"}
# Subject words of the other synthetic months (bench/newmonth-tune*/README.md and the brief):
# none may occur in this month.
AVOID = ["医療機器", "PMDA", "医薬品医療機器", "文部科学省", "教員", "児童", "生徒", "銀行", "融資", "与信",
         "採用", "著作権", "農業", "農林水産", "災害", "防災", "気象", "洪水", "自動運転", "ランサムウェア",
         "放送", "アクセシビリティ", "手話", "ロボコール", "量子", "監視カメラ", "保険", "国税", "税務",
         "裁判", "選挙", "防衛", "FDA", "WHO", "観光", "インバウンド", "電力", "送電", "漁業", "水産",
         "航空", "FAA", "IMO", "MASS", "JAXA", "衛星", "北海道", "福岡", "コロラド", "スペイン",
         "アイルランド", "ブラジル", "テキサス", "ベトナム", "インドネシア"]

ITEM_RE = re.compile(r"^  (\d+)\. \((\d{4})/(\d{2})/(\d{2})(?:(~|、)(\d{1,2}))?\)(\S.*)$")
URL_RE = re.compile(r"^    (https?://\S+)$")
JA_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")
ASCII_RE = re.compile(r"[\x00-\x7f]+")
LATIN_WORD = re.compile(r"[a-z0-9]+")

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    return unicodedata.normalize("NFKC", s).lower()


# ---------------------------------------------------------------- the month

def template_parts(month_label):
    text = open(TEMPLATE, encoding="utf-8").read()
    lines = text.split("\n")
    header = lines[:4]
    headings = []
    for line in lines[4:]:
        if line and not line.startswith(" ") and line != "なし":
            headings.append(line.replace("(1月1日~1月31日)", month_label))
    return text, header, headings


def parse_month(path):
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    items, section, cur, empty_secs = [], None, None, []
    prev_blank = False
    for i, line in enumerate(lines, 1):
        where = f"{os.path.basename(path)}:{i}"
        if "\t" in line:
            err(f"{where}: tab character")
        if line != line.rstrip():
            err(f"{where}: trailing blank")
        if line == "":
            if prev_blank and i > 1:
                err(f"{where}: two blank lines in a row")
            prev_blank = True
            continue
        was_blank, prev_blank = prev_blank, False
        if i <= 4:
            continue
        if not line.startswith(" "):
            if not was_blank:
                err(f"{where}: heading not preceded by a blank line")
            if line == "なし":
                empty_secs.append(section)
            else:
                section = line
            cur = None
            continue
        m = ITEM_RE.match(line)
        if m:
            if not was_blank:
                err(f"{where}: item not preceded by a blank line")
            n, y, mo, d, sep, end, title = m.groups()
            try:
                start = dt.date(int(y), int(mo), int(d))
            except ValueError:
                err(f"{where}: bad date")
                start = None
            cur = {"n": int(n), "section": section, "start": start, "end": int(end) if end else None,
                   "title": title, "body": [], "urls": [], "line": i}
            items.append(cur)
            continue
        if line.startswith("  ") and re.match(r"^\s+\d+\.", line):
            err(f"{where}: malformed item line: {line[:50]}")
            continue
        if cur is None:
            err(f"{where}: indented line outside an item")
            continue
        if not line.startswith("    ") or line.startswith("     "):
            err(f"{where}: body/URL lines must be indented exactly 4 spaces")
            continue
        if line.startswith("    http"):
            u = URL_RE.match(line)
            if not u:
                err(f"{where}: malformed URL line")
            else:
                cur["urls"].append(u.group(1))
        else:
            if cur["urls"]:
                err(f"{where}: body line after the URLs")
            cur["body"].append(line[4:])
    return text, lines, items, empty_secs


def check_month(path, corpus_every):
    label = f"({MONTH}月1日~{MONTH}月{LAST_DAY}日)"
    ttext, header, headings = template_parts(label)
    text, lines, items, empty_secs = parse_month(path)
    name = os.path.basename(path)
    if lines[:4] != header:
        err(f"{name}: header lines differ from 2026-01.txt")
    got = [l for l in lines[4:] if l and not l.startswith(" ") and l != "なし"]
    if got != headings:
        err(f"{name}: headings differ from 2026-01.txt's (with {label}):\n    got  {got}\n    want {headings}")
    if text.endswith("\n") != ttext.endswith("\n"):
        err(f"{name}: file ending (final newline) differs from the template")
    by_sec = collections.defaultdict(list)
    for it in items:
        by_sec[it["section"]].append(it)
    for sec in headings:
        its = by_sec.get(sec, [])
        if sec.startswith("海外主要国のAI政策動向"):
            if its:
                err(f"{name}: items directly under {sec}")
            continue
        if not its and sec not in empty_secs:
            err(f"{name}: section {sec} has no items and no なし")
        if its and sec in empty_secs:
            err(f"{name}: section {sec} has items and なし")
        if [it["n"] for it in its] != list(range(1, len(its) + 1)):
            err(f"{name}: {sec}: items not numbered 1..{len(its)}")
    if not N_ITEMS[0] <= len(items) <= N_ITEMS[1]:
        err(f"{name}: {len(items)} items (want {N_ITEMS[0]}-{N_ITEMS[1]})")
    first, all_urls = {}, {}
    lo, hi = dt.date(YEAR, MONTH, 1), dt.date(YEAR, MONTH, LAST_DAY)
    for it in items:
        where = f"{name}:{it['line']}"
        s = it["start"]
        if s and not lo <= s <= hi:
            err(f"{where}: date {s} outside {lo}..{hi}")
        if s and it["end"] is not None and not (s.day < it["end"] <= LAST_DAY):
            err(f"{where}: range end {it['end']} not after the start and within the month")
        if not it["title"].strip():
            err(f"{where}: empty title")
        if not 1 <= len(it["urls"]) <= 2:
            err(f"{where}: {len(it['urls'])} URL lines (want 1-2)")
        is_report = "レポート等" in (it["section"] or "")
        if is_report and it["body"]:
            err(f"{where}: report item with a body (template: title + URL only)")
        if not is_report and not it["body"]:
            err(f"{where}: item without a body line")
        for u in it["urls"]:
            if not u.startswith("https://"):
                err(f"{where}: URL not https: {u}")
            if u in all_urls:
                err(f"{where}: URL repeats line {all_urls[u]}: {u}")
            all_urls[u] = it["line"]
            if u in corpus_every:
                err(f"{where}: URL already in items.json: {u}")
        if it["urls"]:
            first[it["urls"][0]] = it
    ntext = norm(text)
    for w in AVOID:
        if term_in(w, ntext, whole=True):
            err(f"{name}: subject word of another synthetic month occurs: {w!r}")
    return text, items, first


# ---------------------------------------------------------------- grep helpers

def term_in(term, normed_text, whole=False):
    t = norm(term).strip()
    if ASCII_RE.fullmatch(t):
        tail = r"(?![a-z0-9])" if whole else ""
        return re.search(r"(?<![a-z0-9])" + re.escape(t) + tail, normed_text) is not None
    return t in normed_text


def data_texts():
    out = []
    for root, _dirs, files in os.walk(DATA):
        for f in sorted(files):
            p = os.path.join(root, f)
            if f.endswith((".gz", ".zip", ".sqlite", ".bin", ".png", ".jpg", ".pdf")):
                continue
            try:
                raw = open(p, "rb").read()
            except OSError:
                continue
            if b"\0" in raw[:8192]:
                continue
            try:
                out.append((os.path.relpath(p, MAIN), norm(raw.decode("utf-8"))))
            except UnicodeDecodeError:
                continue
    return out


def latin_words(s):
    return {w for w in LATIN_WORD.findall(norm(s)) if re.search(r"[a-z]", w)}


# ---------------------------------------------------------------- questions

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


def check_questions(path, month_text, month_first, corpus_first):
    doc = yaml.safe_load(open(path, encoding="utf-8"))
    if not isinstance(doc, dict):
        err("questions.yml: top level is not a mapping")
        return [], set()
    if set(doc) != {"today", "questions"}:
        err(f"questions.yml: top-level keys must be today and questions, got {sorted(doc)}")
    if as_date(doc.get("today")) != TODAY:
        err(f"questions.yml: today must be {TODAY} (got {doc.get('today')!r})")
    qs = doc.get("questions")
    if not isinstance(qs, list) or not qs:
        err("questions.yml: no questions list")
        return [], set()
    texts = data_texts()
    nmonth = norm(month_text)
    seen, covered = {}, set()
    for i, q in enumerate(qs, 1):
        w = f"q#{i}"
        if not isinstance(q, dict):
            err(f"{w}: not a mapping")
            continue
        extra = set(q) - ALLOWED_KEYS
        if extra:
            err(f"{w}: unknown keys {sorted(extra)}")
        text = q.get("q")
        if not isinstance(text, str) or not text.strip():
            err(f"{w}: q missing")
            continue
        w = f"q#{i} {text!r}"
        key = re.sub(r"\s+", " ", norm(text)).strip()
        if key in seen:
            err(f"{w}: duplicate of q#{seen[key]}")
        seen[key] = i
        if q.get("split") != SPLIT:
            err(f"{w}: split must be {SPLIT}")
        kind, lang = q.get("kind"), q.get("lang")
        if kind not in KINDS:
            err(f"{w}: kind {kind!r} not one of {sorted(KINDS)}")
        if lang not in ("en", "ja"):
            err(f"{w}: lang {lang!r}")
        elif lang == "ja" and not JA_RE.search(text):
            err(f"{w}: lang ja but no Japanese characters")
        elif lang == "en" and JA_RE.search(text):
            err(f"{w}: lang en but Japanese characters")
        if kind == "japanese" and lang != "ja":
            err(f"{w}: kind japanese needs lang ja")
        if "today" in q:
            if kind != "relative":
                err(f"{w}: `today` on a non-relative question")
            elif as_date(q["today"]) != TODAY:
                err(f"{w}: today must be {TODAY}")
        elif kind == "relative":
            err(f"{w}: relative question without `today: {TODAY}`")

        if kind == "empty" or "empty" in q:
            if kind != "empty" or q.get("empty") is not True:
                err(f"{w}: must-be-empty needs kind: empty and empty: true")
            if "expect_any" in q:
                err(f"{w}: must-be-empty with expect_any")
            m = re.match(r"^grep:\s*(.+)$", q.get("why") or "")
            if not m:
                err(f"{w}: why must be 'grep: term, term, ...'")
                continue
            terms = [t.strip() for t in m.group(1).split(",") if t.strip()]
            if not any(ASCII_RE.fullmatch(t) for t in terms):
                err(f"{w}: no English grep term")
            if not any(JA_RE.search(t) for t in terms):
                err(f"{w}: no Japanese grep term")
            for t in terms:
                if term_in(t, nmonth):
                    err(f"{w}: grep term {t!r} occurs in 2026-06.txt")
                for p, body in texts:
                    if term_in(t, body):
                        err(f"{w}: grep term {t!r} occurs in {p}")
            continue

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
        if not any(u in month_first for u in urls):
            err(f"{w}: no expected item of the new month")
        qwords = latin_words(text) - {"ai"}
        for u in urls:
            if u in month_first:
                it = month_first[u]
                covered.add(u)
                title = it["title"]
                if kind == "relative" and not (it["start"] and it["start"] <= TODAY
                                               and (TODAY - it["start"]).days <= 62):
                    err(f"{w}: relative question expects {u}, outside the window before {TODAY}")
            elif u in corpus_first:
                title = corpus_first[u].get("title", "")
                if kind == "relative":
                    err(f"{w}: relative question expects a non-June item {u}")
            else:
                err(f"{w}: {u} is not the first URL of a June item or of an items.json item")
                continue
            if lang == "en":
                shared = qwords & latin_words(title)
                if shared:
                    err(f"{w}: shares {sorted(shared)} with the title of the item it expects: {title}")
    return qs, covered


def load_corpus(path):
    data = json.load(open(path, encoding="utf-8"))
    items = data if isinstance(data, list) else data.get("items", [])
    first, every = {}, set()
    for it in items:
        urls = it.get("urls") or []
        if urls:
            first.setdefault(urls[0], it)
        every.update(urls)
    return first, every


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--month", default=os.path.join(HERE, "2026-06.txt"))
    ap.add_argument("--questions", default=os.path.join(HERE, "questions.yml"))
    ap.add_argument("--items", default=DEFAULT_ITEMS)
    args = ap.parse_args()

    corpus_first, corpus_every = load_corpus(args.items)
    month_text, items, month_first = check_month(args.month, corpus_every)
    qs, covered = check_questions(args.questions, month_text, month_first, corpus_first)
    for u, it in month_first.items():
        if u not in covered:
            err(f"2026-06.txt:{it['line']}: item expected by no question: {it['title']}")

    good = [q for q in qs if isinstance(q, dict)]
    n_empty = sum(1 for q in good if q.get("kind") == "empty")
    counts = collections.Counter((q.get("kind"), q.get("lang")) for q in good)
    langs = collections.Counter(q.get("lang") for q in good)
    if len(good) != N_QUESTIONS:
        err(f"questions.yml: {len(good)} questions (want {N_QUESTIONS})")
    if len(good) - n_empty != N_ANSWERABLE or n_empty != N_EMPTY:
        err(f"questions.yml: {len(good) - n_empty} answerable / {n_empty} empty "
            f"(want {N_ANSWERABLE} / {N_EMPTY})")
    if not EN_RANGE[0] <= langs["en"] <= EN_RANGE[1] or not JA_RANGE[0] <= langs["ja"] <= JA_RANGE[1]:
        err(f"questions.yml: {langs['en']} en / {langs['ja']} ja (want about 48 / 12)")

    by_sec = collections.Counter(it["section"] for it in items)
    print(f"2026-06.txt: {len(items)} items")
    for sec, n in by_sec.items():
        print(f"  {n:2d}  {sec}")
    print(f"questions.yml: {len(good)} questions, {len(good) - n_empty} answerable, {n_empty} must-be-empty")
    print(f"  {'kind':<16}{'en':>4}{'ja':>4}{'all':>5}")
    for k in sorted({k for k, _ in counts}, key=str):
        en, ja = counts[(k, "en")], counts[(k, "ja")]
        print(f"  {k!s:<16}{en:>4}{ja:>4}{en + ja:>5}")
    print(f"  {'total':<16}{langs['en']:>4}{langs['ja']:>4}{len(good):>5}")
    if errors:
        print(f"\nFAILED: {len(errors)} error(s)", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
