/**
 * The quality set: questions people ask, in English and Japanese, with the source URLs a right
 * answer must show in its first five results — or `empty` when the corpus cannot answer.
 * Answers are checked against the real corpus with today pinned to 2026-11-23.
 */
export interface QualityCase {
  q: string;
  expect?: string[];
  empty?: true;
}

export const TODAY = '2026-11-23';

const KR_AI_BASIC_ACT = 'https://www.korea.kr/news/policyNewsView.do?newsId=148958380';
const SB53 = 'https://legiscan.com/CA/text/SB53/2025';
const SB243 = 'https://legiscan.com/CA/text/SB243/2025';
const OFCOM =
  'https://www.ofcom.org.uk/online-safety/illegal-and-harmful-content/ofcom-launches-investigation-into-x-over-grok-sexualised-imagery';
const EC_GROK = 'https://ec.europa.eu/commission/presscorner/detail/en/ip_26_203';
const ETSI =
  'https://www.etsi.org/newsroom/press-releases/2627-etsi-releases-world-leading-standard-for-securing-ai';
const NIST_800_2 = 'https://nvlpubs.nist.gov/nistpubs/ai/NIST.AI.800-2.ipd.pdf';
const CAISI_AGENTS =
  'https://www.nist.gov/news-events/news/2026/01/caisi-issues-request-information-about-securing-ai-agent-systems';
const AI_IRS = 'https://aisi.go.jp/activity/activity_security/260109/';
const IMDA_AGENTIC =
  'https://www.imda.gov.sg/resources/press-releases-factsheets-and-speeches/press-releases/2026/new-model-ai-governance-framework-for-agentic-ai';
const CN_MANUFACTURING = 'https://www.nda.gov.cn/sjj/zwgk/tzgg/0107/20260107214358696030895_pc.html';
const AI_PLAN = 'https://www8.cao.go.jp/cstp/ai/ai_plan/aiplan_20251223';
const EO_DEC =
  'https://www.whitehouse.gov/presidential-actions/2025/12/eliminating-state-law-obstruction-of-national-artificial-intelligence-policy/';
const OMB =
  'https://www.whitehouse.gov/wp-content/uploads/2025/12/M-26-04-Increasing-Public-Trust-in-Artificial-Intelligence-Through-Unbiased-AI-Principles-1.pdf';
const RAISE = 'https://www.nysenate.gov/legislation/bills/2025/S6953/amendment/B';
const NIST_CENTERS =
  'https://www.nist.gov/news-events/news/2025/12/nist-launches-centers-ai-manufacturing-and-critical-infrastructure';
const NCSC = 'https://www.ncsc.gov.uk/blog-post/prompt-injection-is-not-sql-injection';
const DEEPMIND =
  'https://www.gov.uk/government/publications/memorandum-of-understanding-between-the-uk-and-google-deepmind-on-ai-opportunities-and-security/memorandum-of-understanding-between-the-uk-and-google-deepmind-on-ai-opportunities-and-security';
const EUSDP =
  'https://www.mddi.gov.sg/newsroom/european-union-singapore-digital-partnership-enters-new-phase--with-refreshed-priorities-in-ai--cybersecurity-and-other-emerging-technologies/';
const INDIA_SUMMIT = 'https://www.pib.gov.in/PressReleasePage.aspx?PRID=2198216&reg=3&lang=1';
const CN_ASEAN = 'https://www.cac.gov.cn/2025-12/04/c_1766577643987382.htm';
const KR_ADS = 'https://www.korea.kr/news/policyNewsView.do?newsId=148956230';
const KR_SEC_GUIDE = 'https://www.korea.kr/briefing/pressReleaseView.do?newsId=156734367';
const KR_ACTION_PLAN = 'https://www.korea.kr/briefing/pressReleaseView.do?newsId=156735152';
const CN_ANTHRO = 'https://www.cac.gov.cn/2025-12/27/c_1768571207311996.htm';
const CISA_OT =
  'https://www.cisa.gov/sites/default/files/2025-12/joint-guidance-principles-for-the-secure-integration-of-artificial-intelligence-in-operational-technology-508c.pdf';
