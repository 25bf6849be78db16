import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import kuromoji, { type IpadicFeatures, type Tokenizer } from 'kuromoji';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dictionaryPath, loadTokenizer, tokenizerSource } from '../../src/analyze/kuromoji.js';
import {
  CACHE_MANIFEST,
  DICTIONARY_FILES,
  defaultCacheDir,
  kuromojiDir,
  kuromojiVersion,
  loadDictionary,
  rawName,
  TRIM_BLOCK,
  trimmedLength,
} from '../../src/analyze/kuromoji-dictionary.js';
import { DATA_DIR } from '../helpers.js';

const run = promisify(execFile);

/** A few hundred lines of the real documents plus words kuromoji does not know (unknown-word paths). */
function sampleLines(): string[] {
  const lines: string[] = [];
  const digests = join(DATA_DIR, 'digests');
  for (const f of readdirSync(digests).sort()) {
    lines.push(...readFileSync(join(digests, f), 'utf8').split('\n'));
  }
  const briefings = join(DATA_DIR, 'briefings');
  for (const f of readdirSync(briefings).sort()) {
    lines.push(...readFileSync(join(briefings, f), 'utf8').split('\n').slice(0, 120));
  }
  lines.push(
    'アーティフィシャルインテリジェンスセーフティインスティテュートネットワークカンファレンス',
    'ヴァーチャルリアリティーとメタバースのガヴァナンス',
    'The EU AI Act (Regulation 2024/1689) entered into force on 1 August 2024.',
    'SB53とSB 1047、GPT-4o、Claude3.5、Llama-3.1-405B',
    '2026年1月31日、12,345件、0.5%、１２３４５、一二三四五、三十五万',
    '絵文字😀👍🏽🇯🇵と𠮷野家、☃️',
    // A character outside the BMP alone before another class: kuromoji's unknown-word length quirk.
    '😀を',
    'A😀b',
    '𠮷野家',
    '文😀😀を読む',
    'ﾊﾝｶｸｶﾀｶﾅﾉﾃｷｽﾄ、ｱｲｴｲﾁ',
    '記号：【】「」『』〈〉《》・…‥※→←↑↓〒§¶†‡♪★☆○●◎◇◆□■△▲▽▼',
    'ΑΒΓ αβγ Кириллица ไทย 한국어 العربية',
    '   全角　スペース\tタブ',
    '',
    'ｗｗｗ　ｈｔｔｐｓ://ａｉｓｉ.ｇｏ.ｊｐ',
  );
  return lines;
}

function tokens(tokenizer: Tokenizer<IpadicFeatures>, lines: string[]): IpadicFeatures[][] {
  return lines.map((line) => tokenizer.tokenize(line));
}

const LINES = sampleLines();
let stockTokens: IpadicFeatures[][];
let temp: string;

beforeAll(async () => {
  const stock = await new Promise<Tokenizer<IpadicFeatures>>((resolve, reject) => {
    kuromoji.builder({ dicPath: dictionaryPath() }).build((err, t) => (err ? reject(err) : resolve(t)));
  });
  stockTokens = tokens(stock, LINES);
  temp = mkdtempSync(join(tmpdir(), 'policy-bot-kuromoji-'));
});

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

/** Loads through `cacheDir` and checks the tokens against stock kuromoji's. */
async function loadAndCompare(cacheDir: string | undefined) {
  const load = await loadDictionary(dictionaryPath(), cacheDir);
  expect(tokens(load.tokenizer, LINES)).toEqual(stockTokens);
  return { source: load.source, cacheWritten: load.cacheWritten };
}

