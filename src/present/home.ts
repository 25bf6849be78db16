import type { SearchIndex } from '../search/index-store.js';
import { type Block, context, divider, header, section } from './blocks.js';
import { coverageSentence } from './coverage.js';
import { countryList, formatDate } from './labels.js';
import { escapeMrkdwn, link } from './mrkdwn.js';
import { siteLabel } from './publishers.js';

const KIND = { digest: 'monthly digest', report: 'annual report', briefing: 'briefing deck' } as const;

/** The App Home tab: what policy-bot knows, example questions, and the latest items. */
export function homeView(index: SearchIndex): { type: 'home'; blocks: Block[] } {
  const docs = index.manifest.documents.map((d) => {
    const period = d.coverage
      ? ` · ${d.coverage.from} – ${d.coverage.to}`
      : d.published
        ? ` · published ${d.published}`
        : '';
    return `• *${escapeMrkdwn(d.title)}* (${KIND[d.kind]}) — ${d.items} items${period}`;
  });
  const latest = index.items
    .filter((i) => i.date)
    .sort((a, b) => (b.date?.start ?? '').localeCompare(a.date?.start ?? '') || a.id.localeCompare(b.id))
    .slice(0, 5)
    .map(
      (i) =>
        `• ${formatDate(i.date, 'en')} ${countryList(i.countries, 'en')} — ${escapeMrkdwn(i.title)}${i.urls[0] ? ` (${link(i.urls[0], siteLabel(i.urls[0], 'en'))})` : ''}`,
    );
  return {
    type: 'home',
    blocks: [
      header('policy-bot: AI policy, with sources'),
      section(
        `Ask in English or Japanese with \`/policy\`, a mention, or a DM. ${escapeMrkdwn(coverageSentence(index.manifest, 'en'))}`,
      ),
      section(`*What I know*\n${docs.join('\n')}`),
      section(
        '*Try*\n• `/policy what did Korea do in January`\n• `/policy 韓国は1月に何をした?`\n• `/policy cite SB53`\n• `/policy subscribe Korea EU`\n• `/policy レッドチーミング`',
      ),
      divider(),
      section(`*Latest items*\n${latest.join('\n')}`),
      context(`${index.items.length} items indexed`),
    ],
  };
}
