import type { Logger } from './logger.js';
import { errorId } from './logger.js';

/**
 * The last line of defence of a long-running process: an unhandled rejection or uncaught
 * exception is logged with an error id and the process goes on answering, instead of Node's
 * default of exiting (one bad request must not take the bot down for everyone). Startup failures
 * are not caught here: `main()` reports them and exits. Returns a function that removes the net.
 */
export function installSafetyNet(proc: NodeJS.Process, logger: Logger): () => void {
  const onRejection = (reason: unknown) => {
    logger.error(`[${errorId()}] unhandled promise rejection (the process goes on):`, reason);
  };
  const onException = (err: unknown) => {
    logger.error(`[${errorId()}] uncaught exception (the process goes on):`, err);
  };
  proc.on('unhandledRejection', onRejection);
  proc.on('uncaughtException', onException);
  return () => {
    proc.off('unhandledRejection', onRejection);
    proc.off('uncaughtException', onException);
  };
}
