/**
 * English → Japanese vocabulary of this corpus, reviewed against the digests, the annual report
 * and the briefing: each Japanese side is how the documents actually say it. Multi-word English
 * entries win over single words (`executive order` before `order`).
 */
export const GLOSSARY: [english: string[], japanese: string[]][] = [
  // Instruments and legal acts
  [
    ['law', 'act', 'statute', 'legislation'],
    ['法', '法律'],
  ],
  [['bill'], ['法案']],
  [['basic act', 'basic law', 'framework act'], ['基本法']],
  [['ai act'], ['AI法']],
  [['executive order', 'eo', 'presidential order'], ['大統領令']],
  [
    ['guideline', 'guidelines'],
    ['ガイドライン', '指針', 'ガイド'],
  ],
  [['guidance'], ['ガイダンス', '指針']],
  [
    ['guide', 'guidebook', 'handbook', 'manual'],
    ['ガイド', 'ガイドブック', 'ハンドブック', 'マニュアル'],
  ],
  [['approach book', 'playbook'], ['アプローチブック']],
  [
    ['regulation', 'regulations', 'regulate', 'regulating', 'rules'],
    ['規制', '規則'],
  ],
  [
    ['regulator', 'regulators', 'watchdog', 'supervisor'],
    ['監視機関', '当局'],
  ],
  [
    ['standard', 'standards', 'standardization', 'standardisation'],
    ['規格', '標準', '標準化'],
  ],
  [
    ['framework', 'frameworks'],
    ['フレームワーク', '枠組み', '枠組'],
  ],
  [
    ['code of practice', 'code of conduct'],
    ['実践規範', '行動規範'],
  ],
  [['strategy', 'strategies'], ['戦略']],
  [['plan', 'plans'], ['計画']],
  [['action plan'], ['行動計画', 'Action Plan']],
  [['basic plan', 'master plan'], ['基本計画']],
  [
    ['policy', 'policies'],
    ['政策', 'ポリシー'],
  ],
  [['white paper', 'whitepaper'], ['白書']],
  [
    ['report', 'reports'],
    ['レポート', '報告書'],
  ],
  [
    ['study', 'survey', 'research'],
    ['調査', '研究'],
  ],
  [['paper', 'papers'], ['論文']],
  [
    ['memorandum', 'mou', 'moc', 'memorandum of understanding', 'memorandum of cooperation'],
    ['覚書', 'MOU', 'MoC'],
  ],
  [
    ['agreement', 'agreements', 'arrangement'],
    ['協定', '合意'],
  ],
  [
    ['partnership', 'partnerships'],
    ['パートナーシップ', '連携'],
  ],
  [['declaration'], ['宣言']],
  [
    ['joint statement', 'statement'],
    ['共同声明', '声明'],
  ],
  [
    ['recommendation', 'recommendations', 'proposal'],
    ['提言', '勧告', '提案'],
  ],
  [
    ['principles', 'principle'],
    ['原則', 'Principles'],
  ],
  [
    ['draft', 'drafts'],
    ['案', 'ドラフト', '草案'],
  ],
  [
    ['public comment', 'public comments', 'consultation', 'call for comments', 'comments'],
    ['意見募集', 'パブリックコメント'],
  ],
  [
    ['request for information', 'rfi'],
    ['情報提供依頼', 'RFI'],
  ],
  [
    ['budget', 'funding', 'fund'],
    ['予算', '基金', '資金'],
  ],
  [['supplementary budget'], ['補正予算']],
  [
    ['cabinet decision', 'approved by the cabinet', 'cabinet'],
    ['閣議決定', '閣議'],
  ],
  [['signed', 'sign', 'signing', 'signature'], ['署名']],
  [['enacted', 'passed', 'enactment'], ['成立']],
  [
    [
      'enforcement',
      'take effect',
      'takes effect',
      'took effect',
      'in force',
      'comes into force',
      'came into force',
      'effective',
    ],
    ['施行'],
  ],
  [
    ['enforce', 'enforced'],
    ['施行', '執行'],
  ],
  [
    [
      'published',
      'publish',
      'publication',
      'released',
      'release',
      'announced',
      'announce',
      'announcement',
      'issued',
      'issue',
      'unveiled',
    ],
    ['公開', '公表', '発表', '発行'],
  ],
  [
    ['launch', 'launched', 'launches', 'start', 'started', 'begin', 'began', 'opened'],
    ['開始', '開設', '立ち上げ'],
  ],
  [
    ['established', 'establish', 'establishment', 'set up', 'founded', 'create', 'created'],
    ['設立', '設置', '創設'],
  ],
  [
    ['revised', 'revision', 'revise', 'update', 'updated', 'amendment', 'amended'],
    ['改訂', '改定', '改正', '更新'],
  ],
  [
    ['renamed', 'rename'],
    ['改名', '名称'],
  ],
  [['investigation', 'investigations', 'investigate', 'probe', 'inquiry'], ['調査']],
  [
    ['lawsuit', 'litigation', 'sue'],
    ['訴訟', '提訴'],
  ],
  [
    ['penalty', 'penalties', 'fine', 'fines'],
    ['罰則', '科せられる', 'ドル'],
  ],
  [
    ['obligation', 'obligations', 'duty', 'duties', 'requirement', 'requirements', 'mandate'],
    ['義務', '要件'],
  ],
  [['transparency', 'transparent'], ['透明性']],
  [['accountability'], ['説明責任']],
  [
    ['fairness', 'bias', 'biases'],
    ['公平性', 'バイアス'],
  ],
  [
    ['privacy', 'personal data', 'personal information'],
    ['プライバシー', '個人情報'],
  ],
  [['data protection'], ['データ保護']],
  [['data quality'], ['データ品質']],
  [
    ['copyright', 'intellectual property'],
    ['著作権', '知的財産'],
  ],
  [
    ['safety', 'safe'],
    ['安全性', 'セーフティ', '安全'],
  ],
  [
    ['security', 'secure', 'securing'],
    ['セキュリティ', '安全保障'],
  ],
  [
    ['cybersecurity', 'cyber security', 'cyber'],
    ['サイバーセキュリティ', 'サイバー'],
  ],
  [
    ['cyberattack', 'cyberattacks', 'cyber attack', 'cyber attacks', 'attack', 'attacks'],
    ['サイバー攻撃', '攻撃'],
  ],
  [['threat', 'threats'], ['脅威']],
  [['threat intelligence'], ['脅威インテリジェンス']],
  [['vulnerability', 'vulnerabilities'], ['脆弱性']],
  [['risk', 'risks'], ['リスク']],
  [['risk management'], ['リスク管理', 'リスクマネジメント']],
  [['incident', 'incidents'], ['インシデント']],
  [['incident response'], ['インシデントレスポンス']],
  [['reporting', 'report incidents'], ['報告']],
  [
    ['trust', 'trustworthy', 'trusted'],
    ['信頼', '信頼できる'],
  ],
  [['reliability', 'reliable'], ['信頼性']],
  [['robustness', 'robust'], ['堅牢性']],
  [['evaluation', 'evaluations', 'evaluate', 'assessment', 'assessments', 'assess'], ['評価']],
  [
    ['testing', 'test', 'tests'],
    ['テスト', '試験'],
  ],
  [['joint testing'], ['共同テスト']],
  [
    ['red teaming', 'red team', 'red-teaming', 'redteaming'],
    ['レッドチーミング', 'レッドチームング', 'Red Teaming'],
  ],
  [['benchmark', 'benchmarks'], ['ベンチマーク']],
  [
    ['measurement', 'metrics', 'metric'],
    ['測定', '指標'],
  ],
  [['evaluation perspective', 'evaluation criteria'], ['評価観点']],
  [
    ['conformity assessment', 'certification', 'certify'],
    ['適合性評価', '認証'],
  ],
  [['audit', 'audits', 'auditing', 'third-party audit'], ['監査']],
  [['governance'], ['ガバナンス']],
  [['ai governance'], ['AIガバナンス']],
  [
    ['oversight', 'supervision', 'monitoring'],
    ['監視', '監督'],
  ],
  [
    ['agent', 'agents', 'agentic', 'ai agent', 'ai agents', 'agentic ai'],
    ['エージェント', 'エージェント型'],
  ],
  [
    ['chatbot', 'chatbots', 'companion chatbot', 'companion'],
    ['チャットボット', 'コンパニオン'],
  ],
  [['generative ai', 'genai', 'generative'], ['生成AI']],
  [
    ['frontier ai', 'frontier model', 'frontier models', 'frontier'],
    ['フロンティア', 'フロンティアAI'],
  ],
  [
    ['large language model', 'large language models', 'llm', 'llms', 'language model', 'language models'],
    ['大規模言語モデル', 'LLM', '言語モデル'],
  ],
  [
    ['foundation model', 'foundation models', 'general-purpose ai', 'general purpose ai', 'gpai'],
    ['汎用AI', '基盤モデル', 'GPAI'],
  ],
  [['model', 'models'], ['モデル']],
  [
    ['open source', 'open-source', 'oss'],
    ['オープンソース', 'OSS'],
  ],
  [
    ['physical ai', 'robotics', 'robot', 'robots'],
    ['フィジカルAI', 'ロボット', 'ロボティクス'],
  ],
  [['deepfake', 'deepfakes'], ['ディープフェイク']],
  [
    ['disinformation', 'misinformation'],
    ['偽情報', '誤情報'],
  ],
  [
    ['child safety', 'children', 'child', 'minors', 'minor'],
    ['児童', '未成年', 'こども'],
  ],
  [['csam', 'child sexual abuse'], ['児童の性的虐待']],
  [
    ['illegal content', 'harmful content'],
    ['違法なコンテンツ', '違法コンテンツ'],
  ],
  [['online safety'], ['オンライン安全']],
  [['online safety act'], ['オンライン安全法']],
  [['digital services act', 'dsa'], ['デジタルサービス法']],
  [['transparency act'], ['透明性法']],
  [['prompt injection'], ['プロンプトインジェクション']],
  [['backdoor', 'backdoors'], ['バックドア']],
  [['supply chain'], ['サプライチェーン']],
  [
    ['critical infrastructure', 'infrastructure'],
    ['重要インフラ', 'インフラ'],
  ],
  [
    ['operational technology', 'ot'],
    ['OT', '運用技術'],
  ],
  [['data center', 'data centers', 'datacenter', 'datacenters', 'data centre'], ['データセンター']],
  [['semiconductor', 'semiconductors', 'chips'], ['半導体']],
  [['compute', 'computing resources'], ['計算資源']],
  [['export', 'exports', 'export controls'], ['輸出']],
  [['procurement', 'purchasing'], ['調達']],
  [
    ['government', 'governments', 'public sector'],
    ['政府', '公共部門', '行政'],
  ],
  [
    ['federal', 'federal government'],
    ['連邦', '連邦政府'],
  ],
  [
    ['state law', 'state laws', 'state'],
    ['州法', '州'],
  ],
  [['ministry', 'ministries', 'department'], ['省']],
  [
    ['prime minister', 'pm'],
    ['総理', '首相'],
  ],
  [['minister', 'ministers'], ['大臣']],
  [['president'], ['大統領']],
  [['governor'], ['知事']],
  [
    ['parliament', 'diet', 'congress'],
    ['国会', '議会'],
  ],
  [
    ['committee', 'council', 'board'],
    ['委員会', '理事会', '会議'],
  ],
  [['subcommittee'], ['小委員会', '分科会']],
  [['task force', 'taskforce'], ['タスクフォース']],
  [
    ['working group', 'working groups', 'wg'],
    ['ワーキンググループ', 'WG'],
  ],
  [
    ['institute', 'institutes'],
    ['インスティテュート', '研究所'],
  ],
  [
    ['ai safety institute', 'ai safety institutes', 'aisi', 'aisis'],
    ['AISI', 'AIセーフティ・インスティテュート'],
  ],
  [['ai security institute'], ['AIセキュリティ研究所', 'AI Security Institute']],
  [
    ['international network', 'network'],
    ['国際ネットワーク', 'ネットワーク'],
  ],
  [['summit', 'summits'], ['サミット']],
  [['impact summit'], ['インパクトサミット', 'インパクト・サミット']],
  [
    ['hiroshima process', 'hiroshima ai process', 'haip'],
    ['広島AIプロセス', 'HAIP'],
  ],
  [['g7'], ['G7']],
  [['oecd'], ['OECD']],
  [['united nations', 'un'], ['国連']],
  [['unesco'], ['UNESCO']],
  [
    ['conference', 'forum', 'symposium', 'workshop', 'seminar'],
    ['会議', 'フォーラム', 'シンポジウム', 'ワークショップ', 'セミナー'],
  ],
  [
    ['meeting', 'meetings'],
    ['会合', '会議'],
  ],
  [['event', 'events'], ['イベント']],
  [['dialogue', 'dialog'], ['対話']],
  [
    ['speech', 'talk', 'lecture', 'keynote', 'presentation', 'spoke'],
    ['講演', '登壇', 'プレゼンテーション'],
  ],
  [
    ['panel', 'panel discussion'],
    ['パネルディスカッション', 'パネル'],
  ],
  [['video', 'videos'], ['動画']],
  [
    ['cooperation', 'collaboration', 'cooperate', 'collaborate'],
    ['協力', '連携'],
  ],
  [['international cooperation'], ['国際連携', '国際協力']],
  [
    ['coalition', 'alliance'],
    ['連合', '国際連合'],
  ],
  [
    ['talent', 'workforce', 'human resources', 'staff', 'personnel'],
    ['人材', '労働力', '人員', '職員'],
  ],
  [
    ['education', 'training'],
    ['教育', '研修', '育成'],
  ],
  [['innovation'], ['イノベーション']],
  [['investment', 'investments', 'invest'], ['投資']],
  [['startup', 'startups'], ['スタートアップ']],
  [
    ['industry', 'industrial', 'manufacturing'],
    ['産業', '製造'],
  ],
  [['finance', 'financial', 'banking'], ['金融']],
  [
    ['healthcare', 'health'],
    ['ヘルスケア', '医療'],
  ],
  [
    ['advertising', 'ads', 'advertisement', 'false advertising'],
    ['広告', '虚偽・誇張広告'],
  ],
  [['labeling', 'labelling', 'watermark', 'watermarking', 'label'], ['表示']],
  [['anthropomorphic', 'human-like', 'emotional companion'], ['擬人化']],
  [
    ['local government', 'local governments', 'municipalities', 'municipality'],
    ['自治体', '地域'],
  ],
  [['school', 'schools'], ['学校']],
  [
    ['university', 'academia'],
    ['大学', '学術'],
  ],
  [
    ['private sector', 'companies', 'company', 'business', 'businesses', 'enterprises'],
    ['民間', '企業', '事業者'],
  ],
  [['developer', 'developers'], ['開発者']],
  [['provider', 'providers'], ['提供者']],
  [
    ['operator', 'operators', 'user', 'users'],
    ['利用者', '運営者'],
  ],
  [['ai business guidelines', 'ai guidelines for business'], ['AI事業者ガイドライン']],
  [
    ['chief ai officer', 'caio'],
    ['Chief AI Officer', 'CAIO'],
  ],
  [
    ['partnership program', 'partner'],
    ['パートナーシップ', 'パートナー'],
  ],
  [['annual report'], ['年次レポート']],
  [['monthly'], ['マンスリー']],
  [['top threats', '10 major threats'], ['10大脅威']],
  [['information security'], ['情報セキュリティ']],
  [['cyber strategy', 'cybersecurity strategy'], ['サイバーセキュリティ戦略']],
  [['national security'], ['安全保障', '国家安全保障']],
  [
    ['military', 'defense', 'defence'],
    ['防衛', '軍事'],
  ],
  [['energy'], ['エネルギー']],
  [['department of energy'], ['エネルギー省']],
  [['digital agency'], ['デジタル庁']],
  [['ministry of internal affairs', 'mic', 'soumu'], ['総務省']],
  [['meti', 'ministry of economy'], ['経済産業省']],
  [['financial services agency', 'fsa'], ['金融庁']],
  [['cabinet office'], ['内閣府']],
  [['digital', 'digitalization'], ['デジタル']],
  [['digital partnership'], ['デジタルパートナーシップ']],
  [['work plan', 'workplan'], ['ワークプラン']],
  [['sandbox', 'sandboxes'], ['サンドボックス']],
  [['assurance'], ['アシュアランス']],
  [['trust mark', 'trustmark'], ['トラストマーク']],
  [['alignment'], ['アライメント', 'Alignment']],
  [
    ['woke ai', 'woke'],
    ['WokeAI', 'Woke AI'],
  ],
  [
    ['authenticity', 'content authenticity'],
    ['真正性', 'Authenticity'],
  ],
  [['dataset', 'datasets', 'data set', 'data sets'], ['データセット']],
  [['data', 'datasets for ai'], ['データ']],
  [
    ['evaluation environment', 'evaluation tool', 'evaluation tools', 'tool', 'tools'],
    ['評価環境', 'ツール', '評価ツール'],
  ],
  [['activity map', 'map'], ['活動マップ']],
  [['terminology'], ['ターミノロジー']],
  [['attack surface', 'known attacks'], ['既知の攻撃']],
  [['nonprofit', 'non-profit'], ['非営利']],
  [['economic security'], ['経済セキュリティ']],
  [['centers', 'center', 'centre'], ['センター']],
  [
    ['award', 'challenge', 'competition'],
    ['チャレンジ', 'Challenge'],
  ],
  [['ethics', 'ethical'], ['倫理']],
  [['human rights'], ['人権', '基本的人権']],
  [['sustainability', 'sustainable'], ['持続可能']],
  [['inclusive', 'inclusion'], ['包摂']],
  [['global south'], ['グローバルサウス']],
  [['capacity building'], ['キャパシティビルディング', '能力構築']],
  // Common words of questions, so they translate instead of being dropped as unknown
  [
    ['domestic', 'national', 'nationwide'],
    ['国内', '国家'],
  ],
  [
    ['international', 'global', 'worldwide'],
    ['国際', 'グローバル'],
  ],
  [['service', 'services'], ['サービス']],
  [
    ['technology', 'technologies', 'technical', 'tech'],
    ['技術', 'テクノロジー'],
  ],
  [
    ['project', 'projects', 'initiative', 'initiatives'],
    ['プロジェクト', 'イニシアティブ', '取り組み', '取組'],
  ],
  [['profile', 'profiles'], ['プロファイル']],
  [
    ['interactive', 'interaction'],
    ['インタラクティブ', '交流'],
  ],
  [['system', 'systems'], ['システム']],
  [['development', 'develop', 'developing'], ['開発']],
  [
    ['adoption', 'adopt', 'deployment', 'deploy', 'use', 'usage', 'utilization'],
    ['導入', '活用', '利活用', '利用'],
  ],
  [['protection', 'protect', 'protecting'], ['保護']],
  [
    ['enhancing', 'enhance', 'strengthen', 'strengthening', 'enhancement'],
    ['強化', '向上'],
  ],
  [
    ['privacy enhancing technologies', 'privacy-enhancing technologies', 'pets'],
    ['プライバシー保護技術', 'PETs'],
  ],
  [['platform', 'platforms'], ['プラットフォーム']],
  [['content'], ['コンテンツ']],
  [['minister of ai', 'ai minister'], ['AI担当大臣']],
  [['director', 'head'], ['所長']],
  [['ceremony'], ['式典']],
  [
    ['organization', 'organisation', 'organizations', 'agency', 'agencies', 'authority', 'authorities'],
    ['機関', '機構', '当局', '庁'],
  ],
  [['society', 'social'], ['社会']],
  [['economy', 'economic'], ['経済']],
  [['science', 'scientific'], ['科学']],
  [['advisor', 'adviser', 'advisory'], ['顧問']],
  [['market'], ['市場']],
  [['election', 'elections'], ['選挙']],
  [
    ['video series', 'conversation', 'interview'],
    ['対談', '動画'],
  ],
];

