#!/usr/bin/env python3
"""Validate the synthetic new month (bench/newmonth/2026-02.txt) and its questions (questions.yml).

The digest is parsed here in plain Python (no bot code): same header lines and section headings as
data/digests/2026-01.txt with the month changed; items `  N. (YYYY/MM/DD…)title`, numbered from 1
in each section, dated in February 2026; body lines indented 4 spaces; every item has at least one
https URL line; "なし" allowed for an empty section.

The questions are checked with the functions of bench/natural4/check.py against the existing items
(`node bin/policy-bot.js ingest --json`, parse only) PLUS the new month's items: schema, counts,
exactly 50 questions, >= 30 answerable, >= 12 empty, every expected URL is a first URL of an item,
every answerable question names at least one new-month item, and the key terms of every empty
question (EMPTY_TERMS below) occur neither in the corpus nor in the new month. Exits 1 on any error.

Usage: python3 bench/newmonth/check.py
"""
import importlib.util
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
DIGEST = os.path.join(HERE, '2026-02.txt')
TEMPLATE = os.path.join(ROOT, 'data', 'digests', '2026-01.txt')
QUESTIONS = os.path.join(HERE, 'questions.yml')

spec = importlib.util.spec_from_file_location('natural4_check', os.path.join(ROOT, 'bench', 'natural4', 'check.py'))
base = importlib.util.module_from_spec(spec)
spec.loader.exec_module(base)

EMPTY_TERMS = {
    'indiana ai law': ['indiana', 'インディアナ'],
    'iceland ai strategy': ['iceland', 'アイスランド'],
    'nasa ai policy': ['nasa', '航空宇宙局'],
    'colombia ai bill': ['colombia', 'コロンビア'],
    'taiwan ai news december 2025': [],   # Taiwan only in the new month (Feb 2026): period combination, by hand
    'texas ai law july 2025': [],         # Texas only in the new month (Feb 2026): period combination, by hand
    'fda ai guidance jan 2026': [],       # FDA only in the new month (Feb 2026): period combination, by hand
    'ohio ai rules': ['ohio', 'オハイオ'],
    '岡山県のAI活用指針': ['岡山', 'okayama'],
    '鹿児島 AI': ['鹿児島', 'kagoshima'],
    'アイスランドのAI戦略': ['アイスランド', 'iceland'],
    '宇宙分野のAI活用': ['宇宙', 'outer space', 'satellite', '衛星'],
    '漁業へのAI活用': ['漁業', 'fisher', '漁'],
    'ペルーのAI法': ['ペルー', 'peru'],
}
# place/subject words of the period-combination empties: must not occur in the corpus at all, and in the
# new month only in items dated February 2026 (checked below)
PERIOD_ONLY_NEW = {'taiwan ai news december 2025': ['台湾', 'taiwan'],
                   'texas ai law july 2025': ['テキサス', 'texas'],
                   'fda ai guidance jan 2026': ['fda', '食品医薬品局']}

ITEM_RE = re.compile(r'^  (\d+)\. \((\d{4})/(\d{2})/(\d{2})([^)]*)\)(\S.*)$')
URL_RE = re.compile(r'^    (https://\S+)$')


def month_swap(line):
    return line.replace('1月1日~1月31日', '2月1日~2月28日')


