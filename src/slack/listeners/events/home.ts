import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { homeView } from '../../../present/home.js';
import type { SlackDeps } from '../../deps.js';

/** The App Home tab, published each time it is opened so it shows the current corpus. */
export function appHomeOpened(deps: SlackDeps) {
  return async ({
    event,
    client,
  }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    try {
      await client.views.publish({ user_id: event.user, view: homeView(deps.index()) as never });
    } catch (err) {
      deps.logger.error('app_home_opened failed:', err);
    }
  };
}
