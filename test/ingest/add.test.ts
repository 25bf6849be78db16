import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadTokenizer } from '../../src/analyze/kuromoji.js';
import { main } from '../../src/cli.js';
import { AddError, addDigest, planAdd } from '../../src/ingest/add.js';
import { ingestCorpus } from '../../src/ingest/corpus.js';
import { hashDataDir, readManifest, rebuildIndex, staleness } from '../../src/search/index-store.js';
import { FIXTURES, memoryIo } from '../helpers.js';
import { layoutDigestPdf, makePdf } from '../support/make-pdf.js';

const ADD = join(FIXTURES, 'add');
const fixture = (name: string) => readFileSync(join(ADD, name));

/**
 * A small corpus of its own (one digest, February 2026) rather than data/, so these tests keep
 * passing when the fixture months are added to the real corpus one day.
 */
const CORPUS = join(FIXTURES, 'new-month');

/** A throwaway copy of that corpus with a built index, so adds can really write. */
function checkout() {
  const root = mkdtempSync(join(tmpdir(), 'policy-bot-add-'));
  const dataDir = join(root, 'data');
  const indexDir = join(root, 'index');
  cpSync(CORPUS, dataDir, { recursive: true });
  rebuildIndex({ dataDir, indexDir });
  return { root, dataDir, indexDir };
}

const summary = (
  items: { id: string; date?: { start: string; end: string }; title: string; urls: string[] }[],
) => items.map((i) => [i.id, i.date?.start, i.date?.end, i.title, i.urls]);

beforeAll(async () => {
  await loadTokenizer();
});

