import type { SlackDeps } from '../../deps.js';
import type { Registrar } from '../../routes.js';
import { directMessage } from './direct-message.js';
import { appHomeOpened } from './home.js';
import { appMention } from './mention.js';

export function register(app: Registrar, deps: SlackDeps): void {
  app.event('app_mention', appMention(deps));
  app.message(directMessage(deps));
  app.event('app_home_opened', appHomeOpened(deps));
}
