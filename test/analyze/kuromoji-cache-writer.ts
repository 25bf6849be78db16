// Run in a child process by kuromoji-dictionary.test.ts: reads the dictionary through the cache
// directory given as argv[2] (writing it when it is missing) and prints where the bytes came from.
import { kuromojiDir, readDictionary } from '../../src/analyze/kuromoji-dictionary.js';

const cacheDir = process.argv[2];
if (!cacheDir) throw new Error('usage: kuromoji-cache-writer CACHE_DIR');
const { source, cacheWritten } = await readDictionary(`${kuromojiDir()}/dict`, cacheDir);
process.stdout.write(`${JSON.stringify({ source, cacheWritten })}\n`);
