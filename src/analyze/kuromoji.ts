import { join } from 'node:path';
import type { IpadicFeatures, Tokenizer } from 'kuromoji';
import {
  type DictionarySource,
  defaultCacheDir,
  kuromojiDir,
  loadDictionary,
} from './kuromoji-dictionary.js';

export type { IpadicFeatures };

/** The dictionary shipped inside the installed kuromoji package, wherever the process was started. */
export function dictionaryPath(): string {
  return join(kuromojiDir(), 'dict');
}

let loading: Promise<Tokenizer<IpadicFeatures>> | undefined;
let loaded: Tokenizer<IpadicFeatures> | undefined;
let loadedFrom: DictionarySource | undefined;

/**
 * Loads kuromoji's dictionary once per process behind one shared promise: concurrent callers
 * await the same load (the kuromojin pattern). Everything after is synchronous. The files are read
 * on libuv's threads. The first load on a machine gunzips `dict/` (≈0.35 s) and keeps the raw
 * files in a cache (`node_modules/.cache/policy-bot/`, or `POLICY_BOT_KUROMOJI_CACHE`; see
 * `kuromoji-dictionary.ts`); later loads read those (≈0.1 s). Its word table is kept as typed
 * arrays (`kuromoji-lattice.ts`), so the process is at ≈120–150 MB RSS after it (stock kuromoji:
 * ≈0.6 s, ≈320–370 MB), with the same tokens; its hot paths are made linear (kuromoji-speed.ts),
 * about twice as fast.
 */
export function loadTokenizer(): Promise<Tokenizer<IpadicFeatures>> {
  loading ??= loadDictionary(dictionaryPath(), defaultCacheDir()).then(
    (load) => {
      loaded = load.tokenizer;
      loadedFrom = load.source;
      return load.tokenizer;
    },
    (err: unknown) => {
      loading = undefined;
      throw new Error(
        `policy-bot: cannot load the kuromoji dictionary from ${dictionaryPath()}: ${err instanceof Error ? err.message : String(err)}`,
      );
    },
  );
  return loading;
}

/** Where this process's dictionary came from ('cache' or 'gzip'), once {@link loadTokenizer} finished. */
export function tokenizerSource(): DictionarySource | undefined {
  return loadedFrom;
}

/** The loaded tokenizer; throws if {@link loadTokenizer} has not finished, which is a programming error. */
export function tokenizerSync(): Tokenizer<IpadicFeatures> {
  if (!loaded) throw new Error('policy-bot: kuromoji is not loaded yet: await loadTokenizer() first');
  return loaded;
}