const UK_TRENDS =
  'https://www.gov.uk/government/publications/ai-security-institute-frontier-ai-trends-report-factsheet/ai-security-institute-frontier-ai-trends-report-factsheet';
const NIST_IR_8596 =
  'https://www.nist.gov/news-events/news/2025/12/draft-nist-guidelines-rethink-cybersecurity-ai-era';
const KR_KANANA = 'https://www.korea.kr/briefing/pressReleaseView.do?newsId=156737186';
const DIGITAL_LLM = 'https://www.digital.go.jp/news/1b093bba-a4c8-4001-8a92-ff3667a69198';
const CYBER_STRATEGY = 'https://www.cyber.go.jp/pdf/policy/kihon-s/cs_strategy2025.pdf';
const SOUMU_GUIDE = 'https://www.soumu.go.jp/menu_news/s-news/02cyber01_04000001_00337.html';
const DATA_QUALITY = 'https://aisi.go.jp/output/output_framework/data_quality_management_guidebook/';
const VIDEO = 'https://www.youtube.com/watch?v=dpS1S0UEvjU';
const US_ACTION_PLAN =
  'https://www.whitehouse.gov/articles/2025/07/white-house-unveils-americas-ai-action-plan/';
const GPAI_CODE =
  'https://digital-strategy.ec.europa.eu/en/news/general-purpose-ai-code-practice-now-available';
const GPAI_GUIDELINES =
  'https://digital-strategy.ec.europa.eu/en/library/guidelines-scope-obligations-providers-general-purpose-ai-models-under-ai-act';
const UK_OPENAI =
  'https://www.gov.uk/government/news/openai-to-expand-uk-office-and-work-with-government-departments-to-turbocharge-the-uks-ai-infrastructure-and-transform-public-services';
const ALIGNMENT = 'https://alignmentproject.aisi.gov.uk/';
const SG_TOOLS =
  'https://www.imda.gov.sg/resources/press-releases-factsheets-and-speeches/press-releases/2025/singapore-launches-new-tools-to-help-businesses-protect-data-and-deploy-ai-in-a-trusted-ecosystem';
const CN_GLOBAL_PLAN = 'https://www.fmprc.gov.cn/eng./xw/zyxw/202507/t20250729_11679232.html';
const CN_WAICO = 'https://www.gov.cn/yaowen/liebiao/202507/content_7033957.htm';
const WHITEPAPER = 'https://www.soumu.go.jp/johotsusintokei/whitepaper/r07.html';
const UNESCO = 'https://www.unesco.org/en/articles/tackling-gender-bias-and-harms-artificial-intelligence-ai';
const TEVV =
  'https://www.nist.gov/artificial-intelligence/ai-research/nists-ai-standards-zero-drafts-pilot-project-accelerate';
const BSI =
  'https://www.bsi.bund.de/DE/Service-Navi/Presse/Alle-Meldungen-News/Meldungen/Whitepaper_Bias_KI_250724.html';
const TOKYO_STRATEGY = 'https://www.digitalservice.metro.tokyo.lg.jp/business/ai/ai-strategy';
const KIDS_HANDBOOK =
  'https://www.cfa.go.jp/assets/contents/node/basic_page/field_ref_resources/c1890510-04d4-497b-9e23-a7f514016c7d/04f2c133/20250709_councils_kodomo_seisaku_DX_40.pdf';
const RED_TEAM_GUIDE =
  'https://aisi.go.jp/output/output_framework/guide_to_red_teaming_methodology_on_ai_safety/';
const EVAL_GUIDE = 'https://aisi.go.jp/output/output_framework/guide_to_evaluation_perspective_on_ai_safety/';
const AISEV = 'https://github.com/Japan-AISI/aisev';
const ANTHROPIC_MOC = 'https://aisi.go.jp/activity/activity_international/251029/';
const CAIO = 'https://aisi.go.jp/output/output_information/260205/';
const IPA_THREATS = 'https://www.ipa.go.jp/pressrelease/2025/press20260129.html';
const JP_ASEAN = 'https://www.soumu.go.jp/menu_news/s-news/01tsushin09_02000190.html';
const CEA = 'https://www.whitehouse.gov/research/2026/01/artificial-intelligence-and-the-great-divergence/';
const INDIA_TECHNO = 'https://www.pib.gov.in/PressReleasePage.aspx?PRID=2217839&reg=3';
const HIROSHIMA_FORUM = 'https://aisi.go.jp/activity/activity_international/260130/';
const UK_DATASETS = 'https://www.gov.uk/government/publications/making-government-datasets-ready-for-ai';
const DOE = 'https://sam.gov/workspace/contract/opp/1f6ee2898b724568b4816de787d0b8f6/view';
const MOF = 'https://www.mof.go.jp/about_mof/zaimu/kannai/202504/tokubetu.pdf';

