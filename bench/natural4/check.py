#!/usr/bin/env python3
"""Validate bench/natural4/questions.yml (python3 + PyYAML).

Checks: schema; counts per kind and language (printed, with minimums); every expect /
expect_any URL is the FIRST url of some item (items from `node bin/policy-bot.js ingest --json`,
which only parses the documents); every expect_titles string is a substring of some item title;
no duplicate questions; relative questions carry their own `today`; `lang` agrees with the script
of the text; every must-be-empty question has its key terms listed in EMPTY_TERMS below and none
of those terms occurs in the data files (English and Japanese, NFKC, case-insensitive, also with
spaces removed). Empty questions are printed for a human re-check. Exits 1 on any error.

Usage: python3 bench/natural4/check.py [questions.yml]
The functions are reused by bench/newmonth/check.py.
"""
import datetime
import glob
import json
import os
import re
import subprocess
import sys
import unicodedata

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))

KINDS = {
    'country-period', 'actor-period', 'institute', 'topic', 'citation', 'relative',
    'japanese', 'misspelling', 'title-paraphrase', 'english-topic', 'empty',
}
MODES = ('expect', 'expect_any', 'expect_titles', 'empty')
MAX = {'expect': 3, 'expect_any': 5, 'expect_titles': 3}
ALLOWED_KEYS = {'q', 'split', 'kind', 'lang', 'today'} | set(MODES)

JA_RE = re.compile(r'[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]')