describe('policy-bot add: layouts detected from the content', () => {
  it('reads the older circled-number layout: unpadded dates, periods spanning months, ranges across months', async () => {
    const plan = await planAdd({ dataDir: CORPUS, file: 'feb.txt', bytes: fixture('digest-circled.txt') });
    expect(plan.layout).toBe('digest-circled');
    expect(plan.entry).toMatchObject({
      id: 'digest-2025-02',
      path: 'digests/2025-02.txt',
      title: 'AI政策動向マンスリー情報 2025年2月',
      kind: 'digest',
      layout: 'digest-circled',
    });
    expect(summary(plan.items)).toEqual([
      [
        'digest-2025-02/aisi/1',
        '2025-02-07',
        '2025-02-07',
        'AIセーフティに関する活動マップを公開',
        ['https://aisi.go.jp/effort/effort_information/250207_1/'],
      ],
      [
        'digest-2025-02/aisi/2',
        '2025-02-07',
        '2025-02-07',
        'データ品質マネジメントガイドブック(ドラフト版)を公開',
        ['https://aisi.go.jp/effort/effort_information/250207_2/'],
      ],
      [
        'digest-2025-02/aisi/3',
        '2025-02-25',
        '2025-03-04',
        'AISI国際ネットワークの共同テストに参加',
        ['https://aisi.go.jp/effort/effort_information/250304/'],
      ],
      [
        'digest-2025-02/domestic/1',
        '2025-02-04',
        '2025-02-04',
        'AI戦略会議が「中間とりまとめ」を発表',
        ['https://www8.cao.go.jp/cstp/ai/interim_report.pdf'],
      ],
      [
        'digest-2025-02/us/1',
        '2025-01-31',
        '2025-01-31',
        '米国商務省がAI拡散規則の意見募集を延長',
        ['https://www.bis.gov/press-release/ai-diffusion-comment-extension'],
      ],
      [
        'digest-2025-02/europe/1',
        '2025-02-02',
        '2025-02-02',
        'EU AI法の禁止規定が適用開始',
        ['https://digital-strategy.ec.europa.eu/en/policies/regulatory-framework-ai'],
      ],
      [
        'digest-2025-02/europe/2',
        '2025-02-10',
        '2025-02-11',
        'パリでAIアクションサミットを開催',
        ['https://www.elysee.fr/en/sommet-pour-l-action-sur-l-ia'],
      ],
    ]);
    // The publisher is the series' own, as the digests already in data/ name it.
    const publishers = ingestCorpus(CORPUS)
      .documents.filter((d) => d.doc.kind === 'digest')
      .map((d) => d.doc.publisher);
    expect(publishers).toContain(plan.entry.publisher);
  });

  it('reads the numbered layout from text', async () => {
    const plan = await planAdd({ dataDir: CORPUS, file: 'mar.txt', bytes: fixture('digest-2026-03.txt') });
    expect(plan.layout).toBe('digest-numbered');
    expect(plan.entry.id).toBe('digest-2026-03');
    expect(summary(plan.items).map((s) => s[0])).toEqual([
      'digest-2026-03/aisi/1',
      'digest-2026-03/aisi/2',
      'digest-2026-03/domestic/1',
      'digest-2026-03/us/1',
    ]);
    expect(plan.items[1]?.urls).toEqual(['https://example.org/brazil-ai-meeting?lang=ja']);
  });

  it('reads a saved page: the article only, links from href exactly, the canonical address recorded', async () => {
    const plan = await planAdd({ dataDir: CORPUS, file: 'page.html', bytes: fixture('digest-page.html') });
    expect(plan.source.format).toBe('html');
    expect(plan.layout).toBe('digest-numbered');
    expect(plan.entry.url).toBe('https://aisi.go.jp/activity/activity_information/260518/');
    expect(summary(plan.items)).toEqual([
      [
        'digest-2026-04/aisi/1',
        '2026-04-08',
        '2026-04-08',
        'AIセーフティ評価に関する国際ワークショップを開催',
        ['https://aisi.go.jp/activity/activity_international/260408/?utm_source=digest&lang=ja'],
      ],
      [
        'digest-2026-04/aisi/2',
        '2026-04-21',
        '2026-04-22',
        'ソウルで開催されたAI安全性フォーラムに参加',
        ['https://example.org/seoul-forum-2026'],
      ],
      [
        'digest-2026-04/domestic/1',
        '2026-04-15',
        '2026-04-15',
        '経済産業省、AI事業者ガイドラインの改訂案を公表',
        // A link written as words follows its text; a relative one is resolved against the page.
        [
          'https://aisi.go.jp/output/output_framework/guideline_note/',
          'https://www.meti.go.jp/press/2026/04/20260415001/20260415001.html',
        ],
      ],
      [
        'digest-2026-04/us/1',
        '2026-04-28',
        '2026-04-28',
        'カリフォルニア州、AI安全法の施行規則案を公表',
        ['https://www.example.gov/ca/frontier-ai-rules?id=42&v=2'],
      ],
    ]);
    expect(plan.text).not.toMatch(
      /プライバシーポリシー|関連記事|新着情報|ホーム|AISIについて|260418|window\.dataLayer/,
    );
    // Every item cites the digest page itself.
    for (const it of plan.items) expect(it.source.documentUrl).toBe(plan.entry.url);
    // --url wins over the page's own link.
    const given = await planAdd({
      dataDir: CORPUS,
      file: 'page.html',
      bytes: fixture('digest-page.html'),
      url: 'https://aisi.go.jp/x/',
    });
    expect(given.entry.url).toBe('https://aisi.go.jp/x/');
  });

  it('reads a PDF: page headers and numbers dropped, wrapped lines and broken URLs rejoined exactly', async () => {
    const text = fixture('digest-pdf-text.txt');
    const lines = String(text).split('\n').filter(Boolean);
    const pdf = makePdf(layoutDigestPdf(lines, { width: 40, perPage: 8 }));
    const fromPdf = await planAdd({ dataDir: CORPUS, file: 'may.pdf', bytes: pdf });
    const fromText = await planAdd({ dataDir: CORPUS, file: 'may.txt', bytes: text });
    expect(fromPdf.source.format).toBe('pdf');
    expect(fromPdf.layout).toBe('digest-pdf-text');
    const strip = (p: typeof fromPdf) =>
      p.items.map((i) => ({ ...i, source: { ...i.source, line: 0, lines: [] } }));
    expect(strip(fromPdf)).toEqual(strip(fromText));
    expect(fromPdf.items.map((i) => i.urls)).toEqual([
      ['https://aisi.go.jp/output/output_framework/guide_to_evaluation_perspective_on_ai_safety_v2/'],
      [
        'https://www.example.sg/events/global-ai-safety-research-symposium-2026/programme?day=2&session=red-teaming',
      ],
      ['https://www.digital.go.jp/resources/generalitve-ai-guideline'],
    ]);
    expect(fromPdf.items[1]?.title).toBe('Global AI Safety Research Symposium in Singapore');
    expect(fromPdf.text).not.toMatch(/^- \d+ -$/m);
  });
});

