import { parentPort } from 'node:worker_threads';
import { loadTokenizer } from '../analyze/kuromoji.js';
import { analyzeFieldTexts } from './item-terms.js';

/**
 * One analysis worker of the build pool: loads its own kuromoji (a worker shares no heap with
 * the main thread), says `ready`, then answers each batch of items' field texts with their terms.
 */
const port = parentPort;
if (!port) throw new Error('policy-bot: analysis-worker must run in a worker thread');
await loadTokenizer();
port.on('message', (batch: (string | null)[][]) => {
  port.postMessage(batch.map(analyzeFieldTexts));
});
port.postMessage('ready');