# Key terms of every must-be-empty question (EN and JA spellings). None may occur in the data.
EMPTY_TERMS = {
    'any news on mexico ai regulation': ['mexico', 'メキシコ'],
    'nigeria national ai strategy?': ['nigeria', 'ナイジェリア'],
    'saudi arabia ai investment stuff': ['saudi', 'サウジ'],
    'israel ai policy updates pls': ['israel', 'イスラエル'],
    'indonesia ai roadmap': ['indonesia', 'インドネシア'],
    'thailand ai law draft status': ['thailand', 'thai', 'タイ王国', 'タイ'],
    'philippines ai bill': ['philippines', 'philippine', 'フィリピン', '比国'],
    'norway ai news': ['norway', 'norwegian', 'ノルウェー'],
    'poland ai act implementation': ['poland', 'polish', 'ポーランド'],
    'spain aesia ai supervisory agency': ['spain', 'spanish', 'aesia', 'スペイン'],
    'utah ai disclosure law': ['utah', 'ユタ'],
    'virginia hb 2094 veto': ['virginia', 'バージニア', 'ヴァージニア', 'hb 2094', 'hb2094'],
    'washington state ai task force report': ['washington', 'ワシントン'],
    'israel ai safety institute': ['israel', 'イスラエル'],
    'turkey aisi?': ['turkey', 'türkiye', 'turkiye', 'トルコ'],
    'world health organization ai ethics guidance': ['world health', '世界保健機関', 'who'],
    'nato ai strategy update': ['nato', '北大西洋条約'],
    'imf paper on ai and jobs': ['imf', 'international monetary', '国際通貨基金'],
    'world bank ai report': ['world bank', '世界銀行', '世銀'],
    'apec digital ministers ai statement': ['apec', 'アジア太平洋経済協力'],
    'g20 ai principles': ['g20', 'g 20'],
    'council of europe ai convention': ['council of europe', '欧州評議会', 'convention', '条約'],
    'african union continental ai strategy': ['african union', 'アフリカ連合', 'continental'],
    'quantum computing policy': ['quantum', '量子'],
    'facial recognition ban': ['facial', 'face recognition', '顔認識', '顔認証'],
    'can judges use ai in courts? any guidance': ['judge', 'court', '裁判', '判事', '司法'],
    'lethal autonomous weapons treaty talks': ['lethal', 'autonomous weapon', 'weapon', '兵器', 'laws', 'treaty'],
    'austria ai strategy': ['austria', 'オーストリア', '墺'],
    'korea ai news march 2025': [],       # covered country, uncovered month: checked by hand (no Korea item in 2025-03)
    'california ai bills nov 2025': [],   # covered state, uncovered month: checked by hand (no item dated 2025-11)
    'sb 1047 veto': ['1047'],
    'nist ai 600-1 genai profile': ['600-1', '600 1'],
    'eo 14110 rescinded': ['14110'],
    'voice cloning scams': ['voice', 'cloning', '音声', 'クローン'],
    'chile ai bill': ['chile', 'chilean'],
    'gpai code of practice news from nov 2025': [],  # covered subject, uncovered month: no item dated 2025-11
    'メキシコのAI規制について教えてください': ['メキシコ', 'mexico'],
    '南アフリカのAI政策ありますか': ['南アフリカ', '南ア', 'south africa'],
    'サウジアラビア AI投資': ['サウジ', 'saudi'],
    'トルコのAI法': ['トルコ', 'turkey', 'türkiye'],
    'インドネシアのAIロードマップ': ['インドネシア', 'indonesia'],
    'タイのAI倫理ガイドライン': ['タイ', 'thailand'],
    'フィリピンでAI関連の動きある？': ['フィリピン', 'philippines'],
    'スウェーデンのAI戦略': ['スウェーデン', 'sweden'],
    'フィンランド AI': ['フィンランド', 'finland'],
    'エジプトのAI戦略': ['エジプト', 'egypt'],
    'パキスタン AI政策': ['パキスタン', 'pakistan'],
    'マサチューセッツ州 AI': ['マサチューセッツ', 'massachusetts'],
    'フロリダ州のAI規制': ['フロリダ', 'florida'],
    'ジョージア州のAI法案': ['ジョージア', 'georgia'],
    '札幌市 生成AI': ['札幌', 'sapporo', '北海道'],
    '沖縄県のAI活用': ['沖縄', 'okinawa'],
    '横浜市の生成AIガイドライン': ['横浜', 'yokohama', '神奈川'],
    '宮城県 AI': ['宮城', 'miyagi', '仙台'],
    '埼玉県の生成AI利用状況': ['埼玉', 'saitama'],
    '静岡県 AI 施策': ['静岡', 'shizuoka'],
    '世界保健機関のAIガイダンス': ['世界保健機関', 'world health', 'who'],
    'NATOのAI戦略': ['nato', '北大西洋条約'],
    '世界銀行のAIレポート': ['世界銀行', '世銀', 'world bank'],
    'APECデジタル大臣会合': ['apec'],
    'G20のAI原則': ['g20'],
    '欧州評議会のAI条約': ['欧州評議会', 'council of europe', '条約'],
    '量子コンピュータ 政策': ['量子', 'quantum'],
    '顔認識の規制': ['顔認識', '顔認証', 'facial'],
    '暗号資産とAI': ['暗号資産', '仮想通貨', 'crypto'],
    'メタバース規制': ['メタバース', 'metaverse'],
    'ポーランドのAISI': ['ポーランド', 'poland'],
    'イスラエルのAIセーフティ・インスティテュート': ['イスラエル', 'israel'],
    '2025年9月のシンガポール': [],  # covered country, uncovered month: no Singapore item in 2025-09
    'SB1047 どうなった': ['1047'],
}


def norm(s):
    return unicodedata.normalize('NFKC', s).lower()


def data_texts(extra_files=()):
    """Corpus text (NFKC, lowercase) of every data file the bot answers from, plus extra files."""
    data = os.path.join(ROOT, 'data')
    files = sorted(glob.glob(os.path.join(data, 'digests', '*')) + glob.glob(os.path.join(data, 'reports', '*'))
                   + glob.glob(os.path.join(data, 'briefings', '*')) + [os.path.join(data, 'sources.yml')])
    files += list(extra_files)
    out = {}
    for f in files:
        t = norm(open(f, encoding='utf-8').read())
        out[f] = (t, re.sub(r'\s+', '', t))
    return out


