/**
 * Lucene's default `stoptags.txt` for the Japanese analyzer: parts of speech that carry no
 * search meaning. Matched against the whole hyphen-joined tag, as Lucene does.
 */
export const STOP_TAGS = new Set([
  '接続詞',
  '助詞',
  '助詞-格助詞',
  '助詞-格助詞-一般',
  '助詞-格助詞-引用',
  '助詞-格助詞-連語',
  '助詞-接続助詞',
  '助詞-係助詞',
  '助詞-副助詞',
  '助詞-間投助詞',
  '助詞-並立助詞',
  '助詞-終助詞',
  '助詞-副助詞／並立助詞／終助詞',
  '助詞-連体化',
  '助詞-副詞化',
  '助詞-特殊',
  '助動詞',
  '記号',
  '記号-一般',
  '記号-読点',
  '記号-句点',
  '記号-空白',
  '記号-括弧開',
  '記号-括弧閉',
  'その他-間投',
  'フィラー',
  '非言語音',
]);

/** Lucene's default Japanese `stopwords.txt` (Elasticsearch's `_japanese_`). */
export const STOP_WORDS = new Set(
  `の に は を た が で て と し れ さ ある いる も する から な こと として い や れる など なっ ない この ため その あっ よう
また もの という あり まで られ なる へ か だ これ によって により おり より による ず なり られる において ば なかっ なく しかし
について せ だっ その後 できる それ う ので なお のみ でき き つ における および いう さらに でも ら たり その他 に関する たち
ます ん なら に対して 特に せる 及び これら とき では にて ほか ながら うち そして とともに ただし かつて それぞれ または お ほど
ものの に対する ほとんど と共に といった です とも ところ ここ`.split(/\s+/),
);

/** English words that never carry search meaning in this corpus's English fragments. */
export const ENGLISH_STOP_WORDS = new Set(
  'a an and are as at be by for from in into is it of on or the to with via'.split(' '),
);
