#!/usr/bin/env python3
"""Validate bench/natural5/questions.yml.

Checks: schema; every expect/expect_any URL is the FIRST url of some item in `node bin/policy-bot.js ingest --json`
(run from the repository); every expect_titles string is a substring of some item title; no duplicate questions;
lang agrees with script (ja iff any kana/kanji); every empty question has key terms in EMPTY_TERMS and none of
them occurs in any corpus data file (NFKC, case-insensitive, and also with all whitespace removed).
Prints counts per kind and language. Exit status 1 on any error.
"""
import glob, json, re, subprocess, sys, unicodedata
from collections import Counter
import yaml

import os
HERE = os.path.dirname(os.path.abspath(__file__))
MAIN = os.path.abspath(os.path.join(HERE, '..', '..'))
DATA_FILES = sorted(glob.glob(MAIN + '/data/digests/*.txt') + glob.glob(MAIN + '/data/reports/*')
                    + glob.glob(MAIN + '/data/briefings/*') + glob.glob(MAIN + '/data/english/*.yml')
                    + [MAIN + '/data/sources.yml'])
KINDS = {'country-period', 'actor-period', 'institute', 'topic', 'citation', 'japanese', 'misspelling',
         'title-paraphrase', 'english-topic', 'empty'}
ANSWER_FIELDS = ('expect', 'expect_any', 'expect_titles', 'empty')
ALLOWED = {'q', 'split', 'kind', 'lang', 'today'} | set(ANSWER_FIELDS)
JA_RE = re.compile(r'[\u3040-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]')
DATE_RE = re.compile(r'^\d{4}-\d{2}-\d{2}$')