def term_hits(term, texts):
    """Files whose text contains term. Japanese terms: substring, also with all spaces removed (the
    briefing spaces out some words: "A I S I"). Latin terms: at a word start (prefix match, so
    "philippine" also finds "philippines"), not inside a longer word; a term ending in a digit not followed by one."""
    t = norm(term).strip()
    hits = []
    if JA_RE.search(t):
        t_ns = re.sub(r'\s+', '', t)
        for f, (full, nospace) in texts.items():
            if t in full or t_ns in nospace:
                hits.append(os.path.relpath(f, ROOT))
    else:
        tail = r'(?![0-9])' if t[-1:].isdigit() else ''  # "g 20" must not find "g_20251223"
        rx = re.compile(r'(?<![a-z0-9])' + re.escape(t).replace(r'\ ', r'[\s\-_]*') + tail)
        for f, (full, _nospace) in texts.items():
            if rx.search(full):
                hits.append(os.path.relpath(f, ROOT))
    return hits


def load_items():
    """Items as the bot parses them (ingest only; does not answer questions)."""
    p = subprocess.run(['node', os.path.join(ROOT, 'bin', 'policy-bot.js'), 'ingest', '--json'],
                       cwd=ROOT, capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        raise SystemExit('ingest --json failed (%d): %s' % (p.returncode, p.stderr[-2000:]))
    items = json.loads(p.stdout)
    if isinstance(items, dict):
        items = items.get('items', [])
    return items


def is_date(v):
    if isinstance(v, datetime.date):
        return True
    try:
        datetime.date.fromisoformat(str(v))
        return True
    except ValueError:
        return False


def validate(path, first_urls, titles, empty_terms, texts, minimums, errors):
    """Validate one question file; append messages to errors. Returns the parsed questions."""
    try:
        doc = yaml.safe_load(open(path, encoding='utf-8'))
    except Exception as e:  # noqa: BLE001
        errors.append('%s: not valid YAML: %s' % (path, e))
        return []
    if not isinstance(doc, dict) or not isinstance(doc.get('questions'), list):
        errors.append('%s: top level must be a mapping with a questions list' % path)
        return []
    if set(doc) - {'today', 'questions'}:
        errors.append('unknown top-level keys: %s' % sorted(set(doc) - {'today', 'questions'}))
    if not is_date(doc.get('today')):
        errors.append('top-level today missing or not a YYYY-MM-DD date')
    qs = doc['questions']
    seen = {}
    counts = {}
    for n, q in enumerate(qs, 1):
        where = '#%d' % n
        if not isinstance(q, dict):
            errors.append('%s: not a mapping' % where)
            continue
        text = q.get('q')
        if not isinstance(text, str) or not text.strip():
            errors.append('%s: q missing or empty' % where)
            continue
        where = '#%d %r' % (n, text)
        extra = set(q) - ALLOWED_KEYS
        if extra:
            errors.append('%s: unknown keys %s' % (where, sorted(extra)))
        key = re.sub(r'\s+', ' ', norm(text)).strip()
        if key in seen:
            errors.append('%s: duplicate of #%d' % (where, seen[key]))
        seen[key] = n
        if q.get('split') != 'holdout':
            errors.append('%s: split must be holdout' % where)
        kind = q.get('kind')
        if kind not in KINDS:
            errors.append('%s: unknown kind %r' % (where, kind))
        lang = q.get('lang')
        if lang not in ('en', 'ja'):
            errors.append('%s: lang must be en or ja' % where)
        elif lang == 'en' and JA_RE.search(text):
            errors.append('%s: lang en but text has Japanese script' % where)
        elif lang == 'ja' and not JA_RE.search(text):
            errors.append('%s: lang ja but text has no Japanese script' % where)
        if 'today' in q and not is_date(q['today']):
            errors.append('%s: today is not a YYYY-MM-DD date' % where)
        if kind == 'relative' and 'today' not in q:
            errors.append('%s: relative question without its own today' % where)
        present = [m for m in MODES if m in q]
        if len(present) != 1:
            errors.append('%s: needs exactly one of %s, has %s' % (where, MODES, present))
            continue
        mode = present[0]
        if mode == 'empty':
            if q['empty'] is not True:
                errors.append('%s: empty must be true' % where)
            if kind != 'empty':
                errors.append('%s: empty question should have kind empty' % where)
            if text not in empty_terms:
                errors.append('%s: empty question without an EMPTY_TERMS entry' % where)
            else:
                for term in empty_terms[text]:
                    hits = term_hits(term, texts)
                    if hits:
                        errors.append('%s: empty question but term %r occurs in %s' % (where, term, hits))
        else:
            if kind == 'empty':
                errors.append('%s: kind empty but has %s' % (where, mode))
            vals = q[mode]
            if not isinstance(vals, list) or not vals or not all(isinstance(v, str) and v for v in vals):
                errors.append('%s: %s must be a non-empty list of strings' % (where, mode))
                continue
            if len(vals) > MAX[mode]:
                errors.append('%s: %s has %d entries (max %d)' % (where, mode, len(vals), MAX[mode]))
            if len(set(vals)) != len(vals):
                errors.append('%s: %s has repeated entries' % (where, mode))
            for v in vals:
                if mode == 'expect_titles':
                    if not any(v in t for t in titles):
                        errors.append('%s: title substring %r is in no item title' % (where, v))
                elif v not in first_urls:
                    errors.append('%s: %r is not the first URL of any item' % (where, v))
        counts[(kind, lang)] = counts.get((kind, lang), 0) + 1

    # counts
    kinds = sorted({k for k, _ in counts})
    print('%-18s %4s %4s %5s' % ('kind', 'en', 'ja', 'all'))
    for k in kinds:
        en, ja = counts.get((k, 'en'), 0), counts.get((k, 'ja'), 0)
        print('%-18s %4d %4d %5d' % (k, en, ja, en + ja))
    n_en = sum(v for (k, l), v in counts.items() if l == 'en')
    n_ja = sum(v for (k, l), v in counts.items() if l == 'ja')
    n_empty = sum(v for (k, l), v in counts.items() if k == 'empty')
    n_ans = n_en + n_ja - n_empty
    print('%-18s %4d %4d %5d   (answerable %d, empty %d)' % ('total', n_en, n_ja, n_en + n_ja, n_ans, n_empty))
    if n_ans < minimums.get('answerable', 0):
        errors.append('only %d answerable questions (need %d)' % (n_ans, minimums['answerable']))
    if n_empty < minimums.get('empty', 0):
        errors.append('only %d empty questions (need %d)' % (n_empty, minimums['empty']))
    if 'total' in minimums and n_en + n_ja != minimums['total']:
        errors.append('%d questions (need exactly %d)' % (n_en + n_ja, minimums['total']))
    if 'ja_share' in minimums and n_en + n_ja:
        lo, hi = minimums['ja_share']
        share = n_ja / (n_en + n_ja)
        if not lo <= share <= hi:
            errors.append('Japanese share %.2f outside %.2f-%.2f' % (share, lo, hi))
    for k in minimums.get('kinds', ()):
        if not counts.get((k, 'en'), 0) + counts.get((k, 'ja'), 0):
            errors.append('no question of kind %s' % k)
    return qs


def print_empties(qs, empty_terms):
    print('\nMust-be-empty questions (re-check by hand that the corpus holds nothing on them):')
    for q in qs:
        if isinstance(q, dict) and q.get('empty') is True:
            terms = empty_terms.get(q.get('q'), [])
            print('  [%s] %s    -- terms checked: %s' % (q.get('lang'), q.get('q'),
                                                         ', '.join(terms) if terms else '(period combination; by hand)'))


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, 'questions.yml')
    items = load_items()
    first_urls = {it['urls'][0] for it in items if it.get('urls')}
    titles = [it.get('title', '') for it in items]
    print('%d items parsed, %d distinct first URLs' % (len(items), len(first_urls)))
    errors = []
    texts = data_texts()
    unused = set(EMPTY_TERMS)
    qs = validate(path, first_urls, titles, EMPTY_TERMS, texts,
                  {'answerable': 120, 'empty': 60, 'ja_share': (0.4, 0.6), 'kinds': sorted(KINDS)}, errors)
    unused -= {q.get('q') for q in qs if isinstance(q, dict)}
    for u in sorted(unused):
        errors.append('EMPTY_TERMS entry %r matches no question' % u)
    print_empties(qs, EMPTY_TERMS)
    if errors:
        print('\n%d error(s):' % len(errors))
        for e in errors:
            print('  ERROR ' + e)
        sys.exit(1)
    print('\nOK')


if __name__ == '__main__':
    main()