def parse_digest(errors):
    text = open(DIGEST, encoding='utf-8').read()
    tmpl = open(TEMPLATE, encoding='utf-8').read().split('\n')
    lines = text.split('\n')
    if '\t' in text or '\r' in text:
        errors.append('digest: tabs or CR characters')
    # header: the first 5 lines are identical to the template
    if lines[:5] != tmpl[:5]:
        errors.append('digest: header lines differ from data/digests/2026-01.txt')
    headings = [month_swap(l) for l in tmpl if l and not l.startswith(' ')][3:]
    mine = [l for l in lines if l and not l.startswith(' ')][3:]
    if mine != headings:
        errors.append('digest: section headings differ from the template (month changed):\n  %s\n  %s' % (mine, headings))
    items = []
    cur = None
    section = None
    expect_n = 1
    for no, ln in enumerate(lines, 1):
        if ln.rstrip() != ln:
            errors.append('digest line %d: trailing whitespace' % no)
        if ln and not ln.startswith(' '):
            section = ln
            expect_n = 1
            cur = None
            continue
        if not ln:
            continue
        m = ITEM_RE.match(ln)
        if m:
            n, y, mo, d = int(m.group(1)), m.group(2), m.group(3), m.group(4)
            if n != expect_n:
                errors.append('digest line %d: item number %d, expected %d' % (no, n, expect_n))
            expect_n = n + 1
            if (y, mo) != ('2026', '02') or not 1 <= int(d) <= 28:
                errors.append('digest line %d: date %s/%s/%s not in February 2026' % (no, y, mo, d))
            cur = {'line': no, 'section': section, 'title': m.group(6), 'date': '%s-%s-%s' % (y, mo, d),
                   'body': [], 'urls': []}
            items.append(cur)
            continue
        if ln.strip() == 'なし':
            continue
        u = URL_RE.match(ln)
        if u and cur is not None:
            cur['urls'].append(u.group(1))
            continue
        if ln.startswith('    ') and not ln.startswith('     ') and cur is not None:
            if cur['urls']:
                errors.append('digest line %d: body text after the URL lines' % no)
            if 'http' in ln:
                errors.append('digest line %d: URL inside body text' % no)
            cur['body'].append(ln.strip())
            continue
        errors.append('digest line %d: unexpected layout: %r' % (no, ln))
    for it in items:
        if not it['urls']:
            errors.append('digest line %d: item without URL' % it['line'])
    firsts = [it['urls'][0] for it in items if it['urls']]
    if len(set(firsts)) != len(firsts):
        errors.append('digest: two items share a first URL')
    if not 25 <= len(items) <= 40:
        errors.append('digest: %d items (expected about 30)' % len(items))
    sections = {it['section'] for it in items}
    if len(sections) != len(headings) - 1:  # "海外主要国のAI政策動向" only groups the country sections
        errors.append('digest: not every section has items (%d of %d)' % (len(sections), len(headings) - 1))
    return items


def main():
    errors = []
    nm_items = parse_digest(errors)
    nm_first = {it['urls'][0] for it in nm_items if it['urls']}
    print('new month: %d items, %d sections' % (len(nm_items), len({it['section'] for it in nm_items})))

    items = base.load_items()
    first_urls = {it['urls'][0] for it in items if it.get('urls')}
    overlap = nm_first & first_urls
    if overlap:
        errors.append('new-month first URLs already in the corpus: %s' % sorted(overlap))
    titles = [it.get('title', '') for it in items] + [it['title'] for it in nm_items]
    texts = base.data_texts([DIGEST])
    corpus_only = base.data_texts()

    qs = base.validate(QUESTIONS, first_urls | nm_first, titles, EMPTY_TERMS, texts,
                       {'answerable': 30, 'empty': 12, 'total': 50}, errors)
    n_en = 0
    n_ans = 0
    for q in qs:
        if not isinstance(q, dict) or q.get('empty'):
            continue
        n_ans += 1
        n_en += q.get('lang') == 'en'
        urls = q.get('expect') or q.get('expect_any') or []
        if not any(u in nm_first for u in urls):
            errors.append('%r: names no item of the new month' % q.get('q'))
    if n_ans and n_en / n_ans < 0.7:
        errors.append('only %d of %d answerable questions are English (want mostly English)' % (n_en, n_ans))

    for q, words in PERIOD_ONLY_NEW.items():
        for w in words:
            if base.term_hits(w, corpus_only):
                errors.append('%r: %r occurs in the existing corpus' % (q, w))
            for it in nm_items:
                blob = base.norm(it['title'] + ' '.join(it['body']) + ' '.join(it['urls']))
                if base.norm(w) in blob and not it['date'].startswith('2026-02'):
                    errors.append('%r: %r occurs in a new-month item outside February 2026' % (q, w))
    unused = set(EMPTY_TERMS) - {q.get('q') for q in qs if isinstance(q, dict)}
    for u in sorted(unused):
        errors.append('EMPTY_TERMS entry %r matches no question' % u)

    base.print_empties(qs, EMPTY_TERMS)
    if errors:
        print('\n%d error(s):' % len(errors))
        for e in errors:
            print('  ERROR ' + e)
        sys.exit(1)
    print('\nOK')


if __name__ == '__main__':
    main()
