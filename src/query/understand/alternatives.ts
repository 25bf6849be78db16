import { analyze, type Unit } from '../../analyze/analyzer.js';

/**
 * A unit as query alternatives. A compound matches through all of its parts (an item with the
 * whole compound has them too, so OR-ing the whole in would only count it twice); the whole
 * compound goes to the boost list instead.
 */
export function unitAlternatives(u: Unit): string[][] {
  if (u.latin) return u.alternatives.map((a) => [a]);
  return [u.parts.length > 1 ? u.parts : [u.whole]];
}

/** The whole compound of a unit, which ranks an item that has it higher (not required). */
export function unitBoost(u: Unit): string[] {
  return !u.latin && u.parts.length > 1 ? [u.whole] : [];
}

/** Drops alternatives implied by a smaller one (エージェント covers エージェント+型), and duplicates. */
export function minimalAlternatives(alts: string[][]): string[][] {
  // A word the analyzer drops whole (億円: a number and a counter) is no alternative at all.
  const unique = [...new Map(alts.filter((a) => a.length > 0).map((a) => [a.join('\u0000'), a])).values()];
  return unique.filter(
    (b) => !unique.some((a) => a !== b && a.length < b.length && a.every((t) => b.includes(t))),
  );
}

/** The corpus forms of a concept (Japanese or Latin words) as alternatives and boosts. */
export function translation(forms: string[]): { alternatives: string[][]; boost: string[] } {
  const alts: string[][] = [];
  const boost: string[] = [];
  for (const form of forms) {
    const units = analyze(form);
    if (units.length === 1) {
      alts.push(...unitAlternatives(units[0] as Unit));
      boost.push(...unitBoost(units[0] as Unit));
    } else if (units.length > 1) {
      alts.push(units.flatMap((u) => (u.latin ? [u.alternatives[0] ?? u.whole] : u.parts)));
      boost.push(...units.flatMap(unitBoost));
    }
  }
  return { alternatives: minimalAlternatives(alts), boost: [...new Set(boost)] };
}
