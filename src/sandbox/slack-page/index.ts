export type { BotAnswer } from './bot-requests';
export { escapeHtml, renderMrkdwn, renderPlainText } from './mrkdwn';
export { renderBlocks } from './render-blocks';
export {
  type ButtonPlace,
  type MessageShortcut,
  type ModalSnapshot,
  type SlackPage,
  type SlackPageOptions,
  startSlackPage,
} from './server';
export type { Json, PageMessage } from './state';
