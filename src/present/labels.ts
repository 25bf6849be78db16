import { countryName, flag } from '../geo/gazetteer.js';
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

export const REGION_LABEL: Record<string, { en: string; ja: string }> = {
  japan: { en: 'Japan', ja: '日本' },
  us: { en: 'US', ja: '米国' },
  europe: { en: 'Europe', ja: '欧州' },
  asia: { en: 'Asia', ja: 'アジア' },
  international: { en: 'International', ja: '国際' },
};

/** `2026-01-14 – 2026-01-28`, or one day. */
export function formatDate(date: { start: string; end: string } | null | undefined, lang: Lang): string {
  if (!date) return lang === 'ja' ? '日付なし' : 'undated';
  return date.start === date.end ? date.start : `${date.start} – ${date.end}`;
}

/** `🇰🇷 South Korea, 🇪🇺 the EU`: how the bot names jurisdictions back to people. */
export function countryList(codes: string[], lang: Lang, separator = ', '): string {
  return codes.map((c) => `${flag(c)} ${countryName(c, lang)}`.trim()).join(separator);
}

/** `🇰🇷 KR` style list; codes only in plain text. */
export function formatCountries(codes: string[], withFlags: boolean): string {
  return codes.map((c) => (withFlags && flag(c) ? `${flag(c)} ${c}` : c)).join(withFlags ? ' ' : ', ');
}
