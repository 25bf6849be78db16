import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import type { Registrar } from '../../routes.js';
import { shareAnswer, showMore } from './answer-buttons.js';

export function register(app: Registrar, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>('show_more', showMore(deps));
  app.action<BlockAction<ButtonAction>>('share_answer', shareAnswer(deps));
}
