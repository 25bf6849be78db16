import { z } from 'zod';
import type { Interpretation } from '../query/understand.js';

/** The filters of a question that a follow-up may carry over: places, period, concepts. */
export interface Filters {
  countries: string[];
  regions: Interpretation['regions'];
  placeNames: Record<string, string>;
  period: Interpretation['period'];
  groups: Interpretation['groups'];
}

/** Which filters a follow-up took from the earlier question. */
export type Dimension = 'places' | 'period' | 'terms';

/**
 * A period as a conversation stores it: whole (how its year was decided and its fiscal year too),
 * so a follow-up restores exactly the period its thread was answered with.
 */
const periodSchema = z.object({
  from: z.string(),
  to: z.string(),
  label: z.object({ en: z.string(), ja: z.string() }),
  kind: z.enum(['absolute', 'bare', 'relative']).optional(),
  fiscal: z.number().int().optional(),
});
const groupSchema = z.looseObject({
  label: z.string(),
  translation: z.array(z.string()).optional(),
  alternatives: z.array(z.array(z.string())),
  boost: z.array(z.string()),
  weak: z.boolean(),
  untranslated: z.boolean(),
  agency: z.boolean().optional(),
});

/** Filters as stored in the state database (JSON), checked when read back. */
export const filtersSchema = z.object({
  countries: z.array(z.string()),
  regions: z.array(z.string()),
  placeNames: z.record(z.string(), z.string()),
  period: periodSchema.nullable(),
  groups: z.array(groupSchema),
});

/** The filters of an understood question, to remember for its follow-ups. */
export function filtersOf(i: Interpretation): Filters {
  return {
    countries: i.countries,
    regions: i.regions,
    placeNames: i.placeNames,
    period: i.period,
    groups: i.groups,
  };
}

/**
 * A follow-up keeps what it says and takes from the earlier question what it does not say:
 * "what about Korea?" keeps the period and the concepts, "and in January?" keeps the places.
 * A follow-up that says all three inherits nothing. Pure: returns the merged interpretation and
 * which dimensions were inherited, so the answer can say so.
 */
export function inherit(
  own: Interpretation,
  earlier: Filters,
): { interp: Interpretation; inherited: Dimension[] } {
  const inherited: Dimension[] = [];
  let interp = own;
  const saysPlace = own.countries.length > 0 || own.regions.length > 0;
  const earlierPlace = earlier.countries.length > 0 || earlier.regions.length > 0;
  // A question naming a source URL is about that source; nothing to inherit.
  if (own.urls.length) return { interp, inherited };
  if (!saysPlace && earlierPlace) {
    interp = {
      ...interp,
      countries: earlier.countries,
      regions: earlier.regions,
      placeNames: { ...earlier.placeNames, ...interp.placeNames },
    };
    inherited.push('places');
  }
  if (!own.period && earlier.period) {
    interp = { ...interp, period: earlier.period };
    inherited.push('period');
  }
  if (own.groups.length === 0 && earlier.groups.length > 0) {
    interp = { ...interp, groups: earlier.groups };
    inherited.push('terms');
  }
  return { interp, inherited };
}
