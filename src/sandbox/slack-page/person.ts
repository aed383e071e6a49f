import { type BotAnswer, type BotConnection, postToBot, readAnswerJson } from './bot-requests';
import { checkView } from './check-blocks';
import {
  type ButtonAction,
  buildAppHomeOpened,
  buildBlockActions,
  buildCommandBody,
  buildInteractionBody,
  buildMessageAction,
  buildViewClosed,
  buildViewSubmission,
  type PageIdentity,
} from './payloads';
import type { Json, OpenView, PageMessage, SlackState } from './state';
import { checkBeforeSubmit, listInputs } from './view-state';
import { describeMessage, describeView } from './web-api';

// What the person on the page does: run a slash command, press a button, submit or close a modal, open App Home,
// post a message and run a message shortcut on it. The HTML forms and the programmatic helpers both come here.

export interface PersonContext {
  state: SlackState;
  identity: PageIdentity;
  connection: BotConnection;
  botId: string;
  /** The slash command a line typed without one runs, such as `/ot`. */
  command: string;
  /** The page's base URL, where response_urls point. */
  pageUrl: () => string;
}

/** Where a button is: on a message (by ts) or in a view (by id), then its block and element. */
export interface ButtonRef {
  messageTs?: string;
  viewId?: string;
  blockIndex: number;
  /** Index in an actions block's elements, or `accessory` for a section's button. */
  element: number | 'accessory';
}

/** A typed line: `/ot order new`, or `order new` for the default command. */
export async function runCommand(context: PersonContext, typed: string): Promise<BotAnswer | undefined> {
  const line = typed.trim();
  const [command, text] = line.startsWith('/') ? splitFirstWord(line) : [context.command, line];
  if (line === '' || command === '/') return undefined;
  context.state.note('info', `You ran ${command} ${text}`.trim());

  const responseUrl = issueResponseUrl(context, { channel: context.identity.channelId });
  const triggerId = context.state.issueTrigger();
  const body = buildCommandBody(context.identity, { command, text, triggerId, responseUrl });
  const answer = await postToBot(context.connection, body, 'form');
  reportProblem(context, `${command} ${text}`, answer);
  showImmediateAnswer(context, answer);
  return answer;
}

/** A button press: block_actions with the message or view it is on; message buttons get a response_url. */
export async function pressButton(context: PersonContext, ref: ButtonRef): Promise<BotAnswer> {
  const { state } = context;
  const message = ref.messageTs ? state.messages.find((candidate) => candidate.ts === ref.messageTs) : undefined;
  const view = !message && ref.viewId ? state.findView(ref.viewId) : undefined;
  const blocks = message?.blocks ?? blocksOf(view);
  const button = findElement(blocks, ref);
  if ((!message && !view) || button?.type !== 'button') throw new Error('that button is no longer there');

  const action = describeAction(button, blocks[ref.blockIndex], ref.blockIndex);
  state.note('info', `You pressed ${textOf(button.text) || action.action_id}`);
  const payload = buildBlockActions(
    context.identity,
    {
      triggerId: state.issueTrigger(),
      action,
      responseUrl: message ? issueResponseUrl(context, { channel: message.channel, messageTs: message.ts }) : undefined,
      message: message && describeOnPage(context, message),
      view: view && describeView({ teamId: context.identity.teamId, botId: context.botId }, view),
    },
    (state.now() / 1000).toFixed(6),
  );
  const answer = await postToBot(context.connection, buildInteractionBody(payload), 'form');
  reportProblem(context, `the button ${action.action_id}`, answer);
  return answer;
}

/** Submits the top modal with the values given (by block_id or action_id) over what was typed before. */
export async function submitModal(
  context: PersonContext,
  values: Record<string, string>,
): Promise<BotAnswer | undefined> {
  const { state } = context;
  const open = state.topModal();
  if (!open) throw new Error('no modal is open');
  keepValues(open, values);
  open.errors = checkBeforeSubmit(open);
  open.problem = undefined;
  state.touch();
  if (Object.keys(open.errors).length > 0) return undefined;

  state.note('info', `You submitted ${textOf(open.view.title) || 'a modal'}`);
  const view = describeView({ teamId: context.identity.teamId, botId: context.botId }, open);
  const payload = buildViewSubmission(context.identity, state.issueTrigger(), view);
  const answer = await postToBot(context.connection, buildInteractionBody(payload), 'form');
  applySubmissionAnswer(context, open, answer);
  return answer;
}

/** The modal's close button: Slack tells the bot only when the view asked for it (notify_on_close). */
export async function closeModal(context: PersonContext): Promise<void> {
  const open = context.state.topModal();
  if (!open) return;
  context.state.closeModals(1);
  if (open.view.notify_on_close !== true) return;

  const view = describeView({ teamId: context.identity.teamId, botId: context.botId }, open);
  const answer = await postToBot(
    context.connection,
    buildInteractionBody(buildViewClosed(context.identity, view)),
    'form',
  );
  reportProblem(context, 'closing the modal', answer);
}

/** Opening the App Home tab: Slack sends app_home_opened every time. */
export async function openHome(context: PersonContext): Promise<BotAnswer> {
  const { state, identity } = context;
  const home = state.homes.get(identity.userId);
  const view = home && describeView({ teamId: identity.teamId, botId: context.botId }, home);
  const eventTs = (state.now() / 1000).toFixed(6);
  const body = buildAppHomeOpened(identity, `Ev${state.issueTrigger().replace(/\W/g, '')}`, eventTs, view);
  const answer = await postToBot(context.connection, body, 'json');
  reportProblem(context, 'opening App Home', answer);
  return answer;
}

