import { countryName } from '../geo/gazetteer.js';
import { MONTHS_EN, parts } from '../query/dates.js';
import type { Lang } from '../query/understand.js';

type Args = Record<string, string | number | readonly string[] | Readonly<Record<string, string>>>;
type Entry = string | ((a: Args) => string);

const n = (a: Args, k: string) => Number(a[k] ?? 0);
const s = (a: Args, k: string) => String(a[k] ?? '');
const list = (a: Args, k: string) => (Array.isArray(a[k]) ? (a[k] as readonly string[]) : []);
const pair = (a: Args, k: string) => (a[k] ?? {}) as Readonly<Record<string, string>>;
/** A period's label ({ en, ja } argument) in one language. */
const label = (a: Args, k: string, lang: Lang) => pair(a, k)[lang] ?? '';
/** "A, B and C" */
const andList = (xs: readonly string[]) =>
  xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}` : (xs[0] ?? '');
/** Words of the question, quoted: “a”, “b” / “a”・“b”. */
const quoted = (a: Args, lang: Lang) =>
  list(a, 'words')
    .map((w) => `“${w}”`)
    .join(lang === 'ja' ? '・' : ', ');
/**
 * Words with what the dictionary calls them in the other language (`words`, and `glosses` by
 * word): “drones” (ドローン), 「ドローン」(drone).
 */
const glossedWords = (a: Args, lang: Lang) => {
  const glosses = pair(a, 'glosses');
  const one = (w: string) => {
    const g = glosses[w];
    return lang === 'ja' ? `「${w}」${g ? `(${g})` : ''}` : `“${w}”${g ? ` (${g})` : ''}`;
  };
  const words = list(a, 'words').map(one);
  return lang === 'ja' ? words.join('・') : andList(words);
};
/** Which words of a question matched, are not in the corpus, and were read as filler. */
const wordsRead = (a: Args, lang: Lang) => {
  const q = (k: string) =>
    list(a, k)
      .map((w) => (lang === 'ja' ? `「${w}」` : `“${w}”`))
      .join(lang === 'ja' ? '' : ', ');
  const parts =
    lang === 'ja'
      ? [
          ['matched', '一致'],
          ['missing', 'コーパスになし'],
          ['filler', '検索語とみなさず'],
        ]
      : [
          ['matched', 'matched'],
          ['missing', 'not in the corpus'],
          ['filler', 'read as filler'],
        ];
  const said = parts
    .filter(([k]) => list(a, k as string).length)
    .map(([k, name]) => `${name}${lang === 'ja' ? ': ' : ' '}${q(k as string)}`);
  const read = Object.entries(pair(a, 'readAs')).map(([from, to]) =>
    lang === 'ja' ? `「${from}」→「${to}」` : `“${from}” as “${to}”`,
  );
  if (read.length) said.push(lang === 'ja' ? `読み替え: ${read.join('、')}` : `read ${read.join(', ')}`);
  return said.join(lang === 'ja' ? ' / ' : '; ');
};
/** Digest months (ISO dates of their first day) as the asker reads them. */
const monthNames = (a: Args, lang: Lang) =>
  list(a, 'months').map((m) => {
    const [y, mo] = parts(m);
    return lang === 'ja' ? `${y}年${mo}月` : `${MONTHS_EN[mo - 1]} ${y}`;
  });
/**
 * Countries (`places`: codes) as the asker would say them: in English the asker's own word when
 * it is Latin (`said`: code → word), else the gazetteer's name.
 */
const placeNames = (a: Args, lang: Lang) => {
  const said = pair(a, 'said');
  const names = list(a, 'places').map((c) =>
    lang === 'en' && said[c] && /^[A-Za-z]/.test(said[c] as string)
      ? capitalise(said[c] as string)
      : countryName(c, lang),
  );
  return lang === 'ja' ? names.join('・') : andList(names);
};
function capitalise(w: string): string {
  return w.length <= 4
    ? w.toUpperCase() === w
      ? w
      : w[0]?.toUpperCase() + w.slice(1)
    : (w[0]?.toUpperCase() ?? '') + w.slice(1);
}
/** What the asker said of a period: their words (`asked`), else its label (`askedLabel`). */
/** "July 2025 (7 months before today)" / 2025年7月のものです(7か月前): the newest items' month. */
const newestFrom = (a: Args, lang: Lang) => {
  const ago = n(a, 'monthsAgo');
  return lang === 'en'
    ? `the newest items are from ${label(a, 'month', 'en')}${ago > 0 ? ` (${ago} month${ago === 1 ? '' : 's'} before today)` : ''}`
    : `最新の項目は${label(a, 'month', 'ja')}のものです${ago > 0 ? `(${ago}か月前)` : ''}`;
};
const askedPeriod = (a: Args, lang: Lang) =>
  typeof a.asked === 'string' ? a.asked : label(a, 'askedLabel', lang);
const latestCovered = (a: Args, lang: Lang) => {
  if (!a.latest) return '';
  const offered = n(a, 'offered') > 0;
  return lang === 'ja'
    ? `収録されている最新の期間は${label(a, 'latest', 'ja')}です${offered ? '(その項目を候補として示します)' : ''}。`
    : `The latest period covered is ${label(a, 'latest', 'en')}${offered ? ' (its items are offered as suggestions)' : ''}.`;
};

/**
 * Every sentence policy-bot says, in English and Japanese, under one code. The core returns
 * codes with arguments; only the renderers in `present/` turn them into words, so no other
 * folder needs an English/Japanese branch.
 */
const CATALOGUE = {
  understood: { en: 'Understood', ja: '解釈' },
  nothingSpecific: { en: 'your question as a whole', ja: '質問全体' },
  fromEarlier: { en: 'from your earlier question', ja: '前の質問から' },
  results: {
    en: (a: Args) => `${n(a, 'n')} result${n(a, 'n') === 1 ? '' : 's'}`,
    ja: (a: Args) => `${n(a, 'n')}件`,
  },
  showing: {
    en: (a: Args) => `showing ${n(a, 'from')}–${n(a, 'to')} of ${n(a, 'total')}`,
    ja: (a: Args) => `${n(a, 'total')}件中${n(a, 'from')}〜${n(a, 'to')}件目`,
  },
  showMore: {
    en: (a: Args) => `Show more (${n(a, 'n')})`,
    ja: (a: Args) => `さらに表示 (${n(a, 'n')})`,
  },
  previous: { en: 'Previous', ja: '前へ' },
  share: { en: 'Share in channel', ja: 'チャンネルに共有' },
  cite: { en: 'Cite', ja: '引用' },
  region: { en: 'region', ja: '地域' },
  digestPage: { en: 'Digest page', ja: '掲載ページ' },
  closest: { en: 'Closest items (suggestions, not answers)', ja: '近い項目(候補であり、回答ではありません)' },
  gloss: { en: 'Gloss', ja: '語釈' },
  machineTranslation: { en: 'machine translation', ja: '機械翻訳' },
  englishStale: {
    en: 'English under review: the source title has changed',
    ja: '英訳は確認中(原文の表題が変更されました)',
  },
  try: { en: 'Try', ja: '例' },
  also: { en: 'Also', ja: '他のURL' },
  source: { en: 'Source', ja: '出典' },
  undated: { en: 'undated', ja: '日付なし' },
  sharedBy: {
    en: (a: Args) => `Shared by <@${s(a, 'user')}>`,
    ja: (a: Args) => `<@${s(a, 'user')}> さんが共有`,
  },
  typeMore: {
    en: (a: Args) => `${n(a, 'n')} more — type "more"`,
    ja: (a: Args) => `さらに${n(a, 'n')}件 — 「more」と入力`,
  },
  typeCite: {
    en: 'Type "cite N" for a citation of item N.',
    ja: '「cite 番号」でその項目を引用できます。',
  },
  endOfAnswer: {
    en: (a: Args) => `That was everything: all ${n(a, 'total')} results are shown above.`,
    ja: (a: Args) => `以上です。${n(a, 'total')}件すべてを表示しました。`,
  },
  moreNeedsQuestion: {
    en: 'Nothing to continue: ask a question first.',
    ja: '続きはありません。まず質問してください。',
  },
  moreUseButton: {
    en: 'Use the “Show more” button under an answer to see its next page.',
    ja: '回答の下の「さらに表示」ボタンで続きを表示できます。',
  },
  noSuchItem: {
    en: (a: Args) =>
      n(a, 'shown') > 0
        ? `There is no item ${n(a, 'n')} in the answer above: its items are numbered 1–${n(a, 'shown')}.`
        : `There is no item ${n(a, 'n')}: the answer above showed no items.`,
    ja: (a: Args) =>
      n(a, 'shown') > 0
        ? `前の回答に${n(a, 'n')}番の項目はありません(項目の番号は1〜${n(a, 'shown')})。`
        : `前の回答には項目がないため、${n(a, 'n')}番は引用できません。`,
  },
  digestsDisabled: {
    en: 'Digests are not enabled in this deployment.',
    ja: 'ダイジェスト機能は有効になっていません。',
  },
  subscriptionsNeedSlack: {
    en: 'Subscriptions belong to Slack channels: connect to Slack to use them (try "digest" for a preview).',
    ja: '購読はSlackチャンネルごとの機能です。Slackに接続して使ってください(プレビューは「digest」)。',
  },
  alreadyPublic: {
    en: 'This answer is already visible to everyone here.',
    ja: 'この回答はすでに全員に表示されています。',
  },
  answerExpired: {
    en: 'This answer is too old to page or share; please ask again.',
    ja: 'この回答は古いため操作できません。もう一度質問してください。',
  },
  searching: { en: ':hourglass_flowing_sand: Searching…', ja: ':hourglass_flowing_sand: 検索中…' },
  sorry: {
    en: (a: Args) =>
      `Sorry, something went wrong while answering (error id: ${s(a, 'id')}). Please try again.`,
    ja: (a: Args) =>
      `申し訳ありません。回答中にエラーが発生しました(エラーID: ${s(a, 'id')})。もう一度お試しください。`,
  },
  badButton: {
    en: 'This button was not made by policy-bot or is out of date: ask the question again.',
    ja: 'このボタンは無効です。もう一度質問してください。',
  },
  failedWithId: {
    en: (a: Args) =>
      `Sorry, that question could not be answered (error id: ${s(a, 'id')}). Try rephrasing it.`,
    ja: (a: Args) =>
      `すみません、この質問には回答できませんでした(エラーID: ${s(a, 'id')})。言い換えてお試しください。`,
  },
  thanksUp: { en: 'Thanks for the 👍 — noted.', ja: '👍 ありがとうございます。記録しました。' },
  thanksDown: {
    en: 'Thanks for the 👎 — noted. Tell us what was wrong in the form (optional).',
    ja: '👎 ありがとうございます。記録しました。よろしければフォームで理由を教えてください。',
  },
  thanksDetail: { en: 'Thanks — your note was added.', ja: 'ありがとうございます。追記しました。' },
  feedbackTitle: { en: 'What was wrong?', ja: '何が問題でしたか?' },
  feedbackReason: { en: 'The answer…', ja: '回答の問題' },
  wrong_items: { en: 'showed wrong items', ja: '関係ない項目があった' },
  missing_items: { en: 'missed items it should show', ja: 'あるべき項目がなかった' },
  other: { en: 'something else', ja: 'その他' },
  feedbackNote: { en: 'Note (optional)', ja: 'メモ(任意)' },
  send: { en: 'Send', ja: '送信' },
  skip: { en: 'Skip', ja: 'スキップ' },
  positive: { en: 'Helpful', ja: '役に立った' },
  negative: { en: 'Not helpful', ja: '役に立たなかった' },
  citation: { en: 'Citation', ja: '引用' },
  alsoCitedIn: { en: 'Also cited in', ja: '同じURLを含む項目' },
  nothingToCite: { en: 'Nothing to cite', ja: '引用できる項目がありません' },
  readyToPaste: { en: 'Ready to paste', ja: 'コピー用' },
  itemId: { en: 'id', ja: 'ID' },
  digestTitle: {
    en: (a: Args) =>
      `AI policy digest · ${s(a, 'from')} – ${s(a, 'to')} · ${n(a, 'n')} item${n(a, 'n') === 1 ? '' : 's'}`,
    ja: (a: Args) => `AI政策ダイジェスト · ${s(a, 'from')}〜${s(a, 'to')} · ${n(a, 'n')}件`,
  },
  digestPart: {
    en: (a: Args) => `part ${n(a, 'i')} of ${n(a, 'n')}`,
    ja: (a: Args) => `${n(a, 'n')}通中${n(a, 'i')}通目`,
  },
  digestEmpty: {
    en: (a: Args) => `AI policy digest · ${s(a, 'from')} – ${s(a, 'to')}: nothing new this week.`,
    ja: (a: Args) => `AI政策ダイジェスト · ${s(a, 'from')}〜${s(a, 'to')}: 今週の新しい項目はありません。`,
  },
  filters: { en: 'filters', ja: '条件' },
  Filters: { en: 'Filters', ja: '条件' },
  allItems: { en: 'all items', ja: 'すべての項目' },
  nextRun: { en: 'Next run', ja: '次回' },
  subscribed_created: { en: 'Subscribed', ja: '購読しました' },
  subscribed_updated: { en: 'Subscription updated', ja: '購読条件を更新しました' },
  subscribed_resumed: { en: 'Subscription resumed', ja: '購読を再開しました' },
  subscribedLine: {
    en: (a: Args) => `${s(a, 'verb')}: this channel gets a weekly AI policy digest.`,
    ja: (a: Args) => `${s(a, 'verb')}: このチャンネルに週次のAI政策ダイジェストを投稿します。`,
  },
  notInCorpusYet: {
    en: (a: Args) =>
      `No item mentions ${s(a, 'quoted')} yet: this channel's digests list nothing until one does.`,
    ja: (a: Args) =>
      `コーパスにまだない語: ${s(a, 'words')}(この語を含む項目が追加されるまで、ダイジェストには載りません)`,
  },
  unsubscribed: {
    en: 'Unsubscribed: this channel will get no more digests.',
    ja: 'このチャンネルのダイジェスト購読を解除しました。',
  },
  notSubscribed: { en: 'This channel has no digest subscription.', ja: 'このチャンネルは購読していません。' },
  notSubscribedHint: {
    en: 'This channel has no digest subscription. Start one with `/policy subscribe [filters]`.',
    ja: 'このチャンネルは購読していません。`/policy subscribe [条件]` で購読できます。',
  },
  channelDigest: { en: "This channel's digest", ja: 'このチャンネルのダイジェスト' },
  subscribedAt: { en: 'Subscribed', ja: '購読開始' },
  lastDigest: { en: 'Last digest', ja: '前回' },
  weekOf: { en: 'week of', ja: '週' },
  noneYet: { en: 'none yet', ja: 'まだありません' },
  paused: { en: 'Paused', ja: '停止中' },
  resumeHint: {
    en: 'invite the bot to the channel and run `/policy subscribe` again to resume',
    ja: 'ボットをチャンネルに招待して `/policy subscribe` で再開',
  },
  notADateMrkdwn: {
    en: (a: Args) => `Not a date I can read: “${s(a, 'date')}”. Try 2026-01-14.`,
    ja: (a: Args) => `日付として読めません: “${s(a, 'date')}”`,
  },
  moreMessages: {
    en: (a: Args) => `(+${n(a, 'n')} more message${n(a, 'n') > 1 ? 's' : ''} in the real digest)`,
    ja: (a: Args) => `(ほか${n(a, 'n')}通)`,
  },
  notADate: {
    en: (a: Args) => `Not a date I can read: "${s(a, 'date')}". Try 2026-01-14.`,
    ja: (a: Args) => `日付として読めません: “${s(a, 'date')}”(例: 2026-01-14)`,
  },
  // Issue 14 (events across documents, citation formats, export): one block, kept together.
  sources: { en: 'Sources', ja: '出典(複数)' },
  reportedIn: { en: 'Reported in', ja: '掲載箇所' },
  markdownLink: { en: 'Markdown', ja: 'Markdown' },
  export: { en: 'Export', ja: 'エクスポート' },
  exportCsv: { en: 'Export CSV', ja: 'CSVで書き出す' },
  exportMarkdown: { en: 'Export Markdown', ja: 'Markdownで書き出す' },
  exportDone: {
    en: (a: Args) => `Exported ${n(a, 'n')} result${n(a, 'n') === 1 ? '' : 's'} as ${s(a, 'file')}.`,
    ja: (a: Args) => `${n(a, 'n')}件の結果を${s(a, 'file')}として書き出しました。`,
  },
  exportEmpty: { en: 'Nothing to export: this answer has no results.', ja: '書き出す結果がありません。' },
  exportFailed: {
    en: 'Could not upload the file. Try again, or use `policy-bot ask "…" --format csv`.',
    ja: 'ファイルをアップロードできませんでした。もう一度試すか、`policy-bot ask "…" --format csv` を使ってください。',
  },
  undatedShort: { en: 'n.d.', ja: '日付なし' },
  // What a search says about its answer (src/query/search.ts returns these codes).
  coverage: {
    en: (a: Args) => {
      const m = monthNames(a, 'en');
      return m.length ? `The digests cover ${andList(m)}.` : 'No monthly digests are loaded yet.';
    },
    ja: (a: Args) => {
      const m = monthNames(a, 'ja');
      return m.length
        ? `マンスリー情報の対象期間は${m.join('・')}です。`
        : 'マンスリー情報がまだありません。';
    },
  },
  noItemsAbout: {
    en: (a: Args) => `No items about ${placeNames(a, 'en')}.`,
    ja: (a: Args) => `${placeNames(a, 'ja')}に関する項目はありません。`,
  },
  periodShifted: {
    en: (a: Args) =>
      `“${askedPeriod(a, 'en')}” → ${label(a, 'period', 'en')}, the latest such period the digests cover.`,
    ja: (a: Args) =>
      `「${askedPeriod(a, 'ja')}」は、コーパスにある直近の${label(a, 'period', 'ja')}として検索しました。`,
  },
  noItemsDatedShowingLatest: {
    en: (a: Args) =>
      `No items dated ${label(a, 'period', 'en')}; showing ${label(a, 'latest', 'en')}, the latest period covered${n(a, 'monthsAgo') > 0 ? ` (${n(a, 'monthsAgo')} month${n(a, 'monthsAgo') === 1 ? '' : 's'} before today)` : ''}.`,
    ja: (a: Args) =>
      `${label(a, 'period', 'ja')}の項目はありません。収録されている最新の期間(${label(a, 'latest', 'ja')}${n(a, 'monthsAgo') > 0 ? `、${n(a, 'monthsAgo')}か月前` : ''})を表示します。`,
  },
  noItemsDated: {
    en: (a: Args) => `No items dated ${label(a, 'period', 'en')}. ${latestCovered(a, 'en')}`,
    ja: (a: Args) => `${label(a, 'period', 'ja')}の項目はありません。${latestCovered(a, 'ja')}`,
  },
  citeWhat: {
    en: 'Give an item id, a URL or a few words to cite.',
    ja: '引用する項目のID・URL・内容を指定してください。',
  },
  noMatchingItem: { en: 'No matching item.', ja: '該当する項目がありません。' },
  noItemCitesUrl: { en: 'No item cites that URL.', ja: 'そのURLを出典とする項目はありません。' },
  askAboutSomething: {
    en: 'Ask about a country, a period or a topic (for example “what did Korea do in January”).',
    ja: '国・地域、期間、またはトピックを含めて質問してください(例: 「韓国は1月に何をした?」)。',
  },
  nothingMatches: {
    en: (a: Args) => `Nothing in the corpus matches ${quoted(a, 'en')}.`,
    ja: (a: Args) => `${quoted(a, 'ja')}に一致する項目はありません。`,
  },
  nothingInPeriod: {
    en: (a: Args) =>
      `Nothing about ${andList(list(a, 'words').map((w) => `“${w}”`))} dated ${label(a, 'period', 'en')}.`,
    ja: (a: Args) => `${label(a, 'period', 'ja')}の${quoted(a, 'ja')}に関する項目はありません。`,
  },
  nothingInPlace: {
    en: (a: Args) =>
      `No item about ${andList(list(a, 'words').map((w) => `“${w}”`))} concerns ${placeNames(a, 'en')}.`,
    ja: (a: Args) => `${placeNames(a, 'ja')}の${quoted(a, 'ja')}に関する項目はありません。`,
  },
  otherPlacesAsSuggestions: {
    en: 'Items about other places are listed as suggestions.',
    ja: 'ほかの国・地域の項目を候補として示します。',
  },
  otherDatesAsSuggestions: {
    en: 'Items of other dates are listed as suggestions.',
    ja: 'ほかの時期の項目を候補として示します。',
  },
  closestAsSuggestions: {
    en: 'The closest items are listed as suggestions, not answers.',
    ja: '近い項目を候補として示します(質問への回答ではありません)。',
  },
  nothingAbout: {
    en: (a: Args) => `Nothing about ${glossedWords(a, 'en')} in the corpus.`,
    ja: (a: Args) => `${glossedWords(a, 'ja')}に関する項目はコーパスにありません。`,
  },
  noItemsAboutPlaces: {
    en: (a: Args) => `No items about ${andList(list(a, 'names').map(capitalise))}.`,
    ja: (a: Args) => `${list(a, 'names').join('・')}に関する項目はありません。`,
  },
  noItemCoversAll: {
    en: (a: Args) => `No item is about ${andList(list(a, 'words').map((w) => `“${w}”`))} together.`,
    ja: (a: Args) => `${quoted(a, 'ja')}をすべて扱う項目はありません。`,
  },
  nothingRecent: {
    en: (a: Args) => `Nothing in ${label(a, 'period', 'en')}; ${newestFrom(a, 'en')}.`,
    ja: (a: Args) => `${label(a, 'period', 'ja')}の項目はありません。${newestFrom(a, 'ja')}。`,
  },
  newestItems: {
    en: (a: Args) => `${capitalise(newestFrom(a, 'en'))}: the digests cover nothing later.`,
    ja: (a: Args) => `${newestFrom(a, 'ja')}。それ以降の収録はありません。`,
  },
  questionCutShort: {
    en: (a: Args) =>
      `:hourglass: Reading your question took too long, so only its first ${n(a, 'analyzed').toLocaleString('en')} of ${n(a, 'length').toLocaleString('en')} characters were used.`,
    ja: (a: Args) =>
      `:hourglass: 質問の解析に時間がかかりすぎたため、最初の${n(a, 'analyzed').toLocaleString('en')}文字(全${n(a, 'length').toLocaleString('en')}文字)だけで検索しました。`,
  },
  wordsRead: {
    en: (a: Args) => `Words: ${wordsRead(a, 'en') || 'none'}.`,
    ja: (a: Args) => `語: ${wordsRead(a, 'ja') || 'なし'}。`,
  },
  // The admin channel's message after a check of the publisher's listing (src/feed/message.ts).
  // Arguments arrive as mrkdwn already escaped; `reason` is the check's own (English) wording.
  feedHeader: {
    en: (a: Args) => `Monthly digest check of ${s(a, 'listing')}`,
    ja: (a: Args) => `マンスリー情報の確認(${s(a, 'listing')})`,
  },
  feedAdded: {
    en: (a: Args) =>
      `:inbox_tray: Added *${s(a, 'title')}* (${monthNames(a, 'en')[0] ?? ''}) from ${s(a, 'page')}: ${n(a, 'items')} item${n(a, 'items') === 1 ? '' : 's'}, ${n(a, 'lacking')} without English.`,
    ja: (a: Args) =>
      `:inbox_tray: *${s(a, 'title')}*(${monthNames(a, 'ja')[0] ?? ''})を${s(a, 'page')}から追加しました: ${n(a, 'items')}件、うち英語なし${n(a, 'lacking')}件。`,
  },
  feedFromPdf: {
    en: 'The page itself could not be read; its linked PDF was.',
    ja: 'ページ本文は読み取れなかったため、リンクされたPDFから読み取りました。',
  },
  feedWarning: {
    en: (a: Args) => `:warning: To look at: ${s(a, 'reason')}`,
    ja: (a: Args) => `:warning: 要確認: ${s(a, 'reason')}`,
  },
  feedRefused: {
    en: (a: Args) => `:no_entry: Not added: ${s(a, 'page')} — ${s(a, 'reason')}`,
    ja: (a: Args) => `:no_entry: 追加しませんでした: ${s(a, 'page')} — ${s(a, 'reason')}`,
  },
  feedFailed: {
    en: (a: Args) =>
      `:warning: Not added: ${s(a, 'page')} — ${s(a, 'reason')}. It is tried again at the next check.`,
    ja: (a: Args) =>
      `:warning: 追加できませんでした: ${s(a, 'page')} — ${s(a, 'reason')}。次回の確認で再試行します。`,
  },
  feedListingProblem: {
    en: (a: Args) => `:warning: Nothing was added: ${s(a, 'reason')}.`,
    ja: (a: Args) => `:warning: 何も追加しませんでした: ${s(a, 'reason')}。`,
  },
  // Issue 21 (what a Slack user reads) and issue 19 finding 4 (who may change a subscription).
  morePages: { en: (a: Args) => `+${n(a, 'n')} more`, ja: (a: Args) => `ほか${n(a, 'n')}件` },
  citeOther: { en: 'Cite in Japanese', ja: '英語で引用' },
  openSource: { en: 'Open the source', ja: '出典を開く' },
  detailsInThread: {
    en: 'Details, every source and Cite are in the thread.',
    ja: '詳細・すべての出典・引用はスレッドにあります。',
  },
  findSourceNothing: {
    en: (a: Args) =>
      `No source found: this message names no policy item the corpus has${list(a, 'words').length ? ` (nothing matches ${quoted(a, 'en')})` : ''}.`,
    ja: (a: Args) =>
      `出典は見つかりませんでした。このメッセージに該当する政策項目はコーパスにありません${list(a, 'words').length ? `(${quoted(a, 'ja')}に一致する項目なし)` : ''}。`,
  },
  channelChangeInThread: {
    en: (a: Args) =>
      `A subscription changes the whole channel, so I don't take it from a thread. Run \`/policy ${s(a, 'command')}\` in the channel, or confirm here.`,
    ja: (a: Args) =>
      `購読はチャンネル全体の設定なので、スレッドからは変更しません。チャンネルで \`/policy ${s(a, 'command')}\` を実行するか、ここで確認してください。`,
  },
  confirmSubscribe: { en: 'Subscribe this channel', ja: 'このチャンネルで購読する' },
  confirmUnsubscribe: { en: 'Unsubscribe this channel', ja: 'このチャンネルの購読を解除する' },
  notAllowed: {
    en: (a: Args) =>
      s(a, 'creator')
        ? `Only <@${s(a, 'creator')}> (who set up this channel's digest), workspace admins and owners, or policy-bot's admins (POLICY_BOT_ADMINS) can change or remove it.`
        : "Only workspace admins and owners, or policy-bot's admins (POLICY_BOT_ADMINS), can change or remove this channel's digest.",
    ja: (a: Args) =>
      s(a, 'creator')
        ? `このチャンネルのダイジェストを変更・解除できるのは、設定した<@${s(a, 'creator')}>さん、ワークスペースの管理者・オーナー、policy-botの管理者(POLICY_BOT_ADMINS)だけです。`
        : 'このチャンネルのダイジェストを変更・解除できるのは、ワークスペースの管理者・オーナーとpolicy-botの管理者(POLICY_BOT_ADMINS)だけです。',
  },
  setUpBy: {
    en: (a: Args) => `Set up by <@${s(a, 'user')}> on ${s(a, 'date')}`,
    ja: (a: Args) => `${s(a, 'date')}に<@${s(a, 'user')}>さんが設定`,
  },
  setUpOn: {
    en: (a: Args) => `Set up on ${s(a, 'date')}`,
    ja: (a: Args) => `${s(a, 'date')}に設定`,
  },
  changedBy: {
    en: (a: Args) => `last changed by <@${s(a, 'user')}> on ${s(a, 'date')}`,
    ja: (a: Args) => `最終変更: ${s(a, 'date')}、<@${s(a, 'user')}>さん`,
  },
  noNewItems: {
    en: (a: Args) =>
      `No new items since ${s(a, 'month')}; the next digest will come when a new month is added.`,
    ja: (a: Args) =>
      `${s(a, 'month')}以降の新しい項目はありません。新しい月が追加されたら次のダイジェストを投稿します。`,
  },
  noNewItemsEmpty: {
    en: (a: Args) =>
      `No new items since ${s(a, 'month')}: the next digests (from ${s(a, 'next')}) will say “nothing new” until a new month is added.`,
    ja: (a: Args) =>
      `${s(a, 'month')}以降の新しい項目はありません。新しい月が追加されるまで、次回(${s(a, 'next')})以降のダイジェストは「新しい項目なし」となります。`,
  },
  sectionFilters: {
    en: (a: Args) => `Your filters: ${s(a, 'label')}`,
    ja: (a: Args) => `購読条件: ${s(a, 'label')}`,
  },
  sectionOverseas: { en: 'Overseas policy', ja: '海外の政策動向' },
  sectionJapan: { en: 'Japan', ja: '国内の政策動向' },
  sectionAisi: { en: 'AISI activities', ja: '日本AISIの活動' },
  sectionsLine: { en: 'Sections', ja: 'セクション順' },
  badSectionOrder: {
    en: (a: Args) =>
      `Unknown section “${s(a, 'word')}”: name the sections filters, overseas, japan and aisi, e.g. \`order:japan,overseas,aisi\`.`,
    ja: (a: Args) =>
      `“${s(a, 'word')}”というセクションはありません。条件・海外・国内・AISI で指定してください(例: \`順序:国内,海外,AISI\`)。`,
  },
  digestReplyHint: {
    en: 'Reply in this thread to ask about these items (“cite 2”, “what about Korea?”).',
    ja: 'このスレッドで続けて質問できます(「cite 2」「韓国は?」)。',
  },
} satisfies Record<string, { en: Entry; ja: Entry }>;

export type MessageCode = keyof typeof CATALOGUE;

/** A sentence to say, not yet in any language: what the core returns instead of text. */
export interface Message {
  code: MessageCode;
  args?: Args;
}

/** The sentence for `code` in `lang`, with its arguments filled in. */
export function say(lang: Lang, code: MessageCode, args: Args = {}): string {
  const entry: Entry = CATALOGUE[code][lang];
  return typeof entry === 'string' ? entry : entry(args);
}

/** Several sentences as one paragraph: spaced in English, run together in Japanese. */
export function sayAll(lang: Lang, messages: readonly Message[]): string {
  return messages.map((m) => say(lang, m.code, m.args)).join(lang === 'ja' ? '' : ' ');
}

/** Every code, for the test that checks both languages are complete. */
export const MESSAGE_CODES = Object.keys(CATALOGUE) as MessageCode[];
