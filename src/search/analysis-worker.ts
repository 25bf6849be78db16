import { parentPort } from 'node:worker_threads';
import { loadTokenizer } from '../analyze/kuromoji.js';
import { analyzeFieldTexts } from './item-terms.js';

/**
 * One analysis worker of the build pool: loads its own kuromoji (a worker shares no heap with
 * the main thread), says `ready`, then answers each batch of items' field texts with their terms
 * (each field's terms joined by U+0000, the separator no term contains: the query tokenizer
 * splits on it too).
 */
const port = parentPort;
if (!port) throw new Error('policy-bot: analysis-worker must run in a worker thread');
await loadTokenizer();
port.on('message', (batch: (string | null)[][]) => {
  // Terms travel joined: one string per field clones far faster than hundreds of small ones.
  port.postMessage(
    batch.map((texts) =>
      analyzeFieldTexts(texts).map((terms) => (terms === null ? null : terms.join('\u0000'))),
    ),
  );
});
port.postMessage('ready');
