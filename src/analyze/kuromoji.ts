import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import kuromoji, { type IpadicFeatures, type Tokenizer } from 'kuromoji';
import { speedUp } from './kuromoji-speed.js';

export type { IpadicFeatures };

const require = createRequire(import.meta.url);

/** The dictionary shipped inside the installed kuromoji package, wherever the process was started. */
export function dictionaryPath(): string {
  return join(dirname(require.resolve('kuromoji/package.json')), 'dict');
}

let loading: Promise<Tokenizer<IpadicFeatures>> | undefined;
let loaded: Tokenizer<IpadicFeatures> | undefined;

/**
 * Loads kuromoji's dictionary once per process (≈1 s, ≈400 MB RSS) behind one shared promise:
 * concurrent callers await the same load (the kuromojin pattern). Everything after is synchronous.
 */
export function loadTokenizer(): Promise<Tokenizer<IpadicFeatures>> {
  loading ??= new Promise((resolve, reject) => {
    kuromoji.builder({ dicPath: dictionaryPath() }).build((err, tokenizer) => {
      if (err) {
        loading = undefined;
        reject(
          new Error(
            `policy-bot: cannot load the kuromoji dictionary from ${dictionaryPath()}: ${err.message}`,
          ),
        );
        return;
      }
      speedUp(tokenizer);
      loaded = tokenizer;
      resolve(tokenizer);
    });
  });
  return loading;
}

/** The loaded tokenizer; throws if {@link loadTokenizer} has not finished, which is a programming error. */
export function tokenizerSync(): Tokenizer<IpadicFeatures> {
  if (!loaded) throw new Error('policy-bot: kuromoji is not loaded yet: await loadTokenizer() first');
  return loaded;
}
