import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestCorpus } from '../src/ingest/corpus.js';
import type { Item } from '../src/ingest/item.js';

/**
 * A decade of monthly digests made from the real corpus, deterministic from a seed: every item
 * recombines sentences of real items, with names, countries, agencies, numbers and dates varied
 * and URLs spread over the real corpus's hosts with new paths. Texts differ from item to item,
 * so term statistics (vocabulary size, document frequencies, posting lengths) look like ten years
 * of digests rather than the same 165 items repeated.
 */
export interface SyntheticOptions {
  items?: number;
  months?: number;
  seed?: number;
  /** The last month of the decade, `YYYY-MM`. */
  lastMonth?: string;
}

/** mulberry32: a small, fast, seedable PRNG; same seed, same corpus. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = [
  '米国',
  '英国',
  '韓国',
  '中国',
  'インド',
  'シンガポール',
  'フランス',
  'ドイツ',
  'カナダ',
  'オーストラリア',
  'イタリア',
  'ブラジル',
  'インドネシア',
  'ベトナム',
  'タイ',
  'マレーシア',
  'フィリピン',
  'オランダ',
  'スペイン',
  'スウェーデン',
  'イスラエル',
  'アラブ首長国連邦',
  'サウジアラビア',
  'ケニア',
];
const SURNAMES = [
  '村上',
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '山本',
  '中村',
  '小林',
  '加藤',
  '吉田',
];
const AGENCIES = [
  'NIST',
  'CAISI',
  'DSIT',
  'AI Office',
  'MSIT',
  'CAC',
  'MeitY',
  'IMDA',
  'OECD',
  'UNESCO',
  'G7',
  'GPAI',
  'ISO/IEC JTC 1/SC 42',
  'ENISA',
  'CNIL',
  'BSI',
  'ANSSI',
  'METI',
  'MIC',
  'IPA',
];
const TOPICS = [
  'フロンティアAI',
  '生成AI',
  'AIエージェント',
  '汎用目的AIモデル',
  'レッドチーミング',
  'AIセキュリティ',
  'ディープフェイク',
  '合成コンテンツ',
  '透明性報告',
  'リスク評価',
  'インシデント報告',
  'データガバナンス',
  '著作権',
  '個人情報保護',
  'オープンウェイトモデル',
  '計算資源',
  'サンドボックス',
  '適合性評価',
  '標準化',
  '人材育成',
  '医療AI',
  '自動運転',
  '金融分野のAI',
  '教育におけるAI利用',
  '選挙とAI',
  'サイバー攻撃',
  'バイオセキュリティ',
  '水印技術',
];
const ACTIONS = [
  'を公表',
  'を発表',
  'を公開',
  'を開始',
  'に関する意見募集を開始',
  'の改訂版を公表',
  'に署名',
  'を可決',
  'を施行',
  'の報告書を公表',
  'に関する会合を開催',
  'のガイドラインを策定',
];
const EN_WORDS = [
  'Framework',
  'Guidance',
  'Act',
  'Report',
  'Profile',
  'Roadmap',
  'Code of Practice',
  'Evaluation',
  'Benchmark',
  'Playbook',
  'Charter',
  'Principles',
];

const SECTIONS: { heading: (m: number, last: number) => string; share: number; hosts: string[] }[] = [
  {
    heading: (m, l) => `日本AISIの活動(${m}月1日~${m}月${l}日)`,
    share: 0.15,
    hosts: ['aisi.go.jp', 'www.ipa.go.jp', 'x.com', 'www.youtube.com'],
  },
  {
    heading: (m, l) => `国内AI政策動向(${m}月1日~${m}月${l}日)`,
    share: 0.15,
    hosts: ['www8.cao.go.jp', 'www.meti.go.jp', 'www.soumu.go.jp', 'www.digital.go.jp', 'www.kantei.go.jp'],
  },
  {
    heading: (m, l) => `海外主要国のAI政策動向 ※日時は現地時間\n\n【米国】(${m}月1日~${m}月${l}日)`,
    share: 0.2,
    hosts: [
      'www.whitehouse.gov',
      'www.nist.gov',
      'www.commerce.gov',
      'www.congress.gov',
      'leginfo.legislature.ca.gov',
    ],
  },
  {
    heading: (m, l) => `【欧州】(${m}月1日~${m}月${l}日)`,
    share: 0.18,
    hosts: [
      'digital-strategy.ec.europa.eu',
      'www.gov.uk',
      'www.europarl.europa.eu',
      'www.cnil.fr',
      'www.bsi.bund.de',
    ],
  },
  {
    heading: (m, l) => `【アジア(中国、韓国、インド、シンガポール)】(${m}月1日~${m}月${l}日)`,
    share: 0.17,
    hosts: ['www.cac.gov.cn', 'www.msit.go.kr', 'www.meity.gov.in', 'www.imda.gov.sg', 'www.pdpc.gov.sg'],
  },
  {
    heading: (m, l) => `国内の主要なAI関連レポート等(${m}月1日~${m}月${l}日)`,
    share: 0.05,
    hosts: ['www.jst.go.jp', 'www.nii.ac.jp', 'www.jdla.org'],
  },
  {
    heading: (m, l) => `海外の主要なAI関連レポート等(${m}月1日~${m}月${l}日) ※日時は現地時間`,
    share: 0.1,
    hosts: [
      'arxiv.org',
      'www.oecd.org',
      'www.rand.org',
      'cset.georgetown.edu',
      'www.anthropic.com',
      'openai.com',
    ],
  },
];

/** Sentences of the real corpus (split at 。), the raw material every synthetic body is made of. */
function sentencePool(items: Item[]): { sentences: string[]; titles: string[] } {
  const sentences: string[] = [];
  const titles: string[] = [];
  for (const it of items) {
    titles.push(it.title);
    for (const s of it.body.split(/(?<=。)/)) {
      const t = s.replace(/\s+/g, ' ').trim();
      if (t.length >= 12 && !/https?:/.test(t)) sentences.push(t);
    }
  }
  return { sentences, titles };
}

