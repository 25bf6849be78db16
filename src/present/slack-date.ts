import { escapeMrkdwn } from './mrkdwn.js';

/**
 * A moment as Slack's date token, which each reader's client shows in their own time zone:
 * `<!date^1768780800^{date_short_pretty} {time}|2026-01-19 09:00 (Asia/Tokyo)>`. The fallback
 * (clients that cannot format it, notifications) is the moment in `timeZone`, named. An
 * unreadable moment is its text as given.
 */
export function slackDate(
  at: Date | string,
  timeZone: string,
  format = '{date_short_pretty} {time}',
): string {
  const when = typeof at === 'string' ? new Date(at) : at;
  const ms = when.getTime();
  if (Number.isNaN(ms)) return escapeMrkdwn(String(at));
  return `<!date^${Math.floor(ms / 1000)}^${format}|${escapeMrkdwn(zonedLabel(when, timeZone))}>`;
}

/** `2026-01-19 09:00 (Asia/Tokyo)`: a moment in a named zone, for text without Slack's formatting. */
function zonedLabel(at: Date, timeZone: string): string {
  const f = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  return `${f.format(at)} (${timeZone})`;
}

/** A Slack user id as a mention, only when it looks like one (ids come from Slack, never from typed text). */
export function mention(userId: string | null | undefined): string | undefined {
  return userId && /^[UW][A-Z0-9]+$/.test(userId) ? `<@${userId}>` : undefined;
}
