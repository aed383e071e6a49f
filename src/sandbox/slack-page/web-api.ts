import type { Logger } from '../../logger';
import { checkMessageBlocks, checkView } from './check-blocks';
import { directChannelOf, type Json, MAX_MODAL_STACK, type OpenView, type PageMessage, type SlackState } from './state';
import { buildStateValues } from './view-state';

// The Slack Web API methods the bot calls, answered as Slack answers them (`{ ok: true, ... }` or
// `{ ok: false, error }`), keeping what was posted so that the page can show it.

export interface WebApiContext {
  state: SlackState;
  botToken: string;
  botId: string;
  botUserId: string;
  userId: string;
  channelId: string;
  teamId: string;
  userGroups: Record<string, string[]>;
  /** The page's own URL, for auth.test and permalinks. */
  pageUrl: string;
  logger: Logger;
}

type Method = (context: WebApiContext, params: Json) => Json;

const METHODS: Record<string, Method> = {
  'auth.test': authTest,
  'chat.postMessage': postMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.update': updateMessage,
  'chat.delete': deleteMessage,
  'chat.getPermalink': getPermalink,
  'views.open': openView,
  'views.push': pushView,
  'views.update': updateView,
  'views.publish': publishView,
  'usergroups.users.list': listGroupMembers,
};

/** One Web API call: the token checked, then the method run; a field that is not what Slack takes is an error. */
export function answerWebApi(context: WebApiContext, method: string, params: Json, token: string | undefined): Json {
  const run = METHODS[method];
  const answer = !token ? fail('not_authed') : token !== context.botToken ? fail('invalid_auth') : undefined;
  const result = answer ?? (run ? runMethod(run, context, params) : fail('unknown_method'));

  if (result.ok) context.logger.debug(`Web API ${method}`, { params });
  else {
    context.logger.warn(`Web API ${method} refused: ${String(result.error)}`);
    context.state.note('warn', `The bot called ${method}: Slack would answer ${String(result.error)}.`);
  }
  return result;
}

function runMethod(run: Method, context: WebApiContext, params: Json): Json {
  try {
    return run(context, params);
  } catch (error) {
    if (error instanceof SyntaxError) return fail('invalid_arguments', [`[ERROR] ${error.message}`]);
    throw error;
  }
}

function authTest(context: WebApiContext): Json {
  return {
    ok: true,
    url: `${context.pageUrl}/`,
    team: 'Sandbox',
    user: 'autopurchase',
    team_id: context.teamId,
    user_id: context.botUserId,
    bot_id: context.botId,
  };
}

function postMessage(context: WebApiContext, params: Json): Json {
  const channel = resolveChannel(context, params.channel);
  if (!channel) return fail('channel_not_found');
  const content = readContent(params);
  if ('error' in content) return content.error;

  const threadTs = typeof params.thread_ts === 'string' ? params.thread_ts : undefined;
  const message = context.state.addMessage({ channel, author: 'bot', threadTs, ...content });
  return { ok: true, channel, ts: message.ts, message: describeMessage(context, message) };
}

function postEphemeral(context: WebApiContext, params: Json): Json {
  const channel = resolveChannel(context, params.channel);
  if (!channel) return fail('channel_not_found');
  if (params.user !== context.userId) return fail('user_not_in_channel');
  const content = readContent(params);
  if ('error' in content) return content.error;

  const message = context.state.addMessage({ channel, ephemeralTo: context.userId, author: 'bot', ...content });
  return { ok: true, message_ts: message.ts };
}

function updateMessage(context: WebApiContext, params: Json): Json {
  const found = findBotMessage(context, params.channel, params.ts);
  if ('error' in found) return found.error;
  const content = readContent(params);
  if ('error' in content) return content.error;

  context.state.rewriteMessage(found.message, content.text, content.blocks);
  return {
    ok: true,
    channel: found.message.channel,
    ts: found.message.ts,
    text: content.text,
    message: describeMessage(context, found.message),
  };
}

function deleteMessage(context: WebApiContext, params: Json): Json {
  const found = findBotMessage(context, params.channel, params.ts);
  if ('error' in found) return found.error;
  context.state.deleteMessage(found.message);
  return { ok: true, channel: found.message.channel, ts: found.message.ts };
}

function getPermalink(context: WebApiContext, params: Json): Json {
  const channel = resolveChannel(context, params.channel);
  const message = channel && context.state.findMessage(channel, String(params.message_ts));
  if (!message) return fail('message_not_found');
  return { ok: true, channel, permalink: `${context.pageUrl}/#${anchorOf(message)}` };
}

function openView(context: WebApiContext, params: Json): Json {
  const problems = checkView(readJson(params.view), 'modal');
  if (problems.length > 0) return fail('invalid_arguments', problems);
  const trigger = context.state.useTrigger(params.trigger_id);
  if (trigger !== 'ok') return fail(trigger);

  const open = context.state.createView(readJson(params.view) as Json);
  context.state.closeModals(context.state.modals.length);
  context.state.modals.push(open);
  return { ok: true, view: describeView(context, open) };
}

