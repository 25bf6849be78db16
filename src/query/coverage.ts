import { countryName } from '../geo/gazetteer.js';
import type { Manifest } from '../search/index-store.js';
import { MONTHS_EN, parts } from './dates.js';
import type { Lang } from './understand.js';

/** "The digests cover July 2025, December 2025 and January 2026." — told with every empty answer. */
export function coverageSentence(manifest: Manifest, lang: Lang): string {
  const months = manifest.documents
    .filter((d) => d.kind === 'digest' && d.coverage)
    .map((d) => d.coverage?.from as string)
    .sort();
  if (!months.length)
    return lang === 'ja' ? 'マンスリー情報がまだありません。' : 'No monthly digests are loaded yet.';
  const names = months.map((m) => {
    const [y, mo] = parts(m);
    return lang === 'ja' ? `${y}年${mo}月` : `${MONTHS_EN[mo - 1]} ${y}`;
  });
  if (lang === 'ja') return `マンスリー情報の対象期間は${names.join('・')}です。`;
  const list =
    names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
  return `The digests cover ${list}.`;
}

/** "Mexico", "the UK and South Korea": country codes as the asker would say them. */
export function namesOf(codes: string[], said: Record<string, string>, lang: Lang): string {
  const names = codes.map((c) =>
    lang === 'en' && said[c] && /^[A-Za-z]/.test(said[c] as string)
      ? capitalise(said[c] as string)
      : countryName(c, lang),
  );
  if (lang === 'ja') return names.join('・');
  return names.length > 1
    ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
    : (names[0] ?? '');
}

function capitalise(s: string): string {
  return s.length <= 4
    ? s.toUpperCase() === s
      ? s
      : s[0]?.toUpperCase() + s.slice(1)
    : (s[0]?.toUpperCase() ?? '') + s.slice(1);
}
