/**
 * Text from a document or a person, made safe to print on one line of a terminal, a log or a
 * CSV cell: terminal escapes (ESC and the other C0/C1 controls, DEL) and bidi overrides, which
 * could clear a screen, recolour it or show text in another order than it is stored, are dropped,
 * and line breaks and tabs become one space, so a title cannot forge the next line of a listing.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const BREAKS = /[\t\n\r\u0085\u2028\u2029]+/g;

/** One line of printable text: controls dropped, line breaks and tabs made one space, ends trimmed. Idempotent. */
export function oneLine(text: string): string {
  return text.replace(BREAKS, ' ').replace(CONTROL, '').trim();
}

/** Controls dropped, line breaks kept: for multi-line text (an item's body) printed as lines. */
export function withoutControls(text: string): string {
  return text.replace(CONTROL, '');
}