/** A message the person posts in the channel, escaped as Slack's client escapes typed text. */
export function postAsPerson(context: PersonContext, text: string): PageMessage | undefined {
  if (text.trim() === '') return undefined;
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return context.state.addMessage({ channel: context.identity.channelId, author: 'person', text: escaped, blocks: [] });
}

/** A message shortcut run on one message, as Slack's "More actions" menu sends it. */
export async function runShortcut(context: PersonContext, messageTs: string, callbackId: string): Promise<BotAnswer> {
  const message = context.state.messages.find((candidate) => candidate.ts === messageTs && !candidate.ephemeralTo);
  if (!message) throw new Error('no such message: shortcuts run on messages in the channel');
  const payload = buildMessageAction(context.identity, {
    callbackId,
    triggerId: context.state.issueTrigger(),
    responseUrl: issueResponseUrl(context, { channel: message.channel }),
    message: describeMessageOf(context, message),
    channel: message.channel,
  });
  const answer = await postToBot(context.connection, buildInteractionBody(payload), 'form');
  reportProblem(context, `the shortcut ${callbackId}`, answer);
  return answer;
}

/** Keeps what the person typed into the view's inputs; keys may name the block or the element. */
export function keepValues(open: OpenView, values: Record<string, string>): void {
  for (const field of listInputs(open)) {
    const value = values[field.blockId] ?? values[field.actionId];
    if (value !== undefined) open.values[field.blockId] = value;
  }
}

/** The element a reference points at: an actions block's element or a section's accessory. */
export function findElement(blocks: Json[], ref: Pick<ButtonRef, 'blockIndex' | 'element'>): Json | undefined {
  const block = blocks[ref.blockIndex];
  if (!block) return undefined;
  if (ref.element === 'accessory') return block.accessory as Json | undefined;
  return Array.isArray(block.elements) ? (block.elements[ref.element] as Json | undefined) : undefined;
}

/** Slack's handling of the ack: empty closes the modal; errors, update, push and clear do what they say. */
function applySubmissionAnswer(context: PersonContext, open: OpenView, answer: BotAnswer): void {
  const { state } = context;
  if (answer.status < 200 || answer.status >= 300) {
    showProblem(state, open, `We had some trouble connecting: ${answer.problem ?? 'no answer'}. Try again.`);
    return;
  }
  reportProblem(context, 'the modal submission', answer);
  const json = readAnswerJson(answer) ?? {};
  const action = json.response_action;
  if (action === undefined) state.closeModals(1);
  else if (action === 'clear') state.closeModals(state.modals.length);
  else if (action === 'errors') {
    open.errors = typeof json.errors === 'object' && json.errors ? (json.errors as Record<string, string>) : {};
    state.touch();
  } else if (action !== 'update' && action !== 'push') {
    showProblem(state, open, `The bot answered with an unknown response_action ${String(action)}.`);
  } else if (checkView(json.view, 'modal').length > 0) {
    showProblem(state, open, `The bot answered ${action} with a view Slack would refuse.`);
  } else if (action === 'update') state.replaceModal(open, state.createView(json.view as Json, open));
  else {
    state.modals.push(state.createView(json.view as Json));
    state.touch();
  }
}

function showProblem(state: SlackState, open: OpenView, problem: string): void {
  open.problem = problem;
  state.touch();
}

function describeAction(button: Json, block: Json | undefined, blockIndex: number): ButtonAction {
  return {
    action_id: String(button.action_id),
    block_id: String(block?.block_id ?? `block-${blockIndex}`),
    type: 'button',
    text: button.text as Json,
    ...(typeof button.value === 'string' ? { value: button.value } : {}),
    ...(typeof button.style === 'string' ? { style: button.style } : {}),
  };
}

function textOf(text: unknown): string {
  const content = (text as Json | undefined)?.text;
  return typeof content === 'string' ? content : '';
}

function blocksOf(view: OpenView | undefined): Json[] {
  return Array.isArray(view?.view.blocks) ? (view.view.blocks as Json[]) : [];
}

/** What the bot said in its ack itself (a text or a message), shown as Slack shows it: to the person only. */
function showImmediateAnswer(context: PersonContext, answer: BotAnswer): void {
  if (answer.status !== 200 || answer.body.trim() === '') return;
  const json = readAnswerJson(answer);
  const text = json ? (typeof json.text === 'string' ? json.text : '') : answer.body;
  const blocks = json && Array.isArray(json.blocks) ? (json.blocks as Json[]) : [];
  if (text === '' && blocks.length === 0) return;
  const inChannel = json?.response_type === 'in_channel';
  context.state.addMessage({
    channel: context.identity.channelId,
    ephemeralTo: inChannel ? undefined : context.identity.userId,
    author: 'bot',
    text,
    blocks,
  });
}

function describeOnPage(context: PersonContext, message: PageMessage) {
  return {
    ts: message.ts,
    channel: message.channel,
    ephemeral: message.ephemeralTo !== undefined,
    described: describeMessageOf(context, message),
  };
}

function describeMessageOf(context: PersonContext, message: PageMessage): Json {
  const described = describeMessage({ botId: context.botId, botUserId: context.identity.botUserId }, message);
  return message.author === 'person' ? { ...described, user: context.identity.userId } : described;
}

function issueResponseUrl(context: PersonContext, target: { channel: string; messageTs?: string }): string {
  return `${context.pageUrl()}/response/${context.state.issueResponseUrl(target)}`;
}

function reportProblem(context: PersonContext, what: string, answer: BotAnswer): void {
  if (answer.problem) context.state.note('warn', `Sending ${what}: ${answer.problem}.`);
}

function splitFirstWord(line: string): [string, string] {
  const space = line.search(/\s/);
  return space === -1 ? [line, ''] : [line.slice(0, space), line.slice(space + 1).trim()];
}
