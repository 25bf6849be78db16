#!/usr/bin/env python3
"""Validate a synthetic (fictional) month for tuning and its questions: the checks the
bench/newmonth-tune3, -tune4 and -tune5 folders share (each folder's check.py names its month,
its `today` and the earlier synthetic months whose subject words it must avoid).

    python3 bench/newmonth-tune5/check.py

Checks, in plain Python (python3 + PyYAML, no project code; the bot is never run):
  * the month file has exactly the layout of data/digests/2026-01.txt: the same header lines, the
    same section headings with (1月1日~1月31日) changed to the month's, items
    `  N. (YYYY/MM/DD)title` numbered from 1 in each section, body lines indented 4 spaces, at
    least one https URL per item, no body lines on the title-only "レポート等" items, no body line
    on a policy/activity item missing, no tabs or trailing blanks, "なし" for an empty section;
    dates (and the end of a range) fall in the month; 30-40 items; first URLs are unique and not
    already a URL of an existing item (the parsed items, /work/drafts/items.json).
  * the month avoids the subject words of the earlier synthetic months it names, so the months
    cover different domains.
  * questions.yml: `today` as configured; 60 questions, 45 answerable and 15 must-be-empty; every
    question has q, split (tune), kind, lang, and a lang that fits its script; no duplicates after
    NFKC, case and blank folding; answerable ones have 1-5 distinct expect_any URLs that are
    first URLs of the new month's items or of items.json items, at least one of the new month;
    relative ones ("last month" = the month) expect only the month's items; English questions
    share no Latin word (other than "ai") with the titles of the month's items they expect, so they
    paraphrase rather than copy; must-be-empty ones have `empty: true` and
    `why: "grep: a | b ; note"` with at least one Latin and one Japanese term, none of which
    occurs in data/** (every text file; compressed or binary files such as the dictionary's
    .tsv.gz are skipped) or in the new month. Latin terms match case-insensitively as whole
    words, Japanese terms as substrings, both after NFKC.
Exits 1 on any error. POLICY_BOT_ITEMS_JSON may point to another items file.
"""
import datetime
import json
import os
import re
import sys
import unicodedata
from collections import Counter

import yaml

MAIN = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
DATA = os.path.join(MAIN, "data")
TEMPLATE = os.path.join(DATA, "digests", "2026-01.txt")
ITEMS = os.environ.get("POLICY_BOT_ITEMS_JSON") or "/work/drafts/items.json"
# Set by configure(): the folder, its month file, the month's first and last day, `today`, the
# month as said ("October 2026") and the earlier months whose words it avoids.
HERE = MONTH = MONTH_NAME = QUESTIONS = None
FIRST_DAY = LAST_DAY = TODAY = None
MONTH_EN = LABEL = ARTICLE = None
EARLIER = []
N_QUESTIONS, N_EMPTY = 60, 15

KINDS = {"country-period", "actor-period", "institute", "topic", "citation", "relative",
         "japanese", "misspelling", "english-topic", "empty"}
LANGS = {"en", "ja"}
ITEM_RE = re.compile(r"^  (\d+)\. \((\d{4})/(\d{2})/(\d{2})(?:(?:~|、)(\d{1,2}))?\)(\S.*)$")
URL_RE = re.compile(r"^    (https?://\S+?)(?:\([^)]*\))?$")
JA_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")
LATIN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*")
# Subject words of the synthetic March (bench/newmonth-tune/README.md lists its domains), April,
# July and August (bench/newmonth-tune2, -tune3, -tune4 README.md, section Domains).
MARCH_WORDS = ["保険", "国税庁", "HMRC", "裁判", "最高人民法院", "選挙", "EAC", "ECI", "西ベンガル",
               "防衛装備庁", "FDA", "WHO", "メンタルヘルス", "観光庁", "インバウンド", "資源エネルギー庁",
               "OCCTO", "IEA", "水産庁", "IUU", "FAA", "IMO", "MASS", "JAXA", "衛星", "北海道", "札幌",
               "福岡", "キャンベラ", "コロラド", "スペイン", "AESIA", "アイルランド", "ブラジル", "ANPD",
               "NAIC", "EIOPA"]