describe('the fast kuromoji loader', () => {
  it('tokenizes exactly like kuromoji.builder().build() (every feature of every token)', async () => {
    expect(LINES.length).toBeGreaterThan(300);
    expect(stockTokens.flat().some((t) => t.word_type === 'UNKNOWN')).toBe(true);
    expect(await loadAndCompare(undefined)).toEqual({ source: 'gzip', cacheWritten: false });
  });

  it('writes the trimmed raw files on the first load and reads them on the next', async () => {
    const dir = join(temp, 'first-then-cache');
    expect(await loadAndCompare(dir)).toEqual({ source: 'gzip', cacheWritten: true });
    const manifest = JSON.parse(readFileSync(join(dir, CACHE_MANIFEST), 'utf8'));
    expect(manifest.kuromoji).toBe(kuromojiVersion());
    for (const f of DICTIONARY_FILES) {
      const raw = join(dir, rawName(f.gz));
      const full = gunzipSync(readFileSync(join(dictionaryPath(), f.gz)));
      const size = statSync(raw).size;
      expect(manifest.files[f.gz].rawSize).toBe(size);
      if (f.trim) {
        expect(size).toBeLessThan(full.length);
        expect(size % TRIM_BLOCK).toBe(0);
      } else {
        expect(size).toBe(full.length);
      }
      // The kept bytes are the file's own, and everything cut off was zeros.
      expect(readFileSync(raw).equals(full.subarray(0, size))).toBe(true);
      expect(full.subarray(size).every((b) => b === 0)).toBe(true);
    }
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(await loadAndCompare(dir)).toEqual({ source: 'cache', cacheWritten: false });
  });

  it('falls back to the .gz files when a raw file is truncated, and repairs the cache', async () => {
    const dir = join(temp, 'truncated');
    await loadDictionary(dictionaryPath(), dir);
    // Left by writers that died mid-write: an old one is removed by the next write, a fresh one kept.
    const abandoned = join(dir, 'tid_pos.dat.999.0.deadbeef.tmp');
    const writing = join(dir, 'tid.dat.998.0.cafebabe.tmp');
    writeFileSync(abandoned, 'partial');
    writeFileSync(writing, 'partial');
    utimesSync(abandoned, 0, 0);
    truncateSync(join(dir, 'tid_pos.dat'), 1000);
    expect(await loadAndCompare(dir)).toEqual({ source: 'gzip', cacheWritten: true });
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(writing)).toBe(true);
    rmSync(writing);
    expect(await loadAndCompare(dir)).toEqual({ source: 'cache', cacheWritten: false });
  });

  it('falls back when the manifest is garbage, missing, or made for other .gz files', async () => {
    const dir = join(temp, 'manifest');
    await loadDictionary(dictionaryPath(), dir);
    const manifestPath = join(dir, CACHE_MANIFEST);
    const good = readFileSync(manifestPath, 'utf8');

    writeFileSync(manifestPath, '{"format": 1, "kuromoji": ');
    expect(await loadAndCompare(dir)).toEqual({ source: 'gzip', cacheWritten: true });

    const other = JSON.parse(good);
    other.files['tid.dat.gz'].size += 1;
    writeFileSync(manifestPath, JSON.stringify(other));
    expect(await loadAndCompare(dir)).toEqual({ source: 'gzip', cacheWritten: true });

    writeFileSync(manifestPath, JSON.stringify({ ...JSON.parse(good), kuromoji: '0.0.0' }));
    expect(await loadAndCompare(dir)).toEqual({ source: 'gzip', cacheWritten: true });

    rmSync(manifestPath);
    rmSync(join(dir, 'unk.dat'));
    expect(await loadAndCompare(dir)).toEqual({ source: 'gzip', cacheWritten: true });
    expect(readFileSync(manifestPath, 'utf8')).toBe(good);
  });

  it('still loads when the cache cannot be written', async () => {
    const file = join(temp, 'a-file');
    writeFileSync(file, 'not a directory');
    expect(await loadAndCompare(join(file, 'cache'))).toEqual({ source: 'gzip', cacheWritten: false });
  });

  it('survives two processes writing the same cache at once', async () => {
    const dir = join(temp, 'concurrent');
    const writer = join(import.meta.dirname, 'kuromoji-cache-writer.ts');
    const both = await Promise.all(
      [1, 2].map(() =>
        run(process.execPath, ['--import', 'tsx', writer, dir], {
          cwd: join(import.meta.dirname, '..', '..'),
        }),
      ),
    );
    for (const { stdout } of both) expect(JSON.parse(stdout)).toEqual({ source: 'gzip', cacheWritten: true });
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(await loadAndCompare(dir)).toEqual({ source: 'cache', cacheWritten: false });
  });
});

describe('trimmedLength', () => {
  it('keeps the last non-zero byte rounded up to a block, plus one block of zeros', () => {
    const bytes = new Uint8Array(10 * TRIM_BLOCK);
    expect(trimmedLength(bytes)).toBe(TRIM_BLOCK);
    bytes[0] = 1;
    expect(trimmedLength(bytes)).toBe(2 * TRIM_BLOCK);
    bytes[TRIM_BLOCK - 1] = 1;
    expect(trimmedLength(bytes)).toBe(2 * TRIM_BLOCK);
    bytes[TRIM_BLOCK] = 1;
    expect(trimmedLength(bytes)).toBe(3 * TRIM_BLOCK);
    bytes[9 * TRIM_BLOCK] = 1;
    expect(trimmedLength(bytes)).toBe(10 * TRIM_BLOCK);
    // Never more than the bytes; unaligned views and odd lengths take the byte-wise path.
    bytes[4 * TRIM_BLOCK + 10] = 1;
    expect(trimmedLength(bytes.subarray(1, 5 * TRIM_BLOCK + 3))).toBe(5 * TRIM_BLOCK + 2);
    expect(trimmedLength(bytes.subarray(1, 8 * TRIM_BLOCK + 3))).toBe(6 * TRIM_BLOCK);
    expect(trimmedLength(new Uint8Array([0, 0, 7, 0, 0]))).toBe(5);
  });
});

describe('the cache directory', () => {
  it('is beside kuromoji in node_modules/.cache unless POLICY_BOT_KUROMOJI_CACHE says otherwise', () => {
    const version = `kuromoji-${kuromojiVersion()}`;
    expect(defaultCacheDir({})).toBe(join(kuromojiDir(), '..', '.cache', 'policy-bot', version));
    expect(defaultCacheDir({ POLICY_BOT_KUROMOJI_CACHE: '/var/cache/pb' })).toBe(
      join('/var/cache/pb', version),
    );
    expect(defaultCacheDir({ POLICY_BOT_KUROMOJI_CACHE: 'off' })).toBeUndefined();
  });

  it('is what loadTokenizer() uses, behind one shared load', async () => {
    const [a, b] = await Promise.all([loadTokenizer(), loadTokenizer()]);
    expect(a).toBe(b);
    expect(['cache', 'gzip']).toContain(tokenizerSource());
    if (tokenizerSource() === 'cache')
      expect(existsSync(join(defaultCacheDir() ?? '', CACHE_MANIFEST))).toBe(true);
  });
});
