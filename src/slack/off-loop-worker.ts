import { parentPort, workerData } from 'node:worker_threads';
import type { Command } from '../commands/parse.js';
import { openIndex } from '../search/index-store.js';
import { createLogger } from '../util/logger.js';
import type { SlackDeps } from './deps.js';
import { answerReply, replyTo } from './replies.js';

/**
 * The answering thread: the same index (loaded from index/) and the same `replyTo` as the main
 * thread, so a question's analysis and search never hold up acknowledgements there.
 */
const { dataDir, indexDir } = workerData as { dataDir: string; indexDir: string };
const index = await openIndex({ dataDir, indexDir });
parentPort?.on(
  'message',
  (m: {
    id: number;
    today: string;
    command?: Command;
    where?: { channelId: string; userId?: string };
    page?: { q: string; o: number; t: string; sharedBy?: string };
  }) => {
    try {
      const deps: SlackDeps = { index: () => index, today: () => m.today, logger: createLogger('error') };
      const reply = m.page
        ? answerReply(deps, m.page.q, m.page.o, m.page.t, m.page.sharedBy)
        : replyTo(deps, m.command as Command, m.where ?? { channelId: '' });
      parentPort?.postMessage({ id: m.id, reply });
    } catch (err) {
      parentPort?.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) });
    }
  },
);
parentPort?.postMessage({ ready: true });
