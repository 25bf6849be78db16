import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  PermissionDeniedError,
  RateLimitError,
} from 'openai';
import { z } from 'zod';
import { type GlossaryTerm, termsIn } from '../glossary.js';
import {
  type ProviderFailure,
  retryAfterMs,
  type SourceItem,
  type Translation,
  type Translator,
} from './translator.js';

export interface OpenAiOptions {
  /** OPENAI_BASE_URL: any OpenAI-compatible endpoint (…/v1); default OpenAI's. */
  baseUrl?: string;
  /** OPENAI_API_KEY; endpoints that need none get a placeholder (the client insists on one). */
  apiKey?: string;
  model: string;
  timeoutMs: number;
}

/** What the model must answer: one JSON object. */
const Answer = z.object({ title: z.string().trim().min(1), summary: z.string().trim().min(1) });

/** The model answered, but not with the JSON asked for: worth another try. */
class BadOutputError extends Error {}

/**
 * The instructions: a faithful title and a one-sentence summary from the item's own words, the
 * fixed names as given. Kept as data-like text here so a reviewer sees exactly what is asked.
 */
function systemPrompt(): string {
  return [
    'You translate items of a Japanese digest of AI policy news into English for readers who do not read Japanese.',
    'Answer with one JSON object and nothing else: {"title": "...", "summary": "..."}.',
    'title: a faithful English translation of the item title, as a headline.',
    'summary: one English sentence of at most 30 words saying what happened, who did it and which instrument (law, guideline, report…), from the item text only.',
    'Keep names, numbers, dates and titles of instruments exactly as the source gives them; use the official English name when the source or its URL gives one; add nothing the item does not say.',
    'Use British spelling. AISI is the Japan AI Safety Institute.',
  ].join('\n');
}

/** The user message for one item: its title, text and URLs, and the fixed names it uses. */
function userPrompt(item: SourceItem, glossary: readonly GlossaryTerm[]): string {
  const terms = termsIn(`${item.title}\n${item.body}`, glossary);
  return [
    `Title: ${item.title}`,
    `Text: ${item.body.replace(/\s*\n\s*/g, '') || '(none)'}`,
    ...(terms.length
      ? ['Fixed names (use exactly this English):', ...terms.map((t) => `- ${t.ja} = ${t.en}`)]
      : []),
  ].join('\n');
}

/** The JSON object in a model's answer (it may be fenced or wrapped in prose). */
function parseAnswer(content: string | null | undefined): Translation {
  const text = content ?? '';
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end < start)
    throw new BadOutputError(`the model did not answer with JSON: ${text.slice(0, 80)}`);
  let raw: unknown;
  try {
    raw = JSON.parse(text.slice(start, end + 1));
  } catch (err) {
    throw new BadOutputError(`the model's JSON does not parse: ${(err as Error).message}`);
  }
  const answer = Answer.safeParse(raw);
  if (!answer.success) throw new BadOutputError(`the model's JSON lacks a title or a summary`);
  return answer.data;
}

/**
 * Any OpenAI-compatible chat endpoint through the `openai` package: one chat completion per item
 * (temperature 0), the fixed names the item uses listed in its prompt. The client's own retries
 * are off: the caller's retry loop decides.
 */
export function openAiTranslator(o: OpenAiOptions): Translator {
  const client = new OpenAI({
    apiKey: o.apiKey ?? 'none',
    ...(o.baseUrl ? { baseURL: o.baseUrl } : {}),
    timeout: o.timeoutMs,
    maxRetries: 0,
  });
  return {
    by: 'llm',
    description: `${o.model} at ${o.baseUrl ?? 'https://api.openai.com/v1'}`,
    batchSize: 1,
    // The fixed names go into each item's prompt: nothing to ready.
    async prepare() {},
    async translate(items, glossary) {
      const out: Translation[] = [];
      for (const item of items) {
        const completion = await client.chat.completions.create({
          model: o.model,
          temperature: 0,
          messages: [
            { role: 'system', content: systemPrompt() },
            { role: 'user', content: userPrompt(item, glossary) },
          ],
        });
        out.push(parseAnswer(completion.choices[0]?.message?.content));
      }
      return out;
    },
    classify: classifyOpenAi,
  };
}

/** The `openai` package's errors in the shared vocabulary; a 429 for a used-up quota is not retried. */
function classifyOpenAi(err: unknown): ProviderFailure {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof BadOutputError) return { kind: 'bad-output', retryable: true, message };
  if (err instanceof APIConnectionTimeoutError) return { kind: 'timeout', retryable: true, message };
  if (err instanceof APIConnectionError) return { kind: 'connection', retryable: true, message };
  if (err instanceof RateLimitError) {
    if (err.code === 'insufficient_quota') return { kind: 'quota', retryable: false, message };
    const ms = err.headers?.get('retry-after-ms');
    const after =
      ms && Number.isFinite(Number(ms)) && Number(ms) >= 0
        ? Number(ms)
        : retryAfterMs(err.headers?.get('retry-after'));
    return {
      kind: 'rate-limit',
      retryable: true,
      message,
      ...(after !== undefined ? { retryAfterMs: after } : {}),
    };
  }
  if (err instanceof AuthenticationError || err instanceof PermissionDeniedError)
    return { kind: 'auth', retryable: false, message };
  if (err instanceof APIError && typeof err.status === 'number' && err.status >= 500)
    return { kind: 'server', retryable: true, message };
  return { kind: 'rejected', retryable: false, message };
}
