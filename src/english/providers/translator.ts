import type { GlossaryTerm } from '../glossary.js';

/** What a translator reads of an item. */
export interface SourceItem {
  id: string;
  title: string;
  body: string;
}

/** What it gives back for one item. */
export interface Translation {
  title: string;
  summary: string;
}

/**
 * Why a provider call failed, in one vocabulary for every provider: `retryable` failures (rate
 * limits, server errors, timeouts, dropped connections, an answer that was not the JSON asked
 * for) are tried again after a pause (`retryAfterMs` when the server said how long); the others
 * (quota used up, a refused key, a request the server rejects) end the run at once.
 */
export interface ProviderFailure {
  kind: 'rate-limit' | 'server' | 'timeout' | 'connection' | 'bad-output' | 'quota' | 'auth' | 'rejected';
  retryable: boolean;
  message: string;
  retryAfterMs?: number;
}

/**
 * A translation provider (DeepL, an OpenAI-compatible chat endpoint). `translate` throws the
 * provider's own errors; `classify` turns any of them into a {@link ProviderFailure}, so the
 * retry loop and the report are the same for both.
 */
export interface Translator {
  /** What entries it writes are marked `by:`. */
  by: 'deepl' | 'llm';
  /** For messages: "DeepL (https://api.deepl.com)", "gpt-4o-mini at https://…". */
  description: string;
  /** Items per call. */
  batchSize: number;
  /**
   * Readies the glossary (DeepL: finds or creates it on the server). Throws the provider's error
   * when it cannot: then translation goes on without it (unless the quota or the key is the cause).
   */
  prepare(glossary: readonly GlossaryTerm[]): Promise<void>;
  /** One translation per item, in order. */
  translate(items: readonly SourceItem[], glossary: readonly GlossaryTerm[]): Promise<Translation[]>;
  classify(err: unknown): ProviderFailure;
}

/** A retry-after header (seconds or an HTTP date) in milliseconds, when there is a usable one. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The first sentence of a Japanese text (up to the first 。 outside brackets), what a
 * one-sentence summary is translated from when the provider only translates.
 */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, '').trim();
  let depth = 0;
  for (let i = 0; i < flat.length; i++) {
    const c = flat[i] as string;
    if ('「『（(【［'.includes(c)) depth += 1;
    else if ('」』）)】］'.includes(c)) depth = Math.max(0, depth - 1);
    else if (c === '。' && depth === 0) return flat.slice(0, i + 1);
  }
  return flat;
}
