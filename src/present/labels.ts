import { countryName, flag } from '../geo/gazetteer.js';
import { regionTable } from '../ingest/regions.js';
import { MONTHS_EN } from '../query/dates.js';
import type { Lang } from '../query/understand.js';

/** The bot's own words in both languages; documents' words are never translated. */
export const CATEGORY_LABEL: Record<string, { en: string; ja: string }> = {
  'aisi-activity': { en: 'AISI activity', ja: '日本AISIの活動' },
  'domestic-policy': { en: 'Japan policy', ja: '国内政策' },
  'overseas-policy': { en: 'Overseas policy', ja: '海外政策' },
  'domestic-report': { en: 'Japan report', ja: '国内レポート' },
  'overseas-report': { en: 'Overseas report', ja: '海外レポート' },
  'report-section': { en: 'Annual report', ja: '年次レポート' },
  'briefing-section': { en: 'Briefing', ja: 'ブリーフィング' },
};

/** Region names in both languages, from the one region table (data/lexicon/regions.yml). */
export const REGION_LABEL: Record<string, { en: string; ja: string }> = Object.fromEntries(
  regionTable().map((r) => [r.code, r.label]),
);

const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const ymd = (iso: string): [number, number, number] => {
  const [y, m, d] = iso.split('-').map(Number);
  return [y ?? 0, m ?? 1, d ?? 1];
};
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * A date or date range as people write it: `Jan 22, 2026`, `Jan 14–28, 2026`, `January 2026`
 * in English; `2026年1月22日`, `2026年1月14日〜28日`, `2026年1月` in Japanese.
 */
export function formatDate(date: { start: string; end: string } | null | undefined, lang: Lang): string {
  if (!date) return lang === 'ja' ? '日付なし' : 'undated';
  const [y1, m1, d1] = ymd(date.start);
  const [y2, m2, d2] = ymd(date.end);
  const wholeMonth = y1 === y2 && m1 === m2 && d1 === 1 && d2 === lastDay(y2, m2);
  if (lang === 'ja') {
    if (wholeMonth) return `${y1}年${m1}月`;
    const a = `${y1}年${m1}月${d1}日`;
    if (date.start === date.end) return a;
    if (y1 === y2) return m1 === m2 ? `${a}〜${d2}日` : `${a}〜${m2}月${d2}日`;
    return `${a}〜${y2}年${m2}月${d2}日`;
  }
  if (wholeMonth) return `${MONTHS_EN[m1 - 1]} ${y1}`;
  const md = (m: number, d: number) => `${MONTH_ABBR[m - 1]} ${d}`;
  if (date.start === date.end) return `${md(m1, d1)}, ${y1}`;
  if (y1 === y2) return m1 === m2 ? `${md(m1, d1)}–${d2}, ${y1}` : `${md(m1, d1)} – ${md(m2, d2)}, ${y1}`;
  return `${md(m1, d1)}, ${y1} – ${md(m2, d2)}, ${y2}`;
}

/** A jurisdiction as the bot names it: `🇰🇷 South Korea` for English askers, `🇰🇷 韓国` for Japanese ones. */
export function countryLabel(code: string, lang: Lang): string {
  // "the US", "the EU" read well in a sentence, not in a list of names.
  const name = countryName(code, lang).replace(/^the /, '');
  return `${flag(code)} ${name}`.trim();
}

/** `🇰🇷 South Korea, 🇪🇺 EU` / `🇰🇷 韓国・🇪🇺 EU`: the one way jurisdictions are listed. */
export function countryList(codes: string[], lang: Lang, separator = lang === 'ja' ? '・' : ', '): string {
  return codes.map((c) => countryLabel(c, lang)).join(separator);
}
