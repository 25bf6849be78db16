import { instrumentsLexicon } from './lexicon.js';

/**
 * The instrument an item is about (law, bill, guideline, strategy, report, consultation,
 * standard, event…), read from its title with `data/lexicon/instruments.yml`: the last
 * instrument word of the title wins, because the head of a Japanese noun phrase is its end
 * (「AI法に基づく…に関するガイドライン」 is a guideline under a law, not a law).
 *
 * @remarks Consultations and investigations are recognised by their verbs wherever they are:
 * they are what happened, and what an asker means by "consultation".
 */
export function instrumentOf(title: string): string | undefined {
  const text = title.normalize('NFKC');
  const { instruments } = instrumentsLexicon();
  for (const verbal of ['consultation', 'investigation']) {
    const entry = instruments.find((i) => i.id === verbal);
    if (entry?.ja.some((w) => text.includes(w))) return verbal;
  }
  let best: { id: string; at: number; len: number } | undefined;
  for (const i of instruments) {
    for (const w of i.ja) {
      const at = text.lastIndexOf(w);
      if (at < 0) continue;
      // The head of a Japanese noun phrase is its end: the last instrument word in the title wins,
      // the longer word on a tie (基本計画 over 計画).
      if (
        !best ||
        at + w.length > best.at + best.len ||
        (at + w.length === best.at + best.len && w.length > best.len)
      )
        best = { id: i.id, at, len: w.length };
    }
  }
  return best?.id;
}

/** The English verb of an item's title (公表 → published), if the lexicon knows one. */
export function actionOf(title: string): string | undefined {
  // What a parenthesis adds (…の公開(…の設置…)) is not what the item did.
  const text = title.normalize('NFKC').replace(/\([^()]*\)/g, ' ');
  return instrumentsLexicon().actions.find((a) => a.ja.some((w) => text.includes(w)))?.en;
}
