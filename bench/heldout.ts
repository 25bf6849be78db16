import type { QualityCase } from './questions.js';

/**
 * Held-out questions, written after the quality set was tuned and scored once as they are: a
 * check of how the understanding generalises, not a target. Same rules (top 5 / must be empty).
 */
export const HELDOUT_CASES: QualityCase[] = [
  {
    q: 'Ofcom X investigation',
    expect: [
      'https://www.ofcom.org.uk/online-safety/illegal-and-harmful-content/ofcom-launches-investigation-into-x-over-grok-sexualised-imagery',
    ],
  },
  {
    q: 'Korean AI safety evaluation results',
    expect: ['https://www.korea.kr/briefing/pressReleaseView.do?newsId=156737186'],
  },
  {
    q: '中国のAIガバナンス行動計画',
    expect: ['https://www.fmprc.gov.cn/eng./xw/zyxw/202507/t20250729_11679232.html'],
  },
  {
    q: 'シンガポールのエージェントAIフレームワーク',
    expect: [
      'https://www.imda.gov.sg/resources/press-releases-factsheets-and-speeches/press-releases/2026/new-model-ai-governance-framework-for-agentic-ai',
    ],
  },
  {
    q: 'デジタル庁 LLM 公募',
    expect: ['https://www.digital.go.jp/news/1b093bba-a4c8-4001-8a92-ff3667a69198'],
  },
  {
    q: 'Tokyo metropolitan AI strategy',
    expect: ['https://www.digitalservice.metro.tokyo.lg.jp/business/ai/ai-strategy'],
  },
  { q: 'chatbot law for minors in California', expect: ['https://legiscan.com/CA/text/SB243/2025'] },
  {
    q: 'New York frontier model incident reporting',
    expect: ['https://www.nysenate.gov/legislation/bills/2025/S6953/amendment/B'],
  },
  {
    q: 'NIST centers for manufacturing and critical infrastructure',
    expect: [
      'https://www.nist.gov/news-events/news/2025/12/nist-launches-centers-ai-manufacturing-and-critical-infrastructure',
    ],
  },
  {
    q: '英国とDeepMindの覚書',
    expect: [
      'https://www.gov.uk/government/publications/memorandum-of-understanding-between-the-uk-and-google-deepmind-on-ai-opportunities-and-security/memorandum-of-understanding-between-the-uk-and-google-deepmind-on-ai-opportunities-and-security',
    ],
  },
  {
    q: 'AISI network meeting in San Diego',
    expect: [
      'https://www.industry.gov.au/news/australia-meets-global-partners-ai-evaluation-and-measurement',
    ],
  },
  { q: 'FISC lecture by the deputy director', expect: ['https://www.fisc.or.jp/event/event/007009.php'] },
  { q: 'IPA 10大脅威', expect: ['https://www.ipa.go.jp/pressrelease/2025/press20260129.html'] },
  {
    q: 'エネルギー省の情報提供依頼',
    expect: ['https://sam.gov/workspace/contract/opp/1f6ee2898b724568b4816de787d0b8f6/view'],
  },
  {
    q: 'obligations of general-purpose AI model providers',
    expect: [
      'https://digital-strategy.ec.europa.eu/en/library/guidelines-scope-obligations-providers-general-purpose-ai-models-under-ai-act',
    ],
  },
  {
    q: 'UK OpenAI July 2025',
    expect: [
      'https://www.gov.uk/government/news/openai-to-expand-uk-office-and-work-with-government-departments-to-turbocharge-the-uks-ai-infrastructure-and-transform-public-services',
    ],
  },
  {
    q: 'India AI Impact Summit announcement',
    expect: ['https://www.pib.gov.in/PressReleasePage.aspx?PRID=2198216&reg=3&lang=1'],
  },
  {
    q: 'China ASEAN digital governance dialogue',
    expect: ['https://www.cac.gov.cn/2025-12/04/c_1766577643987382.htm'],
  },
  {
    q: 'prompt injection is not SQL injection',
    expect: ['https://www.ncsc.gov.uk/blog-post/prompt-injection-is-not-sql-injection'],
  },
  {
    q: 'What happened in Europe last December?',
    expect: ['https://www.ncsc.gov.uk/blog-post/prompt-injection-is-not-sql-injection'],
  },
  // (Was 先月のニュース: since issue 21 a relative period past the corpus answers with its latest
  // month, said as such. A month the digests do not cover, named, stays empty.)
  { q: '2025年8月のニュース', empty: true },
  { q: 'Brazil AI law', empty: true },
  { q: 'Canada', expect: ['https://aisi.go.jp/activity/activity_international/250804/'] },
  {
    q: 'German bias white paper',
    expect: [
      'https://www.bsi.bund.de/DE/Service-Navi/Presse/Alle-Meldungen-News/Meldungen/Whitepaper_Bias_KI_250724.html',
    ],
  },
  {
    q: 'audit industry generative AI FSA',
    expect: ['https://www.fsa.go.jp/frtc/seika/discussion/2025/DP2025-3.pdf'],
  },
  {
    q: 'local government AI working group report',
    expect: ['https://www.soumu.go.jp/menu_news/s-news/01gyosei04_02000150.html'],
  },
  {
    q: 'AMAS multimedia authenticity standards',
    expect: ['https://www.iso.org/news/2025/07/ai-for-good-global-summit-2025'],
  },
  {
    q: 'Korea transparency guidance January 2026',
    expect: ['https://www.korea.kr/news/policyNewsView.do?newsId=148958380'],
  },
  { q: 'ロボット展 動画', expect: ['https://www.youtube.com/watch?v=dpS1S0UEvjU'] },
  { q: 'SCIS2026', expect: ['https://www.iwsec.org/scis/2026/program.html'] },
];
