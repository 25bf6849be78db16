import type {
  BlockAction,
  ButtonAction,
  FeedbackButtonsAction,
  OverflowAction,
  ViewSubmitAction,
} from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import type { Registrar } from '../../routes.js';
import {
  answerMenuAction,
  citeItem,
  confirmChannelChange,
  exportAnswerFile,
  itemMenuAction,
  previousPage,
  shareAnswer,
  showMore,
} from './answer-buttons.js';
import { answerFeedback, feedbackDetail } from './feedback.js';

export function register(app: Registrar, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>('show_more', showMore(deps));
  app.action<BlockAction<ButtonAction>>('page_previous', previousPage(deps));
  app.action<BlockAction<ButtonAction>>('share_answer', shareAnswer(deps));
  app.action<BlockAction<ButtonAction>>('cite_item', citeItem(deps));
  app.action<BlockAction<ButtonAction>>('export_csv', exportAnswerFile(deps, 'csv'));
  app.action<BlockAction<ButtonAction>>('export_md', exportAnswerFile(deps, 'md'));
  app.action<BlockAction<OverflowAction>>('item_menu', itemMenuAction(deps));
  app.action<BlockAction<OverflowAction>>('answer_menu', answerMenuAction(deps));
  app.action<BlockAction<ButtonAction>>('confirm_channel_change', confirmChannelChange(deps));
  app.action<BlockAction<FeedbackButtonsAction>>('answer_feedback', answerFeedback(deps));
  app.view<ViewSubmitAction>('feedback_detail', feedbackDetail(deps));
}
