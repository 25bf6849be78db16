#!/usr/bin/env python3
"""Validate bench/natural/questions.yml against the parsed corpus.

Usage: python3 bench/natural/check.py [items.json]
Without an argument it runs `npx policy-bot ingest --json` itself. Checks that every expected URL is
a URL of some item, that every expected title substring matches some item title, that each entry has
split/kind/lang and exactly one kind of expectation, and prints counts per kind/split/lang.
"""
import collections, json, re, subprocess, sys, os
from datetime import date

import yaml  # PyYAML

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
KINDS = ['country-period', 'actor-period', 'topic', 'citation', 'institute', 'relative',
         'misspelling', 'japanese', 'empty']

def load_items():
    if len(sys.argv) > 1:
        return json.load(open(sys.argv[1]))
    out = subprocess.run(['npx', 'policy-bot', 'ingest', '--json'], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    return json.loads(out)

def main():
    items = load_items()
    urls = {u for i in items for u in (i.get('urls') or [])}
    titles = [i['title'] for i in items]
    doc = yaml.safe_load(open(os.path.join(HERE, 'questions.yml'), encoding='utf-8'))
    errors = []
    date.fromisoformat(str(doc['today']))
    qs = doc['questions']
    seen = set()
    by_kind = collections.Counter(); by_split = collections.Counter(); by_lang = collections.Counter()
    by_ks = collections.Counter(); by_kl = collections.Counter()
    for n, e in enumerate(qs, 1):
        where = f"#{n} {e.get('q')!r}"
        for f in ('q', 'split', 'kind', 'lang'):
            if not e.get(f):
                errors.append(f'{where}: missing {f}')
        if e.get('split') not in ('tune', 'holdout'): errors.append(f'{where}: bad split')
        if e.get('kind') not in KINDS: errors.append(f'{where}: bad kind {e.get("kind")}')
        if e.get('lang') not in ('en', 'ja'): errors.append(f'{where}: bad lang')
        lang_guess = 'ja' if re.search(r'[\u3040-\u30ff\u4e00-\u9fff\uff66-\uff9f\uff10-\uff5a]', e['q']) else 'en'
        if lang_guess != e.get('lang'): errors.append(f'{where}: lang looks like {lang_guess}')
        if e['q'].strip().lower() in seen: errors.append(f'{where}: duplicate')
        seen.add(e['q'].strip().lower())
        if 'today' in e: date.fromisoformat(str(e['today']))
        exps = [k for k in ('expect', 'expect_any', 'expect_titles', 'empty') if e.get(k)]
        if len(exps) != 1: errors.append(f'{where}: needs exactly one of expect/expect_any/expect_titles/empty, has {exps}')
        if (e.get('kind') == 'empty') != bool(e.get('empty')): errors.append(f'{where}: empty flag vs kind')
        if e.get('expect') and len(e['expect']) > 3: errors.append(f'{where}: more than 3 in expect')
        if e.get('expect_any') and len(e['expect_any']) > 5: errors.append(f'{where}: more than 5 in expect_any')
        for u in (e.get('expect') or []) + (e.get('expect_any') or []):
            if u not in urls: errors.append(f'{where}: unknown URL {u}')
        for t in e.get('expect_titles') or []:
            if not any(t in x for x in titles): errors.append(f'{where}: no title contains {t!r}')
        by_kind[e.get('kind')] += 1; by_split[e.get('split')] += 1; by_lang[e.get('lang')] += 1
        by_ks[(e.get('kind'), e.get('split'))] += 1; by_kl[(e.get('kind'), e.get('lang'))] += 1
    print(f'{len(qs)} questions; split {dict(by_split)}; lang {dict(by_lang)}')
    print(f"{'kind':16} {'total':>5} {'tune':>5} {'hold':>5} {'en':>4} {'ja':>4}")
    for k in KINDS:
        print(f"{k:16} {by_kind[k]:5} {by_ks[(k,'tune')]:5} {by_ks[(k,'holdout')]:5} {by_kl[(k,'en')]:4} {by_kl[(k,'ja')]:4}")
        if by_kind[k] < 15: errors.append(f'kind {k}: fewer than 15 questions')
        if not by_ks[(k, 'tune')] or not by_ks[(k, 'holdout')]: errors.append(f'kind {k}: missing a split')
    if len(qs) < 190: errors.append('fewer than 190 questions')
    for err in errors: print('ERROR', err)
    print('OK' if not errors else f'{len(errors)} error(s)')
    sys.exit(1 if errors else 0)

main()
