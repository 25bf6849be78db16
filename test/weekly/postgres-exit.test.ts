import { describe, expect, it } from 'vitest';
import { exitHook } from '../support/postgres-server.js';

describe('the embedded PostgreSQL of the tests', () => {
  it("leaves the run's exit code alone: async-exit-hook's beforeExit and exit hooks are off", () => {
    // (with them, a red run exited 0: the hook called process.exit(0) over vitest's exitCode 1)
    expect(exitHook.hookedEvents()).not.toContain('beforeExit');
    expect(exitHook.hookedEvents()).not.toContain('exit');
    // signals keep theirs: Ctrl-C still shuts the servers down
    expect(exitHook.hookedEvents()).toContain('SIGINT');
  });
});
