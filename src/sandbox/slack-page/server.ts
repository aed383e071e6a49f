import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createSilentLogger, type Logger } from '../../logger';
import { closeServer, listen, send } from '../http';
import type { BotAnswer } from './bot-requests';
import * as person from './person';
import { type RouteContext, route } from './routes';
import { type Json, type OpenView, type PageMessage, SlackState, TRIGGER_LIFETIME_MS } from './state';

// A stand-in Slack on loopback for `npm run sandbox`: the Web API the bot calls, the response_urls it answers, and a
// page where a person types commands, reads the answers, presses buttons and fills modals as in Slack.

export interface MessageShortcut {
  callbackId: string;
  name: string;
}

export interface SlackPageOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** The bot's base URL (its /slack/events gets the requests); a function when the bot starts after the page. */
  botUrl: string | (() => string);
  signingSecret: string;
  botToken: string;
  /** The person on the page; default U0SANDBOX. */
  userId?: string;
  userName?: string;
  /** The one channel the page shows; default C0SANDBOX. */
  channelId?: string;
  channelName?: string;
  botId?: string;
  botUserId?: string;
  /** The slash command a typed line without one runs; default /ot. */
  command?: string;
  /** Message shortcuts offered on each channel message, as the app manifest declares them. */
  messageShortcuts?: MessageShortcut[];
  /** Members of user groups, for usergroups.users.list. */
  userGroups?: Record<string, string[]>;
  /** How long a trigger_id opens a modal; Slack's 3 seconds by default. */
  triggerLifetimeMs?: number;
  now?: () => number;
  logger?: Logger;
}

/** Where a button is: a message by its index in messages(), or the open modal, or the App Home tab. */
export type ButtonPlace = number | 'modal' | 'home';

export interface ModalSnapshot {
  id: string;
  view: Json;
  /** What is typed or chosen, by block_id. */
  values: Record<string, string>;
  errors: Record<string, string>;
  problem?: string;
  /** How many modals are stacked, this one on top. */
  depth: number;
}

export interface SlackPage {
  /** `http://127.0.0.1:<port>`: the page. */
  url: string;
  /** What SLACK_API_URL is set to: `<url>/api/`. */
  apiUrl: string;
  /** Runs a typed line (`/ot help`, or `help` for the default command); resolves on the bot's ack. */
  sendCommand(text: string): Promise<BotAnswer | undefined>;
  /** Presses the first button with this action id (and value, when given) on a message, the modal or App Home. */
  pressButton(place: ButtonPlace, actionId: string, value?: string): Promise<BotAnswer>;
  /** Submits the top modal; values by block_id or action_id, text or an option's value, over what is typed. */
  submitModal(values?: Record<string, string>): Promise<BotAnswer | undefined>;
  closeModal(): Promise<void>;
  /** Opens the App Home tab: app_home_opened goes to the bot, which publishes the view. */
  openHome(): Promise<BotAnswer>;
  /** Posts a message in the channel as the person. */
  postMessage(text: string): PageMessage | undefined;
  /** Runs a message shortcut on a channel message, by its index in messages(). */
  runShortcut(messageIndex: number, callbackId: string): Promise<BotAnswer>;
  /** The messages the person sees, oldest first: channel, direct and ephemeral ones. */
  messages(): PageMessage[];
  modal(): ModalSnapshot | undefined;
  /** The App Home view the bot last published. */
  home(): Json | undefined;
  close(): Promise<void>;
}

/** Starts the local Slack page on loopback. */
export async function startSlackPage(options: SlackPageOptions): Promise<SlackPage> {
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? createSilentLogger();
  let url = '';
  const context = buildContext(options, logger, () => url);

  const server = createServer((request, response) => {
    route(context, request, response).catch((error: unknown) => {
      logger.error('the sandbox page could not answer a request', { error });
      if (!response.headersSent) send(response, 500, { 'content-type': 'text/plain' }, 'Internal error\n');
      else response.destroy();
    });
  });
  await listen(server, options.port ?? 0, host);
  url = `http://${host}:${(server.address() as AddressInfo).port}`;
  logger.info(`sandbox Slack page on ${url}/, Web API ${url}/api/`);

  return buildPage(context, url, () => closeServer(server));
}

