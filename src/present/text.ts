import type { AskResult } from '../query/ask.js';
import { CATEGORY_LABEL, formatCountries, formatDate, REGION_LABEL } from './labels.js';

/** The interpretation echoed back: what was understood, in the asker's language. */
export function interpretationLine(r: AskResult): string {
  const ja = r.lang === 'ja';
  const i = r.interpretation;
  const parts: string[] = [];
  if (i.countries.length) parts.push(`${ja ? '国・地域' : 'countries'}: ${i.countries.join(', ')}`);
  const regions = i.regions.filter((g) => !(g === 'europe' && i.countries.includes('EU')));
  if (regions.length)
    parts.push(
      `${ja ? '地域' : 'regions'}: ${regions.map((g) => REGION_LABEL[g]?.[r.lang] ?? g).join(', ')}`,
    );
  if (i.period)
    parts.push(`${ja ? '期間' : 'period'}: ${i.period.label} (${i.period.from} – ${i.period.to})`);
  if (i.terms.length) parts.push(`${ja ? '語' : 'terms'}: ${i.terms.join(', ')}`);
  const understood = parts.length ? parts.join(' · ') : ja ? '条件なし' : 'nothing specific';
  const count = ja ? `${r.total}件` : `${r.total} result${r.total === 1 ? '' : 's'}`;
  return `${ja ? '解釈' : 'Understood'}: ${understood} — ${count}`;
}

/** The readable `ask` answer: interpretation, then each item with date, countries, title, URLs and source. */
export function renderAskText(r: AskResult): string {
  const out = [interpretationLine(r)];
  if (r.message) out.push(r.message);
  r.results.forEach((it, n) => {
    const cat = CATEGORY_LABEL[it.category]?.[r.lang] ?? it.category;
    out.push('');
    out.push(`${n + 1}. ${formatDate(it.date, r.lang)}  [${formatCountries(it.countries, false)}]  ${cat}`);
    out.push(`   ${it.title}`);
    if (r.lang === 'en' && it.english) out.push(`   ${it.english}`);
    if (it.snippet) out.push(`   ${it.snippet}`);
    for (const u of it.urls) out.push(`   ${u}`);
    out.push(`   — ${it.source.document} · ${it.source.section}  (${it.id})`);
  });
  if (r.suggestions?.length) {
    out.push('');
    out.push(
      r.lang === 'ja'
        ? '近い項目(候補であり、回答ではありません):'
        : 'Closest items (suggestions, not answers):',
    );
    for (const it of r.suggestions) {
      out.push(`  - ${formatDate(it.date, r.lang)}  ${it.title}`);
      if (r.lang === 'en' && it.english) out.push(`    ${it.english}`);
      for (const u of it.urls.slice(0, 1)) out.push(`    ${u}`);
    }
  }
  if (r.total > r.results.length) {
    out.push('');
    out.push(
      r.lang === 'ja' ? `ほか${r.total - r.results.length}件` : `…and ${r.total - r.results.length} more`,
    );
  }
  return out.join('\n');
}