# question -> key terms that must NOT occur anywhere in the corpus data files
EMPTY_TERMS = {"what's brazil doing on ai regulation": ['Brazil', 'ブラジル'],
 'did mexico pass any ai law in 2025': ['Mexico', 'メキシコ'],
 'nigeria national ai strategy': ['Nigeria', 'ナイジェリア'],
 'saudi arabia ai investment news': ['Saudi', 'サウジ'],
 'israel ai policy update jan 2026': ['Israel', 'イスラエル'],
 "anything on taiwan's ai basic law?": ['Taiwan', '台湾'],
 "spain's ai supervisory agency AESIA": ['Spain', 'スペイン', 'AESIA'],
 'poland ai act implementation': ['Poland', 'ポーランド'],
 'トルコのAI規制どうなってる': ['トルコ', 'Turkey', 'Türkiye'],
 'エジプトのAI戦略': ['エジプト', 'Egypt'],
 '南アフリカのAI政策について教えて': ['南アフリカ', 'South Africa'],
 'スウェーデンとかノルウェーのAIの動き': ['スウェーデン', 'ノルウェー', 'Sweden', 'Norway'],
 'ウクライナのAI関連の法整備': ['ウクライナ', 'Ukraine'],
 'アイルランドのデータ保護当局がAIで何かした？': ['アイルランド', 'Ireland'],
 'UAEのAI担当大臣の発言': ['UAE', 'アラブ首長国連邦'],
 'texas responsible ai governance act': ['Texas', 'テキサス', 'TRAIGA'],
 'colorado ai act delay': ['Colorado', 'コロラド'],
 'illinois law on ai in therapy': ['Illinois', 'イリノイ'],
 'utah ai disclosure law': ['Utah', 'ユタ'],
 'バージニア州のAI法案、知事が拒否権使ったやつ': ['バージニア', 'ヴァージニア', 'Virginia'],
 'フロリダ州 AI 規制': ['フロリダ', 'Florida'],
 'マサチューセッツ州のAI関連の動き': ['マサチューセッツ', 'Massachusetts'],
 '北海道庁の生成AIガイドライン': ['北海道', 'Hokkaido'],
 '福岡市がAIで何かやってる？': ['福岡', 'Fukuoka'],
 '沖縄県 AI活用': ['沖縄', 'Okinawa'],
 '名古屋でAISIの講演あった？': ['名古屋', 'Nagoya'],
 '新潟県のAI条例': ['新潟', 'Niigata'],
 '横浜市 生成AI 利用ルール': ['横浜', 'Yokohama'],
 'saitama prefecture generative ai guidelines': ['Saitama', '埼玉'],
 'did anyone from aisi speak in sapporo': ['Sapporo', '札幌'],
 'shizuoka ai policy': ['Shizuoka', '静岡'],
 'kagoshima ai event': ['Kagoshima', '鹿児島'],
 'world health organization guidance on ai in health': ['World Health Organization', '世界保健機関'],
 'nato ai strategy update': ['NATO', '北大西洋条約機構'],
 'imf report on ai and jobs': ['IMF', '国際通貨基金'],
 'world bank ai programs': ['World Bank', '世界銀行'],
 'G20 ai principles 2025': ['G20'],
 'アフリカ連合のAI戦略': ['アフリカ連合', 'African Union'],
 'APECでAIについて何か合意した？': ['APEC', 'アジア太平洋経済協力'],
 '欧州評議会のAI条約': ['欧州評議会', 'Council of Europe', '条約'],
 'WIPOのAIと知財の議論': ['WIPO', '世界知的所有権機関'],
 'ダボス会議でAIの話出た？': ['ダボス', 'Davos', '世界経済フォーラム', 'World Economic Forum'],
 'self-driving car ai regulation': ['self-driving', '自動運転'],
 'rules for ai in elections': ['election', '選挙'],
 'facial recognition restrictions': ['facial recognition', '顔認識', '顔認証'],
 'ai and quantum computing policy': ['quantum', '量子'],
 'ai music copyright lawsuits': ['music', '音楽'],
 'guidance on ai use in hospitals': ['hospital', '病院'],
 'ドローンにAI載せるときのルール': ['ドローン', 'drone'],
 'AI兵器とか軍事利用の規制': ['兵器', '軍事', 'weapon', 'military'],
 '原子力発電所でのAI活用': ['原子力', 'nuclear'],
 '保険業界のAI活用ガイドライン': ['保険', 'insurance'],
 '電子透かしの義務化': ['電子透かし', 'watermark'],
 '創薬AIの支援策': ['創薬', 'drug discovery'],
 'chatgpt ban in schools': ['ChatGPT', 'school', '学校'],
 'deepseek security concerns': ['DeepSeek', 'ディープシーク'],
 'what did geoffrey hinton say about ai risk': ['Hinton', 'ヒントン'],
 'nvidia chip export controls': ['NVIDIA', 'エヌビディア', 'export control', '輸出規制'],
 'ソフトバンクとOpenAIの合弁会社': ['ソフトバンク', 'SoftBank', '合弁'],
 'サムスンが社内で生成AI禁止した件': ['サムスン', 'Samsung'],
 '孫正義の超知能の話': ['孫正義', 'Son Masayoshi', '超知能', 'superintelligence'],
 'did japan aisi publish a red teaming guide for drones': ['drone', 'ドローン'],
 'eu ai act obligations for mistral': ['Mistral', 'ミストラル'],
 'ofcom investigation into tiktok': ['TikTok', 'ティックトック'],
 'AISIがGeminiを評価した結果': ['Gemini', 'ジェミニ'],
 'AI基本計画の自動運転の部分': ['自動運転', 'self-driving'],
 'uk ai security institute and huawei': ['Huawei', 'ファーウェイ'],
 '韓国のAI基本法、ネイバーへの影響は': ['ネイバー', 'Naver'],
 '中国の生成AI規制と百度': ['百度', 'Baidu'],
 'NISTのAI選挙セキュリティのガイダンス': ['選挙', 'election']}


def norm(s):
    return unicodedata.normalize('NFKC', s).lower()


def nospace(s):
    return re.sub(r'\s+', '', s)


