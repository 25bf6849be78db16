import type { TranslationConfig } from './config.js';
import type { Translator } from './translator.js';

/**
 * The configured translator, or undefined when none is. The provider's client package is loaded
 * only here, so commands that never translate do not pay for it.
 */
export async function makeTranslator(config: TranslationConfig): Promise<Translator | undefined> {
  const c = config.choice;
  switch (c.provider) {
    case 'deepl': {
      const { deeplTranslator } = await import('./deepl.js');
      return deeplTranslator({
        apiKey: c.apiKey,
        ...(c.serverUrl ? { serverUrl: c.serverUrl } : {}),
        timeoutMs: config.timeoutMs,
      });
    }
    case 'openai': {
      const { openAiTranslator } = await import('./openai.js');
      return openAiTranslator({
        model: c.model,
        ...(c.baseUrl ? { baseUrl: c.baseUrl } : {}),
        ...(c.apiKey ? { apiKey: c.apiKey } : {}),
        timeoutMs: config.timeoutMs,
      });
    }
    case 'none':
      return undefined;
  }
}
