import { describe } from '../errors.js';
import { countriesIn } from '../geo/detect.js';
import { oneLine, withoutControls } from '../util/one-line.js';
import { type Category, type DocumentMeta, Item, type Problem, type Region } from './item.js';
import { regionOfCountry } from './regions.js';
import { cleanUrl, dedupe, joinSpacedLetters, nfkc } from './text.js';

export interface ItemDraft {
  doc: DocumentMeta;
  idPath: string;
  kind: 'event' | 'section';
  title: string;
  body: string[];
  /** Raw URL lines (or URL strings already joined from broken links). */
  urls: string[];
  date?: { start: string; end: string };
  category: Category;
  /** Fixed region, or `undefined` to derive it from the countries found. */
  region?: Region;
  /** Jurisdictions the section is about before reading the text (JP for 日本AISIの活動). */
  defaultCountries: string[];
  /** Used when neither the defaults nor the text name anyone (the Europe section → EU). */
  fallbackCountries?: string[];
  section: string[];
  sectionLabel: string;
  ordinal: number;
  lines: number[];
}

/**
 * Turns a parser's draft into a validated {@link Item}: cleans URLs, finds the jurisdictions
 * named in the title and body, derives the region, and checks the schema. A draft that fails
 * validation becomes a problem naming its first line, never a silent drop.
 */
export function buildItem(draft: ItemDraft): { item?: Item; problems: Problem[] } {
  const problems: Problem[] = [];
  const cleaned = draft.urls.map(cleanUrl);
  const urls = dedupe(cleaned.map((c) => c.url));
  const notes: Record<string, string> = {};
  for (const c of cleaned) if (c.note) notes[c.url] = c.note;
  const text = joinSpacedLetters(nfkc(`${draft.title}\n${draft.body.join('\n')}`));
  // A standard's number (NIST SP 800-61) cites a document, it does not make its publisher an actor.
  const named = countriesIn(text.replace(/\b[A-Z]{2,6}\s+(?:SP|IR|AI)\s*\d[\d.-‑]*/g, ' '), {
    mode: 'document',
    skipVenues: true,
  });
  let countries = dedupe([...draft.defaultCountries, ...named]);
  if (countries.length === 0 && draft.fallbackCountries) countries = [...draft.fallbackCountries];
  const region = draft.region ?? deriveRegion(countries);
  const lines = [...new Set(draft.lines)].sort((a, b) => a - b);
  const candidate = {
    id: `${draft.doc.id}/${draft.idPath}`,
    kind: draft.kind,
    // A title is printed as one line (terminal, CSV, Slack): no escape sequence or line break in it.
    title: oneLine(draft.title),
    body: withoutControls(draft.body.join('\n')),
    ...(draft.date ? { date: draft.date } : {}),
    category: draft.category,
    region,
    countries,
    urls,
    ...(Object.keys(notes).length ? { urlNotes: notes } : {}),
    source: {
      document: draft.doc.id,
      documentTitle: draft.doc.title,
      ...(draft.doc.url ? { documentUrl: draft.doc.url } : {}),
      ...(draft.doc.publisher ? { documentPublisher: draft.doc.publisher } : {}),
      section: draft.section,
      sectionLabel: draft.sectionLabel,
      ordinal: draft.ordinal,
      file: draft.doc.path,
      line: lines[0] ?? 1,
      lines,
    },
  };
  const parsed = Item.safeParse(candidate);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    problems.push({
      file: draft.doc.path,
      line: lines[0],
      message: describe('ITEM_INVALID', candidate.id, detail),
    });
    return { problems };
  }
  return { item: parsed.data, problems };
}

function deriveRegion(countries: string[]): Region {
  const regions = new Set(countries.map(regionOfCountry));
  if (regions.size === 1) return [...regions][0] as Region;
  return 'international';
}