const pad = (n: number) => String(n).padStart(2, '0');

function monthsBack(last: string, count: number): { y: number; m: number }[] {
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  const out: { y: number; m: number }[] = [];
  for (let k = count - 1; k >= 0; k--) {
    const idx = ly * 12 + (lm - 1) - k;
    out.push({ y: Math.floor(idx / 12), m: (idx % 12) + 1 });
  }
  return out;
}

interface Generator {
  month(y: number, m: number, count: number): string;
}

function generator(realDataDir: string, seed: number): Generator {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const { sentences, titles } = sentencePool(ingestCorpus(realDataDir).items);
  // Vary the proper nouns and numbers real sentences carry, so each recombination is new text.
  const vary = (s: string) =>
    s
      .replace(/米国|英国|韓国|中国|インド|シンガポール|フランス|ドイツ|カナダ/g, () => pick(COUNTRIES))
      .replace(/村上|栗原|沖田|小川|桐淵/g, () => pick(SURNAMES))
      .replace(
        /\d{4}年\d{1,2}月\d{1,2}日/g,
        () =>
          `${2016 + Math.floor(rand() * 10)}年${1 + Math.floor(rand() * 12)}月${1 + Math.floor(rand() * 28)}日`,
      )
      .replace(/第\d+回/g, () => `第${1 + Math.floor(rand() * 30)}回`);
  const title = () => {
    const r = rand();
    if (r < 0.4) return vary(pick(titles));
    if (r < 0.8) return `${pick(COUNTRIES)}${pick(AGENCIES)}、${pick(TOPICS)}${pick(ACTIONS)}`;
    return `${pick(AGENCIES)}、「${pick(TOPICS)} ${pick(EN_WORDS)} ${1 + Math.floor(rand() * 3)}.${Math.floor(rand() * 10)}」${pick(ACTIONS)}`;
  };
  const body = (y: number, m: number, d: number) => {
    const lead = `${y}年${m}月${d}日、${pick(COUNTRIES)}の${pick(AGENCIES)}は、${pick(TOPICS)}に関する${pick(EN_WORDS)}${pick(ACTIONS)}した。`;
    const n = 1 + Math.floor(rand() * 5);
    const rest = Array.from({ length: n }, () => vary(pick(sentences)));
    return [lead, ...rest].join('');
  };
  const url = (host: string, y: number, m: number) => {
    const slug = Array.from({ length: 2 + Math.floor(rand() * 3) }, () =>
      pick([
        'ai',
        'safety',
        'policy',
        'framework',
        'guidance',
        'news',
        'press',
        'release',
        'report',
        'risk',
        'model',
      ]),
    ).join('-');
    const id = Math.floor(rand() * 100000);
    const shapes = [
      `https://${host}/news/${y}/${pad(m)}/${slug}`,
      `https://${host}/${slug}-${id}/`,
      `https://${host}/press/${y}${pad(m)}${pad(1 + Math.floor(rand() * 28))}_${id}.html`,
      `https://${host}/documents/${slug}.pdf`,
      `https://${host}/${y}/${pad(m)}/${id}?lang=en`,
    ];
    return host === 'x.com'
      ? `https://x.com/${pick(['cao_japan', 'aisi_japan', 'NIST'])}/status/${1e18 + id * 1e6}`
      : pick(shapes);
  };
  return {
    month(y, m, count) {
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      const lines = [
        'AI政策動向マンスリー情報',
        '',
        'AIセーフティに関する内容を中心に、国内外の主なAI政策動向をお届けします。',
        'なお、情報収集の都合上、項目ごとに掲載対象期間が異なる場合がございます。',
        '',
      ];
      let left = count;
      SECTIONS.forEach((section, s) => {
        const n =
          s === SECTIONS.length - 1 ? left : Math.min(left, Math.max(1, Math.round(count * section.share)));
        left -= n;
        lines.push(section.heading(m, last), '');
        for (let k = 1; k <= n; k++) {
          const d = 1 + Math.floor(rand() * last);
          const range = rand() < 0.1 && d < last ? `~${pad(d + 1 + Math.floor(rand() * (last - d)))}` : '';
          lines.push(`  ${k}. (${y}/${pad(m)}/${pad(d)}${range})${title()}`);
          lines.push(`    ${body(y, m, d)}`);
          const urls = 1 + (rand() < 0.3 ? 1 : 0) + (rand() < 0.1 ? 2 : 0);
          for (let u = 0; u < urls; u++) lines.push(`    ${url(pick(section.hosts), y, m)}`);
          lines.push('');
        }
      });
      return `${lines.join('\n')}\n`;
    },
  };
}

