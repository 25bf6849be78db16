import { GLOSSARY } from '../query/glossary.js';
import { tokenizerSync } from './kuromoji.js';

const KATAKANA_WORD = /^[\u30a1-\u30faー]+$/;

/** Domain katakana words IPADIC does not know, beyond those in the glossary. */
const EXTRA =
  `ガバナンス サイバー セキュリティ フレームワーク プロファイル サンドボックス アシュアランス チャットボット コンパニオン
エージェント インシデント レスポンス アプローチ ブック ガイド ガイドライン ガイドブック ベンチマーク テスト チーミング レッド
チーム データ セット モデル システム サービス プライバシー イノベーション パートナーシップ デジタル ワークプラン プラン
エコシステム ネットワーク インスティテュート セーフティ プロンプト インジェクション インフラ センター トレンド レポート
ファクトシート ハンドブック インタラクティブ ターミノロジー マネジメント ワーキング グループ タスクフォース フォーラム
シンポジウム セミナー ワークショップ プロジェクト ドラフト パブリック コメント ガイダンス プラットフォーム コンテンツ
スタートアップ ロボティクス ロボット フィジカル フロンティア オープン ソース ウェイト スタック エネルギー マルチモーダル
リスク ポリシー ディープフェイク ランサムウェア マルウェア サプライ チェーン インパクト サミット アクション ビジョン
ペーパー マップ チャレンジ カウンシル パネル ディスカッション トラスト マーク テクノロジー テクニカル ウォッチ リソース
クロスワーク ワーク アライメント オーケストレーション`.split(/\s+/);

let lexicon: Set<string> | undefined;
function words(): Set<string> {
  if (lexicon) return lexicon;
  lexicon = new Set(EXTRA);
  for (const [, ja] of GLOSSARY)
    for (const j of ja) for (const w of j.split(/[・\s]/)) if (KATAKANA_WORD.test(w)) lexicon.add(w);
  return lexicon;
}

const validCache = new Map<string, boolean>();
/** A piece is a word when the lexicon has it or kuromoji knows it as one noun. */
function isWord(piece: string): boolean {
  if (piece.length < 3) return false;
  if (words().has(piece)) return true;
  let ok = validCache.get(piece);
  if (ok === undefined) {
    const t = tokenizerSync().tokenize(piece);
    ok = t.length === 1 && t[0]?.word_type === 'KNOWN' && t[0]?.pos === '名詞';
    validCache.set(piece, ok);
  }
  return ok;
}

function split(token: string): string[] {
  // Finest split into two known words, recursively (サイバーセキュリティ → サイバー + セキュリティ).
  for (let i = token.length - 3; i >= 3; i--) {
    const left = token.slice(0, i);
    const right = token.slice(i);
    if (isWord(left) && isWord(right)) return [...split(left), ...split(right)];
  }
  return [token];
}

const cache = new Map<string, string[]>();

/**
 * Splits a katakana compound IPADIC does not know (ガバナンスフレームワーク) into the words it is
 * made of, as Lucene's search mode would. Returns `[token]` when it cannot cover the whole token.
 */
export function decompoundKatakana(token: string): string[] {
  if (token.length < 6 || !KATAKANA_WORD.test(token)) return [token];
  const hit = cache.get(token);
  if (hit) return hit;
  // Greedy longest known word from the left must cover the token; then refine each piece.
  const pieces: string[] = [];
  let i = 0;
  while (i < token.length) {
    let found = '';
    for (let j = token.length; j >= i + 3; j--) {
      const piece = token.slice(i, j);
      if (isWord(piece)) {
        found = piece;
        break;
      }
    }
    if (!found) {
      cache.set(token, [token]);
      return [token];
    }
    pieces.push(found);
    i += found.length;
  }
  const result = pieces.flatMap(split);
  cache.set(token, result);
  return result;
}