describe('policy-bot add: the same digest in another form gives the same items', () => {
  const strip = (p: Awaited<ReturnType<typeof planAdd>>) =>
    p.items.map((i) => ({ ...i, source: { ...i.source, line: 0, lines: [] } }));

  it('a circled-number digest as a PDF', async () => {
    const text = fixture('digest-circled.txt');
    const pdf = makePdf(
      layoutDigestPdf(String(text).split('\n').filter(Boolean), { width: 36, perPage: 10 }),
    );
    const fromPdf = await planAdd({ dataDir: CORPUS, file: 'feb.pdf', bytes: pdf });
    expect(fromPdf.layout).toBe('digest-circled');
    expect(strip(fromPdf)).toEqual(strip(await planAdd({ dataDir: CORPUS, file: 'feb.txt', bytes: text })));
  });

  it('a circled-number digest as a page with bulleted lists, and a numbered one written as paragraphs', async () => {
    const bulleted = `<!doctype html><html><body><nav><a href="https://aisi.go.jp/">ホーム</a></nav><main>
      <h2>日本AISIの活動(1月25日~3月4日)</h2>
      <ul><li><p>① (2025/2/7)活動マップを公開</p><p>活動マップを公開した。</p><p><a href="https://aisi.go.jp/a/">https://aisi.go.jp/a/</a></p></li>
      <li><p>② (2025/2/25~3/4)共同テストに参加</p><p>共同テストに参加した。</p><p><a href="https://aisi.go.jp/b/?x=1&amp;y=2">https://aisi.go.jp/b/?x=1&amp;y=2</a></p></li></ul>
      </main><footer><a href="https://aisi.go.jp/privacy/">プライバシー</a></footer></body></html>`;
    const plan = await planAdd({ dataDir: CORPUS, file: 'old.html', bytes: Buffer.from(bulleted) });
    expect(plan.layout).toBe('digest-circled');
    expect(summary(plan.items)).toEqual([
      ['digest-2025-02/aisi/1', '2025-02-07', '2025-02-07', '活動マップを公開', ['https://aisi.go.jp/a/']],
      [
        'digest-2025-02/aisi/2',
        '2025-02-25',
        '2025-03-04',
        '共同テストに参加',
        ['https://aisi.go.jp/b/?x=1&y=2'],
      ],
    ]);
    const paragraphs = `<html><body><article><h2>日本AISIの活動(3月1日~3月31日)</h2>
      <p>1. (2026/03/04)評価ツールの新版を公開<br>評価ツールの新版を公開した。<br><a href="https://aisi.go.jp/c/">https://aisi.go.jp/c/</a></p>
      <p>2. (2026/03/18)会合に参加<br>会合に参加した。<br><a href="https://aisi.go.jp/d/">https://aisi.go.jp/d/</a></p></article></body></html>`;
    const p2 = await planAdd({ dataDir: CORPUS, file: 'mar.html', bytes: Buffer.from(paragraphs) });
    expect(p2.layout).toBe('digest-numbered');
    expect(summary(p2.items)).toEqual([
      [
        'digest-2026-03/aisi/1',
        '2026-03-04',
        '2026-03-04',
        '評価ツールの新版を公開',
        ['https://aisi.go.jp/c/'],
      ],
      ['digest-2026-03/aisi/2', '2026-03-18', '2026-03-18', '会合に参加', ['https://aisi.go.jp/d/']],
    ]);
  });
});