APRIL_WORDS = ["PMDA", "プログラム医療機器", "SaMD", "画像診断", "偽陰性", "保健省", "文部科学省", "教員",
               "校務", "児童生徒", "学習評価", "金融庁", "与信", "融資", "NYDFS", "不正送金", "RBI", "UPI",
               "全国銀行協会", "インターネットバンキング", "厚生労働省", "採用選考", "書類選考", "労働組合",
               "文化庁", "出版社", "著作権者", "オプトアウト", "農林水産省", "スマート農業", "トラクター",
               "病害虫", "気象庁", "洪水", "中小河川", "出水期", "防災", "早期警報", "国土交通省", "自動運転",
               "走行ログ", "警察庁", "NCO", "ランサムウェア", "フィッシング", "放送コード", "合成メディア",
               "民間放送連盟", "司法長官", "eSafety", "AIコンパニオン", "手話", "字幕", "聴覚障害", "ろうあ",
               "FCC", "ロボコール", "量子", "CNIL", "拡張カメラ", "仙台", "沖縄", "茨城", "広島大学", "テキサス",
               "オンタリオ", "ベトナム", "インドネシア", "南アフリカ", "ケニア", "イタリア", "Komdigi",
               "連邦ネットワーク庁", "BNetzA", "Ofcom"]

JULY_WORDS = ["創薬", "デュアルユース", "医薬基盤", "国立衛生研究所", "NIH", "生物医学", "治験", "病原体",
              "介護", "見守り", "転倒", "高齢者", "日本弁護士連合会", "弁護士", "守秘義務", "法律相談",
              "契約書審査", "消費者庁", "景品表示法", "ステルスマーケティング", "通信販売", "ネット通販",
              "接客", "小売", "FTC", "レビュー", "公正取引委員会", "価格設定", "独占禁止法", "コネチカット",
              "サーベイランス", "カナダ競争局", "調達", "国土地理院", "空中写真", "電子国土基本図", "地形図",
              "食品安全委員会", "食品健康影響評価", "毒性予測", "インシリコ", "農薬", "食品添加物",
              "食品局", "と畜", "食肉", "枝肉", "名古屋", "コンテナ", "港湾", "海事港湾庁", "MPA",
              "国土技術政策総合研究所", "国総研", "道路橋", "定期点検", "ひび割れ", "日本建設業連合会",
              "大阪", "水道", "漏水", "内務省", "顔認識", "監視リスト", "ワシントン州", "令状",
              "生態環境部", "欧州環境庁", "EEA", "生物多様性", "統計局", "自由記述", "符号格付け",
              "万国郵便連合", "UPU", "郵便", "オリンピック", "IOC", "判定支援", "誹謗中傷", "金沢", "北陸",
              "オタワ", "フィンランド", "タイ電子取引", "ETDA", "スイス", "欧州評議会",
              # translation/interpreting (March, April) and water (July)
              "翻訳", "通訳"]

# Subject words of the synthetic August (bench/newmonth-tune4/README.md, section Domains).
AUGUST_WORDS = ["特許庁", "審査事例集", "発明者", "進歩性", "国家知識産権局", "CNIPA", "原子力規制委員会",
                "原子力発電所", "運転監視", "日本原子力学会", "電波の有効利用", "ダイナミック周波数共用",
                "デジタルインフラ庁", "RDI", "電波監視", "混信", "電気通信規制庁", "TRAI", "迷惑電話",
                "関税局", "税関", "輸入貨物", "X線画像", "不正薬物", "銃器", "林野庁", "航空レーザ計測",
                "樹種", "森林簿", "森林組合", "不動産適正取引推進機構", "宅地建物取引業者", "自動価格査定",
                "媒介契約", "住宅都市開発省", "HUD", "入居審査", "家主", "公正住宅法", "住宅開発庁", "HDB",
                "公営住宅", "エレベーター", "国立文化財機構", "博物館", "収蔵品", "くずし字", "古文書", "翻刻",
                "鉄道総合技術研究所", "線路", "架線", "レール", "ノルウェー鉄道局", "信号保安", "旅客案内",
                "運行障害", "遅延", "運転見合わせ", "振替輸送", "日本病院会", "勤務表", "病床管理",
                "国際看護師協会", "ICN", "看護職員", "未成年者", "10代", "年齢確認", "保護者", "利用管理",
                "労働安全衛生局", "OSHA", "倉庫", "配送センター", "ノルマ", "筋骨格系障害", "ギャンブル執行局",
                "DGE", "スポーツベッティング", "ギャンブル依存", "雇用年金省", "DWP", "年金クレジット",
                "不正請求", "スウェーデン地質調査所", "SGU", "重要鉱物", "鉱床", "サーミ", "日本鉱業協会",
                "鉱山", "製錬所", "チリ銅委員会", "Cochilco", "JASRAC", "日本音楽著作権協会", "CISAC",
                "著作権協会国際連合", "創作者", "ソウル", "スウェーデン", "ノルウェー", "オランダ",
                "ニュージャージー"]