/** Words that make a sentence a question, not a search term. */
export const QUESTION_WORDS = new Set(
  `what whats what's which who whom whose when where why how did do does done doing was were is are am be been being has have had
having can could should would will shall may might must tell me us show give find list get any anything something everything
about regarding around on in at of for from to with by into onto over under during since until till between and or but not no
the a an this that these those there here it its it's they them their we our you your i my please pls kindly source sources cite
citation citations reference references link links url urls look lookup up out new news latest recent recently happen happened
happening going go went doing do up updates info information details detail know want wanted need needs let lets one ones some
all more most much many few very just only also still yet again ever so such than then thing things stuff year years month months
week weeks day days time times ago else other another same happened? doing? say said says mention mentioned mentions talk talked
documents document item items corpus policy-bot bot`.split(/\s+/),
);

/**
 * Terms so common in an AI-policy corpus that they only narrow a search when nothing else does:
 * "AI", "policy", and the generic verbs of news ("what did Korea publish in December" asks about
 * Korea in December; the verb ranks the answer, it does not filter it).
 */
export const WEAK_TERMS = new Set([
  'ai',
  'a.i.',
  '人工知能',
  'policy',
  'policies',
  '政策',
  '動向',
  'artificial',
  'intelligence',
  ...`published publish publishes publication released release releases announced announce announces announcement
issued issue unveiled launch launched launches start started begin began opened`.split(/\s+/),
]);

/** Japanese words of a question that ask rather than describe (何, 教えて, 出典…). */
export const JA_QUESTION_TERMS = new Set(
  `何 なに 教える 教え くださる 下さる ください 知る 知りたい ある いる なる する した やる 出典 ソース 情報 件 こと もの どう どんな どの
いつ どこ 誰 最近 最新 動き 出来事 ニュース 内容 行う 関連 について 関する 一覧 リスト 引用 教えて 調べる 探す 見る 見せる 表示 ほしい 欲しい
みたい たい 何か 今 現在 様子 状況`.split(/\s+/),
);

let index: Map<string, string[]> | undefined;

/** The glossary as a lookup from an English word or phrase (lowercase) to its Japanese forms. */
export function glossaryIndex(): Map<string, string[]> {
  if (index) return index;
  index = new Map();
  for (const [en, ja] of GLOSSARY) {
    for (const e of en) index.set(e, [...new Set([...(index.get(e) ?? []), ...ja])]);
  }
  return index;
}

/** English singular/base forms to try when a word is not in the glossary as written. */
export function baseForms(word: string): string[] {
  const out = [word];
  if (word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) out.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) out.push(word.slice(0, -1));
  if (word.endsWith('ed')) out.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith('ing')) out.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  return out;
}
