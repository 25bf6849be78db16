import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/util/logger.js';
import { installSafetyNet } from '../../src/util/safety-net.js';

describe('installSafetyNet', () => {
  it('logs unhandled rejections and uncaught exceptions with an error id, and can be removed', () => {
    const proc = new EventEmitter();
    const lines: string[] = [];
    const remove = installSafetyNet(
      proc as unknown as NodeJS.Process,
      createLogger('info', (l) => lines.push(l)),
    );
    proc.emit('unhandledRejection', new Error('boom in a promise'));
    proc.emit('uncaughtException', new TypeError('boom in a callback'));
    expect(lines[0]).toMatch(
      /\[[0-9a-f]{8}\] unhandled promise rejection \(the process goes on\): Error: boom in a promise/,
    );
    expect(lines[1]).toMatch(
      /\[[0-9a-f]{8}\] uncaught exception \(the process goes on\): TypeError: boom in a callback/,
    );
    remove();
    expect(proc.listenerCount('unhandledRejection')).toBe(0);
    expect(proc.listenerCount('uncaughtException')).toBe(0);
  });
});
