import type { Manifest } from '../search/index-store.js';
import { type Block, context, header, section } from './blocks.js';
import { coverageSentence } from './coverage.js';

/** Usage in English and Japanese, with examples and what the corpus covers. */
export function helpLines(manifest: Manifest, command = '/policy'): { en: string[]; ja: string[] } {
  return {
    en: [
      `*Ask in English or Japanese.* \`${command} what did Korea do in January\``,
      `• \`${command} <question>\` — matching items with dates and sources (only you see it; “Share in channel” posts it)`,
      `• \`${command} cite <question | item id | URL>\` — one item as a citation, ready to paste`,
      `• \`${command} subscribe [filters]\` — weekly digest for this channel (e.g. \`subscribe Korea EU\`); \`unsubscribe\`, \`subscriptions\``,
      `• \`${command} digest [date]\` — preview the digest for the week containing that date (default: the week before this one)`,
      `• Mention me in a channel or DM me with a question; reply in my thread to follow up without a mention (“what about Korea?”, “more”, “cite 2” cites item 2).`,
      `• 👍/👎 under an answer tells the team how it did; use “Find source” on any message to cite it.`,
      `Examples: “source for SB53”, “red teaming guidelines”, “EU in December”, “what did Korea do in January”.`,
      coverageSentence(manifest, 'en'),
    ],
    ja: [
      `*日本語でも質問できます。* \`${command} 韓国は1月に何をした?\``,
      `• \`${command} <質問>\` — 該当項目を日付・出典付きで表示(自分だけに表示。「チャンネルに共有」で全員に)`,
      `• \`${command} cite <質問 | 項目ID | URL>\` — 1件を引用形式で`,
      `• \`${command} subscribe [条件]\` — このチャンネルで週次ダイジェストを購読(例: \`subscribe 韓国 ガイドライン\`)。\`unsubscribe\`、\`subscriptions\``,
      `• \`${command} digest [日付]\` — その日を含む週のダイジェストをプレビュー(既定: 前の週)`,
      `• チャンネルでメンションするかDMで質問できます。回答のスレッドではメンションなしで続けて質問できます(「韓国は?」「more」「cite 2」で2番の項目を引用)。`,
      `例: 「レッドチーミング」「人工知能基本計画」「韓国 2026年1月」「欧州 12月」`,
      coverageSentence(manifest, 'ja'),
    ],
  };
}

export function renderHelpBlocks(manifest: Manifest): { text: string; blocks: Block[] } {
  const { en, ja } = helpLines(manifest);
  return {
    text: 'policy-bot help: ask about AI policy in English or Japanese',
    blocks: [
      header('policy-bot — AI policy, with sources'),
      section(en.join('\n')),
      section(ja.join('\n')),
      context(`${manifest.items} items · ${manifest.documents.length} documents`),
    ],
  };
}

export function renderHelpText(manifest: Manifest, command = ''): string {
  const strip = (s: string) => s.replace(/\*/g, '').replace(/`/g, '');
  const { en, ja } = helpLines(manifest, command || '/policy');
  return [...en.map(strip), '', ...ja.map(strip)].join('\n');
}
