import type { SlackDeps } from '../../deps.js';
import type { Registrar } from '../../routes.js';
import { appHomeOpened } from './home.js';
import { appMention } from './mention.js';
import { userMessages } from './message.js';
import { appRemoved } from './uninstall.js';

export function register(app: Registrar, deps: SlackDeps): void {
  app.event('app_mention', appMention(deps));
  // message.im, message.channels and message.groups: DMs and replies in the bot's threads.
  app.message(userMessages(deps));
  app.event('app_home_opened', appHomeOpened(deps));
  // The distributed app: an uninstall or revoked bot token removes that workspace's token.
  if (deps.distributed) {
    app.event('app_uninstalled', appRemoved(deps, 'app_uninstalled'));
    app.event('tokens_revoked', appRemoved(deps, 'tokens_revoked'));
  }
}