def main():
    errors = []
    err = errors.append

    # ---- items from ingest ----
    raw = subprocess.run(['node', 'bin/policy-bot.js', 'ingest', '--json'], cwd=MAIN,
                         capture_output=True, text=True, check=True).stdout
    items = json.loads(raw)
    assert isinstance(items, list) and items, 'ingest --json: expected a non-empty list'
    first_urls = {}
    titles = []
    for it in items:
        titles.append(it.get('title') or '')
        urls = it.get('urls') or []
        if urls:
            first_urls.setdefault(urls[0], []).append(it['id'])
    all_urls = {u for it in items for u in (it.get('urls') or [])}

    # ---- corpus text for empty checks ----
    corpus = []
    for f in DATA_FILES:
        t = norm(open(f, encoding='utf-8').read())
        corpus.append((f, t, nospace(t)))

    # ---- load questions ----
    text = open(HERE + '/questions.yml', encoding='utf-8').read()
    if not text.startswith('# natural5'):
        err('questions.yml: first line must be the "# natural5 ..." header comment')
    doc = yaml.safe_load(text)
    if not isinstance(doc, dict) or set(doc) != {'today', 'questions'}:
        err('top level must have exactly the keys today, questions')
        doc = doc if isinstance(doc, dict) else {}
    if not DATE_RE.match(str(doc.get('today', ''))):
        err('top-level today must be YYYY-MM-DD')
    qs = doc.get('questions') or []
    if not isinstance(qs, list):
        err('questions must be a list'); qs = []

    seen = {}
    kinds, langs, kind_lang = Counter(), Counter(), Counter()
    n_empty = n_ans = 0
    empty_qs = set()
    for n, x in enumerate(qs, 1):
        where = f'#{n}'
        if not isinstance(x, dict):
            err(f'{where}: not a mapping'); continue
        q = x.get('q')
        where = f'#{n} {q!r}'
        extra = set(x) - ALLOWED
        if extra:
            err(f'{where}: unknown fields {sorted(extra)}')
        if not isinstance(q, str) or not q.strip():
            err(f'{where}: q must be a non-empty string'); continue
        if x.get('split') != 'holdout':
            err(f'{where}: split must be holdout')
        kind = x.get('kind')
        if kind not in KINDS:
            err(f'{where}: bad kind {kind!r}')
        lang = x.get('lang')
        want = 'ja' if JA_RE.search(q) else 'en'
        if lang not in ('en', 'ja'):
            err(f'{where}: lang must be en or ja')
        elif lang != want:
            err(f'{where}: lang {lang} but script says {want}')
        if kind == 'japanese' and want != 'ja':
            err(f'{where}: kind japanese needs Japanese text')
        if kind == 'english-topic' and want != 'en':
            err(f'{where}: kind english-topic needs English-only text')
        if 'today' in x and not DATE_RE.match(str(x['today'])):
            err(f'{where}: today must be YYYY-MM-DD')
        key = nospace(norm(q))
        if key in seen:
            err(f'{where}: duplicate of #{seen[key]}')
        seen[key] = n
        fields = [f for f in ANSWER_FIELDS if f in x]
        if len(fields) != 1:
            err(f'{where}: needs exactly one of {ANSWER_FIELDS}, has {fields}'); continue
        f = fields[0]
        if (f == 'empty') != (kind == 'empty'):
            err(f'{where}: kind empty iff empty: true')
        if f == 'empty':
            if x['empty'] is not True:
                err(f'{where}: empty must be true')
            n_empty += 1
            empty_qs.add(q)
            terms = EMPTY_TERMS.get(q)
            if not terms:
                err(f'{where}: no EMPTY_TERMS entry')
            else:
                for term in terms:
                    t = norm(term)
                    for path, full, ns in corpus:
                        if t in full or nospace(t) in ns:
                            err(f'{where}: key term {term!r} occurs in {path}')
                            break
        else:
            n_ans += 1
            vals = x[f]
            if not isinstance(vals, list) or not vals or not all(isinstance(v, str) and v for v in vals):
                err(f'{where}: {f} must be a non-empty list of strings'); continue
            if len(set(vals)) != len(vals):
                err(f'{where}: repeated value in {f}')
            if f in ('expect', 'expect_any'):
                for u in vals:
                    if u not in first_urls:
                        err(f'{where}: {u} is not the first url of any item'
                            + (' (it is a later url of some item)' if u in all_urls else ''))
                if f == 'expect' and len(vals) > 2:
                    err(f'{where}: expect should name one or two items')
            else:
                for s in vals:
                    if not any(s in t for t in titles):
                        err(f'{where}: title substring {s!r} matches no item title')
        kinds[kind] += 1
        langs[lang] += 1
        kind_lang[(kind, lang)] += 1

    for q in EMPTY_TERMS:
        if q not in empty_qs:
            err(f'EMPTY_TERMS entry for a question that is not an empty question: {q!r}')
    if len(qs) != 200:
        err(f'expected 200 questions, found {len(qs)}')
    if n_ans < 125:
        err(f'need at least 125 answerable, found {n_ans}')
    if n_empty < 65:
        err(f'need at least 65 empty, found {n_empty}')

    print(f'questions: {len(qs)}  answerable: {n_ans}  empty: {n_empty}')
    print('by language: ' + ', '.join(f'{k}={v}' for k, v in sorted(langs.items())))
    print(f'{"kind":18} {"en":>4} {"ja":>4} {"all":>5}')
    for k in sorted(kinds):
        print(f'{k:18} {kind_lang[(k, "en")]:>4} {kind_lang[(k, "ja")]:>4} {kinds[k]:>5}')
    if errors:
        print(f'\n{len(errors)} error(s):')
        for e in errors:
            print('  ' + e)
        sys.exit(1)
    print('\nOK')


if __name__ == '__main__':
    main()
