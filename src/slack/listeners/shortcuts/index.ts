import type { MessageShortcut } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import type { Registrar } from '../../routes.js';
import { findSource } from './find-source.js';

export function register(app: Registrar, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>({ callback_id: 'find_source', type: 'message_action' }, findSource(deps));
}
