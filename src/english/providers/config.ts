import { z } from 'zod';
import { isHttpUrl } from '../../util/url.js';
import type { RetryPolicy } from '../retry.js';

/**
 * Which translation provider fills new months' English, from the environment (documented in
 * .env.example). Chosen by POLICY_BOT_TRANSLATOR when set, else DeepL when DEEPL_API_KEY is set,
 * else an OpenAI-compatible endpoint when OPENAI_MODEL is set, else none: then `add` only says
 * how many items lack English.
 */
export type ProviderChoice =
  | { provider: 'deepl'; apiKey: string; serverUrl?: string }
  | { provider: 'openai'; model: string; baseUrl?: string; apiKey?: string }
  | { provider: 'none'; reason: string };

export interface TranslationConfig {
  choice: ProviderChoice;
  timeoutMs: number;
  retry: Pick<RetryPolicy, 'attempts' | 'baseMs' | 'maxMs'>;
}

const optional = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));
// The project's one URL check (util/url.ts), and no space (a base URL is written whole).
const url = optional.refine((v) => v === undefined || (isHttpUrl(v) && !/\s/.test(v)), {
  message: 'should be an http(s) URL',
});
const whole = (min: number, max: number, what: string) =>
  optional.refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max), {
    message: `should be ${what} (a whole number from ${min} to ${max})`,
  });

const Env = z.object({
  POLICY_BOT_TRANSLATOR: optional.refine((v) => v === undefined || /^(deepl|openai|off)$/.test(v), {
    message: 'should be deepl, openai or off',
  }),
  DEEPL_API_KEY: optional,
  DEEPL_SERVER_URL: url,
  OPENAI_API_KEY: optional,
  OPENAI_BASE_URL: url,
  OPENAI_MODEL: optional,
  POLICY_BOT_TRANSLATE_TIMEOUT_MS: whole(1, 600_000, 'milliseconds'),
  POLICY_BOT_TRANSLATE_ATTEMPTS: whole(1, 10, 'tries per request'),
  POLICY_BOT_TRANSLATE_BACKOFF_MS: whole(0, 60_000, 'milliseconds'),
});

/** A translation variable that is set wrongly: named, with what it should be. */
class TranslationConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`policy-bot: translation settings: ${problems.join('; ')}`);
    this.name = 'TranslationConfigError';
  }
}

/**
 * Reads the translation settings. A variable set wrongly (or a provider chosen without what it
 * needs) is a {@link TranslationConfigError} naming it; nothing set at all is provider `none`.
 */
export function translationConfig(env: NodeJS.ProcessEnv): TranslationConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success)
    throw new TranslationConfigError(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`));
  const e = parsed.data;
  const wanted = e.POLICY_BOT_TRANSLATOR;
  const deepl = (): ProviderChoice => {
    if (!e.DEEPL_API_KEY)
      throw new TranslationConfigError(['POLICY_BOT_TRANSLATOR=deepl needs DEEPL_API_KEY']);
    return {
      provider: 'deepl',
      apiKey: e.DEEPL_API_KEY,
      ...(e.DEEPL_SERVER_URL ? { serverUrl: e.DEEPL_SERVER_URL } : {}),
    };
  };
  const openai = (): ProviderChoice => {
    if (!e.OPENAI_MODEL)
      throw new TranslationConfigError([
        'the OpenAI-compatible provider needs OPENAI_MODEL (the model name)',
      ]);
    if (!e.OPENAI_API_KEY && !e.OPENAI_BASE_URL)
      throw new TranslationConfigError([
        'the OpenAI-compatible provider needs OPENAI_API_KEY or OPENAI_BASE_URL',
      ]);
    return {
      provider: 'openai',
      model: e.OPENAI_MODEL,
      ...(e.OPENAI_BASE_URL ? { baseUrl: e.OPENAI_BASE_URL } : {}),
      ...(e.OPENAI_API_KEY ? { apiKey: e.OPENAI_API_KEY } : {}),
    };
  };
  let choice: ProviderChoice;
  if (wanted === 'off') choice = { provider: 'none', reason: 'POLICY_BOT_TRANSLATOR=off' };
  else if (wanted === 'deepl' || (!wanted && e.DEEPL_API_KEY)) choice = deepl();
  else if (wanted === 'openai' || (!wanted && e.OPENAI_MODEL)) choice = openai();
  else
    choice = {
      provider: 'none',
      reason: e.OPENAI_API_KEY
        ? 'OPENAI_API_KEY is set but OPENAI_MODEL is not'
        : 'no translation provider is configured (DEEPL_API_KEY, or OPENAI_MODEL with OPENAI_BASE_URL or OPENAI_API_KEY)',
    };
  return {
    choice,
    timeoutMs: Number(e.POLICY_BOT_TRANSLATE_TIMEOUT_MS ?? 30_000),
    retry: {
      attempts: Number(e.POLICY_BOT_TRANSLATE_ATTEMPTS ?? 4),
      baseMs: Number(e.POLICY_BOT_TRANSLATE_BACKOFF_MS ?? 2_000),
      maxMs: 60_000,
    },
  };
}
