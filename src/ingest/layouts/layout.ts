import type { DocumentMeta, ParsedDocument } from '../item.js';

/** Reads one document's text into items. Pure: the text is passed in, nothing is read. */
export type Parser = (doc: DocumentMeta, text: string) => ParsedDocument;

/**
 * One way a document is laid out: its parser and, for layouts `policy-bot add` can recognise on
 * its own, a detector.
 *
 * @remarks A detector returns how many lines look like this layout's items (0: not this layout),
 * so the layout with the most evidence wins when a text could be read more than one way.
 */
export interface Layout {
  kind: 'digest' | 'report' | 'briefing';
  /** One line for `policy-bot add` to report which layout it used. */
  summary: string;
  parse: Parser;
  detect?: (lines: readonly string[]) => number;
}
