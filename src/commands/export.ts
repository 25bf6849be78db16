import { type ExportFormat, exportFile } from '../present/export.js';
import type { SearchIndex } from '../search/index-store.js';
import { type AnswerState, answerPage } from './handle.js';

/**
 * A remembered answer (its question, day and inherited filters) with every result, not a page,
 * as a CSV or Markdown file: what the Export button uploads and `ask --format` writes.
 */
export function exportAnswer(
  index: SearchIndex,
  state: Pick<AnswerState, 'question' | 'today' | 'inherit'>,
  format: ExportFormat,
): { filename: string; title: string; text: string; total: number; lang: AnswerState['lang'] } {
  const all = answerPage(index, state, 0, { pageSize: Number.MAX_SAFE_INTEGER });
  const { answer } = all;
  const file = exportFile(
    { question: answer.question, lang: answer.lang, items: answer.items },
    format,
    state.today,
  );
  return { ...file, total: answer.items.length, lang: answer.lang };
}