describe('policy-bot add of the real digests: the same items as the corpus has', () => {
  const real = ingestCorpus(join(FIXTURES, '..', '..', 'data'));
  const itemsOf = (id: string) =>
    real.items
      .filter((i) => i.source.document === id)
      .map(({ source: { documentUrl: _u, ...source }, ...rest }) => ({ ...rest, source }));
  const noLines = <T extends { source: object }>(items: T[]) =>
    items.map((i) => ({ ...i, source: { ...i.source, line: 0, lines: [] } }));

  it.each([
    ['digests/2026-01.txt', 'digest-numbered'],
    ['digests/2025-12.txt', 'digest-numbered'],
    ['digests/2025-07.txt', 'digest-pdf-text'],
  ])('%s as text: layout %s detected, every item identical', async (path, layout) => {
    const doc = real.documents.find((d) => d.doc.path === path);
    if (!doc) return; // the digest was removed from data/: nothing to compare
    const plan = await planAdd({
      dataDir: CORPUS,
      file: 'x.txt',
      bytes: readFileSync(join(FIXTURES, '..', '..', 'data', path)),
    });
    expect(plan.layout).toBe(layout);
    expect(plan.entry.id).toBe(doc.doc.id);
    expect(plan.items).toEqual(itemsOf(doc.doc.id));
  });

  it('the July 2025 digest printed to a PDF reads back to the same items', async () => {
    const doc = real.documents.find((d) => d.doc.path === 'digests/2025-07.txt');
    if (!doc) return;
    const text = readFileSync(join(FIXTURES, '..', '..', 'data', doc.doc.path), 'utf8');
    const pdf = makePdf(
      layoutDigestPdf(
        text.split('\n').filter((l) => l.trim()),
        { width: 45, perPage: 30 },
      ),
    );
    const plan = await planAdd({ dataDir: CORPUS, file: 'july.pdf', bytes: pdf });
    expect(plan.layout).toBe('digest-pdf-text');
    expect(noLines(plan.items)).toEqual(noLines(itemsOf(doc.doc.id)));
  });
});

describe('policy-bot add: writes everything or nothing', () => {
  it('adds a month: the file, the sources.yml entry (with the page) and a current index', async () => {
    const { dataDir, indexDir } = checkout();
    const before = readManifest(indexDir);
    const plan = await addDigest({
      dataDir,
      file: 'page.html',
      bytes: fixture('digest-page.html'),
      updateIndex: async () => {
        rebuildIndex({ dataDir, indexDir });
      },
    });
    expect(readFileSync(join(dataDir, 'digests/2026-04.txt'), 'utf8')).toBe(plan.text);
    const sources = parseYaml(readFileSync(join(dataDir, 'sources.yml'), 'utf8')) as {
      documents: { id: string; url?: string }[];
    };
    expect(sources.documents.find((d) => d.id === 'digest-2026-04')?.url).toBe(plan.entry.url);
    const after = readManifest(indexDir);
    expect(staleness(after, dataDir)).toBeUndefined();
    expect(after?.items).toBe((before?.items ?? 0) + plan.items.length);
    expect(ingestCorpus(dataDir).problems).toEqual([]);
  });

  it('refuses the same digest twice, and replaces it with --replace', async () => {
    const { dataDir, indexDir } = checkout();
    const update = async () => {
      rebuildIndex({ dataDir, indexDir });
    };
    await addDigest({ dataDir, file: 'feb.txt', bytes: fixture('digest-circled.txt'), updateIndex: update });
    const hashes = hashDataDir(dataDir);
    await expect(
      addDigest({ dataDir, file: 'feb.txt', bytes: fixture('digest-circled.txt'), updateIndex: update }),
    ).rejects.toThrow(/already in the corpus as digest-2025-02 .*--replace/);
    expect(hashDataDir(dataDir)).toEqual(hashes);
    const edited = String(fixture('digest-circled.txt')).replace(
      '活動マップを公開',
      '活動マップ(第2版)を公開',
    );
    await expect(
      addDigest({ dataDir, file: 'feb2.txt', bytes: Buffer.from(edited), updateIndex: update }),
    ).rejects.toThrow(/already has AI政策動向マンスリー情報 2025年2月/);
    const replaced = await addDigest({
      dataDir,
      file: 'feb2.txt',
      bytes: Buffer.from(edited),
      replace: true,
      updateIndex: update,
    });
    expect(replaced.replaces?.id).toBe('digest-2025-02');
    const ids = ingestCorpus(dataDir).documents.map((d) => d.doc.id);
    expect(ids.filter((id) => id === 'digest-2025-02')).toHaveLength(1);
    expect(readFileSync(join(dataDir, 'digests/2025-02.txt'), 'utf8')).toContain('活動マップ(第2版)を公開');
  });

  it('a malformed digest is named with file and line, and nothing is written', async () => {
    const { dataDir, indexDir } = checkout();
    const hashes = hashDataDir(dataDir);
    const index = hashDataDir(indexDir);
    const bad = String(fixture('digest-2026-03.txt')).replace('(2026/03/10)', '(2026/02/30)');
    const line = bad.split('\n').findIndex((l) => l.includes('2026/02/30')) + 1;
    const io = memoryIo();
    writeFileSync(join(dataDir, '..', 'bad.txt'), bad);
    const code = await main(
      ['add', join(dataDir, '..', 'bad.txt'), '--data', dataDir, '--index', indexDir],
      io,
    );
    expect(code).toBe(1);
    expect(io.err()).toContain(`problem: bad.txt:${line}: invalid date "(2026/02/30)"`);
    expect(io.err()).toContain('nothing was written');
    expect(hashDataDir(dataDir)).toEqual(hashes);
    expect(hashDataDir(indexDir)).toEqual(index);
  });

  it('a file in no known layout, or not UTF-8, is refused with its name', async () => {
    await expect(
      planAdd({ dataDir: CORPUS, file: 'notes.txt', bytes: Buffer.from('hello\nworld\n') }),
    ).rejects.toThrow(/notes\.txt: no digest layout recognised/);
    const latin1 = Buffer.concat([
      Buffer.from('AI政策動向マンスリー情報\n'),
      Buffer.from([0xff, 0xfe, 0x0a]),
    ]);
    await expect(planAdd({ dataDir: CORPUS, file: 'x.txt', bytes: latin1 })).rejects.toSatisfy(
      (e: unknown) =>
        e instanceof AddError && e.message === 'x.txt:2: not valid UTF-8 (save the page or text as UTF-8)',
    );
  });

  it('--dry-run prints the items and writes nothing', async () => {
    const { dataDir, indexDir } = checkout();
    const hashes = hashDataDir(dataDir);
    const io = memoryIo();
    const code = await main(
      ['add', join(ADD, 'digest-circled.txt'), '--dry-run', '--data', dataDir, '--index', indexDir],
      io,
    );
    expect(code).toBe(0);
    expect(io.out()).toContain('layout digest-circled');
    expect(io.out()).toContain(
      'digest-2025-02/aisi/3  2025-02-25~2025-03-04  AISI国際ネットワークの共同テストに参加',
    );
    expect(io.out()).toContain('https://www.elysee.fr/en/sommet-pour-l-action-sur-l-ia');
    expect(hashDataDir(dataDir)).toEqual(hashes);
  });
});