function buildContext(options: SlackPageOptions, logger: Logger, pageUrl: () => string): RouteContext {
  const now = options.now ?? Date.now;
  const state = new SlackState({ now, triggerLifetimeMs: options.triggerLifetimeMs ?? TRIGGER_LIFETIME_MS });
  const identity = {
    userId: options.userId ?? 'U0SANDBOX',
    userName: options.userName ?? 'operator',
    channelId: options.channelId ?? 'C0SANDBOX',
    channelName: options.channelName ?? 'ops',
    teamId: 'T0SANDBOX',
    teamDomain: 'sandbox',
    apiAppId: 'A0SANDBOX',
    botUserId: options.botUserId ?? 'U0SANDBOXBOT',
  };
  const botId = options.botId ?? 'B0SANDBOX';
  const command = options.command ?? '/ot';
  return {
    person: {
      state,
      identity,
      botId,
      command,
      pageUrl,
      connection: { botUrl: options.botUrl, signingSecret: options.signingSecret, logger, now },
    },
    web: {
      state,
      botToken: options.botToken,
      botId,
      botUserId: identity.botUserId,
      userId: identity.userId,
      channelId: identity.channelId,
      teamId: identity.teamId,
      userGroups: options.userGroups ?? {},
      get pageUrl() {
        return pageUrl();
      },
      logger: logger.child('web-api'),
    },
    page: {
      state,
      userId: identity.userId,
      channelId: identity.channelId,
      channelName: identity.channelName,
      command,
      shortcuts: options.messageShortcuts ?? [],
    },
    origin: pageUrl,
    logger,
  };
}

function buildPage(context: RouteContext, url: string, close: () => Promise<void>): SlackPage {
  const { person: personContext } = context;
  const { state } = personContext;
  const visible = () =>
    state.messages.filter((message) => !message.ephemeralTo || message.ephemeralTo === personContext.identity.userId);
  return {
    url,
    apiUrl: `${url}/api/`,
    sendCommand: (text) => person.runCommand(personContext, text),
    pressButton: (place, actionId, value) =>
      person.pressButton(personContext, locateButton(context, visible(), place, actionId, value)),
    submitModal: (values = {}) => person.submitModal(personContext, values),
    closeModal: () => person.closeModal(personContext),
    openHome: () => person.openHome(personContext),
    postMessage: (text) => person.postAsPerson(personContext, text),
    runShortcut: (messageIndex, callbackId) =>
      person.runShortcut(personContext, requireMessage(visible(), messageIndex).ts, callbackId),
    messages: () => structuredClone(visible()),
    modal: () => {
      const top = state.topModal();
      return top && { ...structuredClone(top), depth: state.modals.length };
    },
    home: () => structuredClone(state.homes.get(personContext.identity.userId)?.view),
    close,
  };
}

function locateButton(
  context: RouteContext,
  messages: PageMessage[],
  place: ButtonPlace,
  actionId: string,
  value: string | undefined,
): person.ButtonRef {
  const state = context.person.state;
  const view: OpenView | undefined =
    place === 'modal'
      ? state.topModal()
      : place === 'home'
        ? state.homes.get(context.person.identity.userId)
        : undefined;
  const message = typeof place === 'number' ? requireMessage(messages, place) : undefined;
  const blocks = (message?.blocks ?? view?.view.blocks ?? []) as Json[];

  for (const [blockIndex, block] of blocks.entries()) {
    const elements: Array<[number | 'accessory', unknown]> = Array.isArray(block.elements)
      ? block.elements.map((element, index) => [index, element])
      : [['accessory', block.accessory]];
    for (const [element, candidate] of elements) {
      const button = candidate as Json | undefined;
      if (button?.type !== 'button' || button.action_id !== actionId) continue;
      if (value !== undefined && button.value !== value) continue;
      return { messageTs: message?.ts, viewId: view?.id, blockIndex, element };
    }
  }
  throw new Error(`no button ${actionId}${value === undefined ? '' : ` with value ${value}`} in ${String(place)}`);
}

function requireMessage(messages: PageMessage[], index: number): PageMessage {
  const message = messages[index];
  if (!message) throw new Error(`there is no message ${index}; the page shows ${messages.length}`);
  return message;
}
