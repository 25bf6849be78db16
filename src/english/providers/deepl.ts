import { createHash } from 'node:crypto';
import {
  AuthorizationError,
  ConnectionError,
  DeepLError,
  Translator as DeepLTranslator,
  GlossaryEntries,
  type GlossaryInfo,
  QuotaExceededError,
  TooManyRequestsError,
} from 'deepl-node';
import type { GlossaryTerm } from '../glossary.js';
import {
  firstSentence,
  type ProviderFailure,
  type SourceItem,
  type Translation,
  type Translator,
} from './translator.js';

export interface DeepLOptions {
  apiKey: string;
  /** DEEPL_SERVER_URL: a proxy or a test server; otherwise deepl-node picks the free or pro API by the key. */
  serverUrl?: string;
  timeoutMs: number;
}

/** DeepL takes at most 50 texts a request; each item sends two (title, first sentence). */
const ITEMS_PER_REQUEST = 25;

/**
 * DeepL through `deepl-node`: each item's title and the first sentence of its body (what a
 * one-sentence summary says) translated from Japanese to British English, with the fixed names
 * as a DeepL glossary (found by name on the account, else created once). deepl-node's own retries
 * are off (`maxRetries: 0`): the caller's retry loop decides, the same way for every provider.
 */
export function deeplTranslator(o: DeepLOptions): Translator {
  const client = new DeepLTranslator(o.apiKey, {
    ...(o.serverUrl ? { serverUrl: o.serverUrl } : {}),
    maxRetries: 0,
    minTimeout: o.timeoutMs,
    sendPlatformInfo: false,
    appInfo: { appName: 'policy-bot', appVersion: '1' },
  });
  let glossaryId: string | undefined;
  return {
    by: 'deepl',
    description: `DeepL (${o.serverUrl ?? (o.apiKey.endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com')})`,
    batchSize: ITEMS_PER_REQUEST,
    async prepare(glossary) {
      if (!glossary.length) return;
      const name = glossaryName(glossary);
      const existing = (await client.listGlossaries()).find(
        (g: GlossaryInfo) => g.name === name && g.ready && g.sourceLang === 'ja' && g.targetLang === 'en',
      );
      const info =
        existing ??
        (await client.createGlossary(
          name,
          'ja',
          'en',
          new GlossaryEntries({ entries: Object.fromEntries(glossary.map((t) => [t.ja, t.en])) }),
        ));
      glossaryId = info.glossaryId;
    },
    async translate(items: readonly SourceItem[]): Promise<Translation[]> {
      const texts = items.flatMap((it) => [it.title, firstSentence(it.body) || it.title]);
      const results = await client.translateText(texts, 'ja', 'en-GB', {
        ...(glossaryId ? { glossary: glossaryId } : {}),
        context:
          'Items of a Japanese monthly digest of AI policy news (AISI: the Japan AI Safety Institute).',
      });
      if (results.length !== texts.length)
        throw new DeepLError(`expected ${texts.length} translations, got ${results.length}`);
      return items.map((_, i) => ({
        title: (results[2 * i]?.text ?? '').trim(),
        summary: (results[2 * i + 1]?.text ?? '').trim(),
      }));
    },
    classify: classifyDeepL,
  };
}

/** The glossary's name on the account: its content's hash, so a changed lexicon makes a new one. */
function glossaryName(glossary: readonly GlossaryTerm[]): string {
  const h = createHash('sha256');
  for (const t of glossary) h.update(`${t.ja}\t${t.en}\n`);
  return `policy-bot ${h.digest('hex').slice(0, 12)}`;
}

/** deepl-node's errors in the shared vocabulary (it gives 5xx only in its message). */
function classifyDeepL(err: unknown): ProviderFailure {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof QuotaExceededError) return { kind: 'quota', retryable: false, message };
  if (err instanceof AuthorizationError) return { kind: 'auth', retryable: false, message };
  if (err instanceof TooManyRequestsError) return { kind: 'rate-limit', retryable: true, message };
  if (err instanceof ConnectionError) {
    const code = (err.error as { code?: string } | undefined)?.code;
    const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(message);
    return { kind: timedOut ? 'timeout' : 'connection', retryable: true, message };
  }
  if (err instanceof DeepLError && /Service unavailable|Unexpected status code: 5\d\d/.test(message))
    return { kind: 'server', retryable: true, message };
  return { kind: 'rejected', retryable: false, message };
}