function pushView(context: WebApiContext, params: Json): Json {
  const problems = checkView(readJson(params.view), 'modal');
  if (problems.length > 0) return fail('invalid_arguments', problems);
  const trigger = context.state.useTrigger(params.trigger_id);
  if (trigger !== 'ok') return fail(trigger);
  if (context.state.modals.length === 0) return fail('not_found');
  if (context.state.modals.length >= MAX_MODAL_STACK) return fail('push_limit_reached');

  const open = context.state.createView(readJson(params.view) as Json);
  context.state.modals.push(open);
  return { ok: true, view: describeView(context, open) };
}

function updateView(context: WebApiContext, params: Json): Json {
  const current = context.state.findView(params.view_id);
  if (!current) return fail('not_found');
  if (typeof params.hash === 'string' && params.hash !== current.hash) return fail('hash_conflict');
  const isHome = current.view.type === 'home';
  const problems = checkView(readJson(params.view), isHome ? 'home' : 'modal');
  if (problems.length > 0) return fail('invalid_arguments', problems);

  const next = context.state.createView(readJson(params.view) as Json, current);
  if (isHome) context.state.homes.set(context.userId, next);
  else context.state.replaceModal(current, next);
  return { ok: true, view: describeView(context, next) };
}

function publishView(context: WebApiContext, params: Json): Json {
  if (params.user_id !== context.userId) return fail('user_not_found');
  const problems = checkView(readJson(params.view), 'home');
  if (problems.length > 0) return fail('invalid_arguments', problems);
  const current = context.state.homes.get(context.userId);
  if (current && typeof params.hash === 'string' && params.hash !== current.hash) return fail('hash_conflict');

  const next = context.state.createView(readJson(params.view) as Json, current);
  context.state.homes.set(context.userId, next);
  return { ok: true, view: describeView(context, next) };
}

function listGroupMembers(context: WebApiContext, params: Json): Json {
  const members = context.userGroups[String(params.usergroup)];
  return members ? { ok: true, users: [...members] } : fail('no_such_subteam');
}

/** A view as Slack returns it and sends it back in payloads: with its id, hash and current state. */
export function describeView(context: Pick<WebApiContext, 'teamId' | 'botId'>, open: OpenView): Json {
  return {
    ...open.view,
    id: open.id,
    hash: open.hash,
    team_id: context.teamId,
    bot_id: context.botId,
    root_view_id: open.id,
    state: { values: buildStateValues(open) },
  };
}

/** A message as Slack returns it and sends it back in block_actions payloads. */
export function describeMessage(context: Pick<WebApiContext, 'botId' | 'botUserId'>, message: PageMessage): Json {
  const author = message.author === 'bot' ? { user: context.botUserId, bot_id: context.botId } : {};
  const thread = message.threadTs ? { thread_ts: message.threadTs } : {};
  return { type: 'message', ts: message.ts, text: message.text, blocks: message.blocks, ...author, ...thread };
}

/** The page's HTML anchor of a message, which permalinks point at. */
export function anchorOf(message: PageMessage): string {
  return `m${message.ts.replace('.', '-')}`;
}

function resolveChannel(context: WebApiContext, channel: unknown): string | undefined {
  if (channel === context.channelId) return context.channelId;
  if (channel === context.userId || channel === directChannelOf(context.userId)) return directChannelOf(context.userId);
  return undefined;
}

function findBotMessage(
  context: WebApiContext,
  channel: unknown,
  ts: unknown,
): { message: PageMessage } | { error: Json } {
  const resolved = resolveChannel(context, channel);
  if (!resolved) return { error: fail('channel_not_found') };
  const message = context.state.findMessage(resolved, String(ts));
  if (!message || message.ephemeralTo) return { error: fail('message_not_found') };
  if (message.author !== 'bot') return { error: fail('cant_update_message') };
  return { message };
}

function readContent(params: Json): { text: string; blocks: Json[] } | { error: Json } {
  const blocks = readJson(params.blocks);
  const problems = checkMessageBlocks(blocks);
  if (problems.length > 0) return { error: fail('invalid_blocks', problems) };
  const text = typeof params.text === 'string' ? params.text : '';
  if (text === '' && (!Array.isArray(blocks) || blocks.length === 0)) return { error: fail('no_text') };
  return { text, blocks: Array.isArray(blocks) ? (blocks as Json[]) : [] };
}

/** Form bodies carry nested fields as JSON strings; JSON bodies carry them as they are. */
function readJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

function fail(error: string, messages?: string[]): Json {
  return messages ? { ok: false, error, response_metadata: { messages } } : { ok: false, error };
}