errors = []


def err(msg):
    errors.append(msg)


def nfkc(s):
    return unicodedata.normalize("NFKC", s)


def month_headings(template_text):
    """Header lines and section headings of the template with its period replaced by the month's."""
    lines = template_text.split("\n")
    header = lines[:4]
    headings = []
    for line in lines:
        if line and not line.startswith(" ") and line not in header:
            headings.append(line.replace("(1月1日~1月31日)", f"({FIRST_DAY.month}月1日~{LAST_DAY.month}月{LAST_DAY.day}日)"))
    return header, headings


def parse_digest(path):
    """Items of a numbered digest: section, number, dates, title, body lines, URLs."""
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    items, section, cur, empty_sections = [], None, None, []
    for i, line in enumerate(lines, 1):
        if "\t" in line:
            err(f"{MONTH_NAME}:{i}: tab character")
        if line != line.rstrip():
            err(f"{MONTH_NAME}:{i}: trailing blank")
        if line == "":
            continue
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
            start = end_date = None
            try:
                start = datetime.date(int(y), int(mo), int(d))
                end_date = start.replace(day=int(end)) if end else start
            except ValueError:
                err(f"{MONTH_NAME}:{i}: bad date")
            cur = {"section": section, "n": int(n), "start": start, "end": end_date, "title": title,
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
    return text, items, empty_sections


def check_digest():
    template = open(TEMPLATE, encoding="utf-8").read()
    header, headings = month_headings(template)
    text, items, empty_sections = parse_digest(MONTH)
    lines = text.split("\n")
    if lines[:4] != header:
        err(f"{MONTH_NAME}: header lines differ from 2026-01.txt")
    got = [l for l in lines if l and not l.startswith(" ") and l not in header and l != "なし"]
    if got != headings:
        err(f"{MONTH_NAME}: section headings differ from 2026-01.txt's (with {FIRST_DAY.month}月):\n  got {got}\n  want {headings}")
    if not 30 <= len(items) <= 40:
        err(f"{MONTH_NAME}: {len(items)} items, expected about 34")
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
    first_urls = {}
    for it in items:
        where = f"{MONTH_NAME}:{it['line']}"
        for d in dict.fromkeys((it["start"], it["end"])):
            if d and not (FIRST_DAY <= d <= LAST_DAY):
                err(f"{where}: date {d} outside {LABEL}")
        if it["start"] and it["end"] and it["end"] < it["start"]:
            err(f"{where}: date range ends before it starts")
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
        if is_report and it["body"]:
            err(f"{where}: report item with body lines (the template's report items are title-only)")
        if not is_report and not it["body"]:
            err(f"{where}: policy/activity item without a body line")
        if not is_report and len(it["body"]) > 3:
            err(f"{where}: more than 3 body lines")
    for label, folder, words in EARLIER:
        for w in words:
            if term_found(w, text):
                err(f"{MONTH_NAME}: uses {w!r}, a subject word of the synthetic {label} ({folder})")
    return text, items, first_urls


def load_corpus_items():
    data = json.load(open(ITEMS, encoding="utf-8"))
    items = data if isinstance(data, list) else data.get("items", [])
    first, every = {}, set()
    for it in items:
        urls = it.get("urls") or []
        if urls:
            first[urls[0]] = it
        every.update(urls)
    if not first:
        err(f"{ITEMS}: no items with URLs")
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
    t = nfkc(term)
    s = nfkc(text)
    if re.fullmatch(r"[\x00-\x7f]+", t):
        return re.search(r"(?<![A-Za-z0-9])" + re.escape(t) + r"(?![A-Za-z0-9])", s, re.I) is not None
    return t.lower() in s.lower()


def check_questions(month_text, month_first, corpus_first):
    doc = yaml.safe_load(open(QUESTIONS, encoding="utf-8"))
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
    seen = {}
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
        key = re.sub(r"\s+", " ", nfkc(text).lower()).strip()
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
            m = re.match(r"^grep:\s*([^;]+)", why if isinstance(why, str) else "")
            if not m:
                err(f"{w}: why must start with 'grep: term | term ; ...'")
                continue
            terms = [t.strip() for t in m.group(1).split("|") if t.strip()]
            if not terms:
                err(f"{w}: no grep terms")
            if not any(re.fullmatch(r"[\x00-\x7f]+", t) for t in terms):
                err(f"{w}: no Latin grep term")
            if not any(JA_RE.search(t) for t in terms):
                err(f"{w}: no Japanese grep term")
            for t in terms:
                if term_found(t, month_text):
                    err(f"{w}: grep term {t!r} occurs in {MONTH_NAME}")
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
                    it = month_first.get(u)
                    if it is None or not it["start"] or not (FIRST_DAY <= it["start"] <= LAST_DAY):
                        err(f"{w}: relative question expects {u}, not {ARTICLE} {LABEL} item")
            if lang == "en":
                qwords = {x.lower() for x in LATIN_WORD_RE.findall(nfkc(text))}
                for u in urls:
                    it = month_first.get(u)
                    if it is None:
                        continue
                    twords = {x.lower() for x in LATIN_WORD_RE.findall(nfkc(it["title"]))}
                    shared = (qwords & twords) - {"ai"}
                    if shared:
                        err(f"{w}: copies {sorted(shared)} from the title of the item at line {it['line']}")
    answerable = [q for q in qs if isinstance(q, dict) and q.get("empty") is not True]
    empties = [q for q in qs if isinstance(q, dict) and q.get("empty") is True]
    if len(qs) != N_QUESTIONS or len(empties) != N_EMPTY:
        err(f"questions.yml: {len(qs)} questions with {len(empties)} must-be-empty; want "
            f"{N_QUESTIONS} with {N_EMPTY} ({N_QUESTIONS - N_EMPTY} answerable)")
    covered = {u for q in answerable for u in (q.get("expect_any") or []) if u in month_first}
    missed = [it for u, it in month_first.items() if u not in covered]
    if missed:
        print(f"note: {len(missed)} {MONTH_EN} item(s) no question expects: "
              + ", ".join(f"line {it['line']}" for it in missed))
    return qs


def main():
    month_text, items, month_first = check_digest()
    corpus_first, corpus_every = load_corpus_items()
    for u, it in month_first.items():
        if u in corpus_every:
            err(f"{MONTH_NAME}:{it['line']}: first URL {u} is already a URL of the existing corpus")
    for it in items:
        for u in it["urls"]:
            if u in corpus_every:
                err(f"{MONTH_NAME}:{it['line']}: URL {u} is already a URL of the existing corpus")
    qs = check_questions(month_text, month_first, corpus_first)

    kinds = Counter(q.get("kind") for q in qs if isinstance(q, dict))
    langs = Counter(q.get("lang") for q in qs if isinstance(q, dict))
    empty = sum(1 for q in qs if isinstance(q, dict) and q.get("empty") is True)
    by_sec = Counter(it["section"] for it in items)
    print(f"{MONTH_NAME}: {len(items)} items")
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


EARLIER_MONTHS = {
    "March": ("bench/newmonth-tune", MARCH_WORDS),
    "April": ("bench/newmonth-tune2", APRIL_WORDS),
    "July": ("bench/newmonth-tune3", JULY_WORDS),
    "August": ("bench/newmonth-tune4", AUGUST_WORDS),
}


def configure(here, month_file, first_day, last_day, today, month_en, earlier):
    """Points the checks at one folder: its month file, days, `today` and the months it avoids."""
    global HERE, MONTH, MONTH_NAME, QUESTIONS, FIRST_DAY, LAST_DAY, TODAY, MONTH_EN, LABEL, ARTICLE, EARLIER
    HERE, MONTH_NAME = here, month_file
    MONTH, QUESTIONS = os.path.join(here, month_file), os.path.join(here, "questions.yml")
    FIRST_DAY, LAST_DAY, TODAY = first_day, last_day, today
    MONTH_EN, LABEL = month_en, f"{month_en} {first_day.year}"
    ARTICLE = "an" if month_en[0] in "AEIOU" else "a"
    EARLIER = [(m, *EARLIER_MONTHS[m]) for m in earlier]