describe('policy-bot add: a real PDF’s bullets and an unknown section heading', () => {
  /** The PDF-text fixture with `•` bullets for separators and a section no region claims yet. */
  const text = [
    ...String(fixture('digest-pdf-text.txt'))
      .split('\n')
      .filter((l) => l.trim() && l.trim() !== '-')
      .map((l) => l.replace(/ -$/, ''))
      .flatMap((l) => (/^\(\d{4}\//.test(l) ? ['•', l] : [l])),
    '【中東】(5月1日~5月31日)',
    '•',
    '(2026/05/21)UAE、国家AI戦略の改訂版を公表',
    'アラブ首長国連邦は、国家AI戦略の改訂版を公表した。',
    'https://example.org/uae-ai-strategy',
  ].join('\n');

  it('--dry-run shows the separators, the warning and the new section with its region; the add is not refused', async () => {
    const { root, dataDir, indexDir } = checkout();
    const file = join(root, 'may.txt');
    writeFileSync(file, text);
    const dry = memoryIo();
    expect(await main(['add', file, '--dry-run', '--data', dataDir, '--index', indexDir], dry)).toBe(0);
    expect(dry.out()).toContain('items separated by “•” (4 lines)');
    const line = text.split('\n').indexOf('【中東】(5月1日~5月31日)') + 1;
    expect(dry.out()).toContain(
      `warning: may.txt:${line}: unrecognised section heading "【中東】(5月1日~5月31日)": its items are kept as section "【中東】" (region other)`,
    );
    expect(dry.out()).toContain(
      '  [【中東】] region other\n  digest-2026-05/other/1  2026-05-21  UAE、国家AI戦略の改訂版を公表',
    );
    expect(dry.out()).toContain('  [国内AI政策動向] region japan');
    const io = memoryIo();
    expect(await main(['add', file, '--data', dataDir, '--index', indexDir], io)).toBe(0);
    const added = ingestCorpus(dataDir);
    expect(added.problems).toEqual([]);
    expect(added.items.find((i) => i.id === 'digest-2026-05/other/1')?.region).toBe('other');
  });
});
