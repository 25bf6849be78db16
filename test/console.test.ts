import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../src/console.js';
import { realIndex } from './slack/harness.js';

const ROOT = join(import.meta.dirname, '..');

/** Runs the real entry point with no Slack credentials and talks to it over stdin/stdout. */
function runApp(input: string): Promise<{ out: string; err: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      POLICY_BOT_TZ: 'Asia/Tokyo',
    };
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/app.ts')], {
      cwd: ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => {
      out += String(c);
    });
    child.stderr.on('data', (c) => {
      err += String(c);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ out, err, code }));
    child.stdin.end(input);
  });
}

describe('the local console (npm start without Slack credentials)', () => {
  it('answers questions and commands from the same model, and says how to connect to Slack', async () => {
    const { out, code } = await runApp(
      'what did Korea do in January 2026\ncite SB53\nUS\nmore\nhelp\nquit\n',
    );
    expect(code).toBe(0);
    expect(out).toContain('No Slack credentials found');
    expect(out).toContain('SLACK_BOT_TOKEN');
    expect(out).toContain('韓国、AI基本法を施行');
    expect(out).toContain('https://www.korea.kr/news/policyNewsView.do?newsId=148958380');
    expect(out).toContain('Source: AI政策動向マンスリー情報 2026年1月 · 海外/アジア #2');
    expect(out).toContain(
      'AI政策動向マンスリー情報 2026年1月 · 海外/米国 #1\nhttps://legiscan.com/CA/text/SB53/2025',
    );
    expect(out).toMatch(/\n6\. /); // "more" continued the US list at item 6
    expect(out).toContain('日本語でも質問できます');
  }, 60_000);

  it('accepts the /policy forms its help shows, stops paging at the end, and follows up like a thread', async () => {
    const { out, code } = await runApp(
      '/policy help\n/policy cite SB53\n/policy digest 2026-01-19\nSB53\nmore\nmore\nwhat did the US do in December 2025\nwhat about Korea?\ncite 1\n購読解除\nquit\n',
    );
    expect(code).toBe(0);
    expect(out).toContain('日本語でも質問できます');
    expect(out).toContain('https://legiscan.com/CA/text/SB53/2025');
    expect(out).toContain('AI policy digest · 2026-01-19 – 2026-01-25');
    expect(out).not.toContain('showing 6–5 of');
    expect(out).toContain('That was everything');
    expect(out).toContain('🇰🇷 South Korea · December 2025 (from your earlier question)');
    expect(out).toMatch(/Citation \([^)]+\):/);
    expect(out).toContain('購読はSlackチャンネルごとの機能です');
    // Never searched as words.
    expect(out).not.toContain('“/policy');
  }, 60_000);

  it('on a terminal, the up arrow recalls the previous line, and history is kept for the next session', async () => {
    const index = await realIndex();
    const historyFile = join(mkdtempSync(join(tmpdir(), 'policy-bot-hist-')), 'history');
    const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
    const output = Object.assign(new PassThrough(), { isTTY: true, columns: 120 });
    let out = '';
    output.on('data', (c) => {
      out += String(c);
    });
    const done = runConsole({ index: () => index, today: () => '2026-11-23', input, output, historyFile });
    const type = async (keys: string) => {
      input.write(keys);
      await new Promise((r) => setTimeout(r, 150));
    };
    await type('SB53\r');
    const first = out.split('legiscan.com/CA/text/SB53/2025').length - 1;
    expect(first).toBeGreaterThan(0);
    await type('\x1b[A\r'); // up arrow, enter: SB53 again
    expect(out.split('legiscan.com/CA/text/SB53/2025').length - 1).toBe(2 * first);
    expect(out).not.toContain('^[[A');
    await type('quit\r');
    await done;
    expect(readFileSync(historyFile, 'utf8')).toContain('SB53');
  }, 30_000);
});