export const QUALITY_CASES: QualityCase[] = [
  // The examples of the search issue
  { q: 'what did Korea do in January', expect: [KR_AI_BASIC_ACT] },
  { q: '韓国は1月に何をした?', expect: [KR_AI_BASIC_ACT] },
  { q: 'source for SB53', expect: [SB53] },
  { q: 'レッドチーミング', expect: [RED_TEAM_GUIDE] },
  { q: 'Mexico', empty: true },
  { q: 'メキシコのAI政策', empty: true },
  { q: 'NIST AI 800-2', expect: [NIST_800_2] },
  { q: 'sb 53', expect: [SB53] },
  { q: 'SB 53', expect: [SB53] },
  { q: 'EN 304 223', expect: [ETSI] },
  { q: 'A I S I 国際ネットワーク', expect: ['https://aisi.go.jp/activity/activity_international/250211/'] },
  { q: '基本計画', expect: [AI_PLAN] },
  { q: '人工知能基本計画', expect: [AI_PLAN] },
  { q: 'December 25', expect: ['https://x.com/cao_japan/status/2003661911821517194', SOUMU_GUIDE] },
  // Countries and periods
  { q: 'Korea in January', expect: [KR_AI_BASIC_ACT] },
  { q: 'South Korea December 2025', expect: [KR_ADS, KR_SEC_GUIDE, KR_ACTION_PLAN] },
  { q: 'China in December', expect: [CN_ASEAN, CN_ANTHRO] },
  { q: '中国 2025年7月', expect: [CN_GLOBAL_PLAN, CN_WAICO] },
  { q: 'Singapore January 2026', expect: [IMDA_AGENTIC] },
  { q: 'India December', expect: [INDIA_SUMMIT] },
  { q: 'インド 12月', expect: [INDIA_SUMMIT] },
  { q: 'what did the UK do in January', expect: [OFCOM, UK_DATASETS] },
  { q: '英国 1月', expect: [OFCOM] },
  { q: 'EU in January', expect: [EC_GROK, ETSI] },
  { q: 'European Commission July 2025', expect: [GPAI_CODE, GPAI_GUIDELINES] },
  { q: 'US in December', expect: [EO_DEC, OMB, RAISE, NIST_CENTERS] },
  { q: '米国の1月の動き', expect: [NIST_800_2, CAISI_AGENTS] },
  { q: 'California', expect: [SB53, SB243] },
  { q: 'カリフォルニア州', expect: [SB53, SB243] },
  { q: 'New York', expect: [RAISE] },
  { q: 'Japan domestic policy December 2025', expect: [DIGITAL_LLM] },
  { q: 'Germany', expect: [BSI] },
  { q: 'ASEAN', expect: [JP_ASEAN, CN_ASEAN] },
  { q: 'EU Singapore digital partnership', expect: [EUSDP] },
  { q: '2026/01/22', expect: [KR_AI_BASIC_ACT, IMDA_AGENTIC] },
  { q: '2025年12月11日', expect: [EO_DEC, OMB] },
  { q: 'week of January 12 2026', expect: [ETSI, DOE] },
  { q: 'July 2025 domestic reports', expect: [WHITEPAPER] },
  // Topics in English
  { q: 'AI basic act', expect: [KR_AI_BASIC_ACT] },
  { q: 'Grok investigation', expect: [OFCOM, EC_GROK] },
  { q: 'What did the UK regulator do about Grok?', expect: [OFCOM] },
  { q: 'executive order', expect: [EO_DEC] },
  { q: 'RAISE Act', expect: [RAISE] },
  { q: 'companion chatbot law', expect: [SB243] },
  { q: 'prompt injection', expect: [NCSC] },
  { q: 'memorandum with Google DeepMind', expect: [DEEPMIND] },
  { q: 'AI agent security request for information', expect: [CAISI_AGENTS] },
  { q: 'agentic AI governance framework', expect: [IMDA_AGENTIC] },
  { q: 'incident response', expect: [AI_IRS] },
  { q: 'public comment on security guidelines', expect: [SOUMU_GUIDE] },
  { q: 'cybersecurity strategy', expect: [CYBER_STRATEGY] },
  { q: 'data quality guidebook', expect: [DATA_QUALITY] },
  { q: 'operational technology guidance', expect: [CISA_OT] },
  { q: 'frontier AI trends report', expect: [UK_TRENDS] },
  { q: 'cyber AI profile NIST IR 8596', expect: [NIST_IR_8596] },
  { q: 'safety evaluation of Kanana', expect: [KR_KANANA] },
  { q: 'code of practice for general-purpose AI', expect: [GPAI_CODE] },
  { q: 'OpenAI partnership with the UK', expect: [UK_OPENAI] },
  { q: 'international coalition for AI alignment', expect: [ALIGNMENT] },
  { q: 'privacy enhancing technologies sandbox Singapore', expect: [SG_TOOLS] },
  { q: 'white paper on bias', expect: [BSI] },
  { q: 'UNESCO red teaming playbook', expect: [UNESCO] },
  { q: 'TEVV zero draft', expect: [TEVV] },
  { q: 'open source evaluation tool', expect: [AISEV] },
  { q: 'Anthropic memorandum of cooperation', expect: [ANTHROPIC_MOC] },
  { q: 'Chief AI Officer guide', expect: [CAIO] },
  { q: 'top 10 information security threats', expect: [IPA_THREATS] },
  { q: 'Great Divergence report', expect: [CEA] },
  { q: 'techno-legal framework white paper India', expect: [INDIA_TECHNO] },
  { q: 'Hiroshima Global Forum', expect: [HIROSHIMA_FORUM] },
  { q: 'Department of Energy workforce', expect: [DOE] },
  { q: 'Woke AI procurement guidance', expect: [OMB] },
  { q: 'false advertising Korea', expect: [KR_ADS] },
  { q: 'anthropomorphic interactive services China', expect: [CN_ANTHRO] },
  { q: 'AI action plan', expect: [US_ACTION_PLAN] },
  // Topics in Japanese
  { q: 'AI基本法', expect: [KR_AI_BASIC_ACT] },
  { q: '大統領令', expect: [EO_DEC] },
  { q: '意見募集', expect: [SOUMU_GUIDE] },
  { q: 'インシデントレスポンス', expect: [AI_IRS] },
  { q: 'エージェント', expect: [CAISI_AGENTS] },
  { q: 'プロンプトインジェクション', expect: [NCSC] },
  { q: '覚書', expect: [DEEPMIND] },
  { q: 'データ品質マネジメントガイドブック', expect: [DATA_QUALITY] },
  { q: '動画', expect: [VIDEO] },
  { q: '東京都AI戦略', expect: [TOKYO_STRATEGY] },
  { q: 'こども家庭庁のハンドブック', expect: [KIDS_HANDBOOK] },
  { q: '情報通信白書', expect: [WHITEPAPER] },
  { q: '評価観点ガイド', expect: [EVAL_GUIDE] },
  { q: '財務省の特別調査', expect: [MOF] },
  { q: '人工知能+製造', expect: [CN_MANUFACTURING] },
  { q: 'ＧＲＯＫ', expect: [OFCOM, EC_GROK] },
  // Citations
  { q: 'cite SB243', expect: [SB243] },
  { q: 'source for the ETSI standard', expect: [ETSI] },
  { q: 'link to the AI Basic Act', expect: [KR_AI_BASIC_ACT] },
  // Must be empty
  { q: 'what happened in March 2026', empty: true },
  { q: 'Brazil', empty: true },
  { q: 'quantum entanglement', empty: true },
  { q: 'blockchain cryptocurrency', empty: true },
  { q: 'Korea in July 2024', empty: true },
  { q: '2024年3月', empty: true },
  { q: 'Mexico in January', empty: true },
];
