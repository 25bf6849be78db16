/**
 * The bot scopes the listeners need: what the distributed app asks each workspace for at install
 * (`/slack/install`). `manifest.yml` and `manifest.distribution.yml` list the same (a test holds
 * them to this list).
 */
export const BOT_SCOPES = [
  'app_mentions:read',
  'channels:history',
  'channels:join',
  'channels:read',
  'chat:write',
  'commands',
  'files:write',
  'groups:history',
  'groups:read',
  'im:history',
  'im:read',
  'im:write',
  'mpim:read',
  'reactions:write',
  'users:read',
] as const;
