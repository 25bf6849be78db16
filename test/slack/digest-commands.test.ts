import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteDigestStore as DigestStore } from '../../src/store/sqlite/digest.js';
import { digestCommands } from '../../src/weekly/service.js';
import { send, slashCommand } from '../support/fake-slack.js';
import { type Harness, mrkdwnObjects, realIndex, startHarness, texts } from './harness.js';

let h: Harness;
beforeAll(async () => {
  const index = await realIndex();
  h = await startHarness();
  // The same app, now with digests wired to its own SQLite state and a pinned clock.
  const store = new DigestStore(h.db);
  h.deps.digest = digestCommands({
    store,
    index: () => index,
    clock: () => new Date('2026-01-14T03:00:00Z'),
    today: () => '2026-01-14',
    cron: '0 9 * * 1',
    timeZone: 'Asia/Tokyo',
  });
});
afterAll(async () => {
  await h.stop();
});

const response = (id: string) => h.fake.waitFor(() => h.fake.responses.find((r) => r.id === id));

describe('/policy subscribe, subscriptions, unsubscribe, digest', () => {
  it('subscribe is confirmed in the channel with the filters as understood and the next run time', async () => {
    await send(h.port, slashCommand('subscribe Korea EU', h.fake.responseUrl('sub')), 'form');
    const { body } = await response('sub');
    expect(body.response_type).toBe('in_channel');
    const all = texts(body.blocks).join('\n');
    expect(all).toContain('Subscribed');
    expect(all).toContain('🇰🇷 South Korea, 🇪🇺 EU');
    // Slack's date token: each reader sees the time in their own zone; the fallback names the zone.
    expect(all).toContain(
      'Next run: <!date^1768780800^{date_short_pretty} {time}|2026-01-19 09:00 (Asia/Tokyo)>',
    );
  });

  it('subscribing again updates the filters; Japanese filters get Japanese confirmations', async () => {
    await send(h.port, slashCommand('subscribe 韓国 ガイドライン', h.fake.responseUrl('sub2')), 'form');
    const all = texts((await response('sub2')).body.blocks).join('\n');
    expect(all).toContain('購読条件を更新しました');
    expect(all).toContain('ガイドライン');
  });

  it('a filter word no item uses yet is said when subscribing, and kept as a filter', async () => {
    await send(h.port, slashCommand('subscribe Korea qwzxv', h.fake.responseUrl('sub-unknown')), 'form');
    const all = texts((await response('sub-unknown')).body.blocks).join('\n');
    expect(all).toContain('No item mentions “qwzxv” yet');
    await send(h.port, slashCommand('subscriptions', h.fake.responseUrl('subs-unknown')), 'form');
    expect(texts((await response('subs-unknown')).body.blocks).join('\n')).toContain('qwzxv');
    await send(h.port, slashCommand('subscribe 韓国 ガイドライン', h.fake.responseUrl('sub-back')), 'form');
    await response('sub-back');
  });

  it('subscriptions shows the filters, the last digest and the next run, only to the asker', async () => {
    await send(h.port, slashCommand('subscriptions', h.fake.responseUrl('subs')), 'form');
    const { body } = await response('subs');
    expect(body.response_type).toBe('ephemeral');
    const all = texts(body.blocks).join('\n');
    expect(all).toContain('韓国 ガイドライン');
    expect(all).toContain('まだありません');
  });

  it('digest [date] previews the week containing that date with this channel’s filters', async () => {
    await send(h.port, slashCommand('digest 2025-12-10', h.fake.responseUrl('preview')), 'form');
    const { body } = await response('preview');
    expect(body.response_type).toBe('ephemeral');
    const all = texts(body.blocks).join('\n');
    expect(all).toContain('2025-12-08〜2025-12-14');
    expect(all).toContain('AIセキュリティガイド');
    expect(all).not.toContain('欧州');
  });

  it('unsubscribe removes the subscription and says so in the channel', async () => {
    await send(h.port, slashCommand('unsubscribe', h.fake.responseUrl('unsub')), 'form');
    const { body } = await response('unsub');
    expect(body.response_type).toBe('in_channel');
    expect(String(body.text)).toContain('Unsubscribed');
    await send(h.port, slashCommand('subscriptions', h.fake.responseUrl('subs-none')), 'form');
    expect(String((await response('subs-none')).body.text)).toContain('no digest subscription');
  });
});

describe('/policy subscribe checks the bot can post in the channel first', () => {
  it('joins a public channel it is not in, then confirms', async () => {
    h.fake.channelInfo.set('C-PUBLIC', { is_member: false });
    await send(
      h.port,
      slashCommand('subscribe', h.fake.responseUrl('pub'), { channel_id: 'C-PUBLIC' }),
      'form',
    );
    const { body } = await response('pub');
    expect(String(body.text)).toContain('Subscribed');
    expect(h.fake.callsTo('conversations.join').at(-1)?.args.channel).toBe('C-PUBLIC');
  });

  it('tells the user to invite it to a private channel, and does not subscribe', async () => {
    h.fake.channelInfo.set('G-PRIVATE', 'missing');
    const res = await send(
      h.port,
      slashCommand('subscribe Korea', h.fake.responseUrl('priv'), { channel_id: 'G-PRIVATE' }),
      'form',
    );
    expect(res.status).toBe(200);
    const ack = (await res.json()) as { text: string; response_type: string };
    expect(ack.response_type).toBe('ephemeral');
    expect(ack.text).toContain('invite me with `/invite @policy-bot`');
    await send(
      h.port,
      slashCommand('subscriptions', h.fake.responseUrl('priv-list'), { channel_id: 'G-PRIVATE' }),
      'form',
    );
    expect(String((await response('priv-list')).body.text)).toContain('no digest subscription');
  });

  it('refuses an archived channel', async () => {
    h.fake.channelInfo.set('C-OLD', { is_member: true, is_archived: true });
    const res = await send(
      h.port,
      slashCommand('subscribe', h.fake.responseUrl('old'), { channel_id: 'C-OLD' }),
      'form',
    );
    expect(((await res.json()) as { text: string }).text).toContain('archived');
  });
});

describe('subscription replies echo filters as text', () => {
  it('@here and #general typed as filters stay text in the confirmation posted to the channel', async () => {
    await send(
      h.port,
      slashCommand('subscribe Korea @here #general', h.fake.responseUrl('sub-verbatim'), {
        channel_id: 'C-VERBATIM',
      }),
      'form',
    );
    const { body } = await response('sub-verbatim');
    expect(body.response_type).toBe('in_channel');
    const objects = mrkdwnObjects(body.blocks);
    expect(objects.length).toBeGreaterThan(0);
    for (const o of objects) expect(o).toMatchObject({ verbatim: true });
  });
});