function sourceEntry(y: number, m: number): string {
  const ym = `${y}-${pad(m)}`;
  return [
    `  - id: digest-${ym}`,
    `    path: digests/${ym}.txt`,
    `    title: AI政策動向マンスリー情報 ${y}年${m}月`,
    '    kind: digest',
    '    layout: digest-numbered',
    '    publisher: AIセーフティ・インスティテュート（AISI）',
  ].join('\n');
}

export interface SyntheticCorpus {
  dataDir: string;
  /**
   * Writes one more month after the decade (its items are new text) and lists it in sources.yml,
   * in `target` (a copy of the corpus) or in place.
   */
  addMonth(target?: string): void;
}

/** Writes the synthetic decade into `dir` (data/ layout: sources.yml and digests/). */
export function writeSyntheticCorpus(
  realDataDir: string,
  dir: string,
  options: SyntheticOptions = {},
): SyntheticCorpus {
  const total = options.items ?? 10_000;
  const months = monthsBack(options.lastMonth ?? '2026-01', options.months ?? 120);
  const gen = generator(realDataDir, options.seed ?? 20260123);
  mkdirSync(join(dir, 'digests'), { recursive: true });
  const entries: string[] = [];
  months.forEach(({ y, m }, k) => {
    const count = Math.floor((total * (k + 1)) / months.length) - Math.floor((total * k) / months.length);
    writeFileSync(join(dir, 'digests', `${y}-${pad(m)}.txt`), gen.month(y, m, count));
    entries.unshift(sourceEntry(y, m));
  });
  const writeSources = (to: string) =>
    writeFileSync(join(to, 'sources.yml'), `documents:\n${entries.join('\n')}\n`);
  writeSources(dir);
  let next = months[months.length - 1] as { y: number; m: number };
  const perMonth = Math.round(total / months.length);
  return {
    dataDir: dir,
    addMonth(target = dir) {
      next = next.m === 12 ? { y: next.y + 1, m: 1 } : { y: next.y, m: next.m + 1 };
      writeFileSync(
        join(target, 'digests', `${next.y}-${pad(next.m)}.txt`),
        gen.month(next.y, next.m, perMonth),
      );
      entries.unshift(sourceEntry(next.y, next.m));
      writeSources(target);
    },
  };
}
