import { directChannelOf, type Json } from './state';

// The bodies Slack posts to an app, shaped as Slack's reference pages show them, with the fields Bolt and the bot
// read. Slash commands and interactions are form bodies; events are JSON.

/** Who and where the person on the page is, as Slack names them in every payload. */
export interface PageIdentity {
  userId: string;
  userName: string;
  channelId: string;
  channelName: string;
  teamId: string;
  teamDomain: string;
  apiAppId: string;
  /** The bot user's id, named in an event's authorizations. */
  botUserId: string;
}

export interface CommandRequest {
  command: string;
  text: string;
  triggerId: string;
  responseUrl: string;
}

export interface ButtonAction {
  action_id: string;
  block_id: string;
  type: 'button';
  text: Json;
  value?: string;
  style?: string;
}

export interface BlockActionsRequest {
  triggerId: string;
  action: ButtonAction;
  /** Buttons on messages: where the bot's answer goes. */
  responseUrl?: string;
  /** The message the button is on, or undefined for a button in a view. */
  message?: { ts: string; channel: string; ephemeral: boolean; described: Json };
  /** The view the button is in (modal or App Home), as describeView gives it. */
  view?: Json;
}

/** The legacy verification token Slack still sends; Bolt ignores it. */
const VERIFICATION_TOKEN = 'sandbox-verification-token';

export function buildCommandBody(identity: PageIdentity, request: CommandRequest): string {
  return new URLSearchParams({
    token: VERIFICATION_TOKEN,
    team_id: identity.teamId,
    team_domain: identity.teamDomain,
    channel_id: identity.channelId,
    channel_name: identity.channelName,
    user_id: identity.userId,
    user_name: identity.userName,
    command: request.command,
    text: request.text,
    api_app_id: identity.apiAppId,
    is_enterprise_install: 'false',
    response_url: request.responseUrl,
    trigger_id: request.triggerId,
  }).toString();
}

/** An interaction payload as the `payload` field of a form body. */
export function buildInteractionBody(payload: Json): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function buildBlockActions(identity: PageIdentity, request: BlockActionsRequest, actionTs: string): Json {
  const { message, view } = request;
  const container = message
    ? { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: message.ephemeral }
    : { type: 'view', view_id: view?.id };
  return {
    ...common(identity, 'block_actions', request.triggerId),
    container,
    ...(message ? { channel: { id: message.channel, name: identity.channelName } } : {}),
    // Slack leaves the message out for ephemeral messages.
    ...(message && !message.ephemeral ? { message: message.described } : {}),
    ...(view ? { view } : {}),
    ...(request.responseUrl ? { response_url: request.responseUrl } : {}),
    state: { values: (view?.state as Json | undefined)?.values ?? {} },
    actions: [{ ...request.action, action_ts: actionTs }],
  };
}

export function buildViewSubmission(identity: PageIdentity, triggerId: string, view: Json): Json {
  return { ...common(identity, 'view_submission', triggerId), view, response_urls: [] };
}

export function buildViewClosed(identity: PageIdentity, view: Json): Json {
  const { trigger_id: _unused, ...rest } = common(identity, 'view_closed', '');
  return { ...rest, view, is_cleared: false };
}

export function buildMessageAction(
  identity: PageIdentity,
  request: { callbackId: string; triggerId: string; responseUrl: string; message: Json; channel: string },
): Json {
  return {
    ...common(identity, 'message_action', request.triggerId),
    callback_id: request.callbackId,
    response_url: request.responseUrl,
    message_ts: request.message.ts,
    message: request.message,
    channel: { id: request.channel, name: identity.channelName },
  };
}

/** An Events API callback: `app_home_opened` for the home tab. */
export function buildAppHomeOpened(identity: PageIdentity, eventId: string, eventTs: string, view?: Json): string {
  return JSON.stringify({
    token: VERIFICATION_TOKEN,
    team_id: identity.teamId,
    api_app_id: identity.apiAppId,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Number(eventTs)),
    event: {
      type: 'app_home_opened',
      user: identity.userId,
      channel: directChannelOf(identity.userId),
      tab: 'home',
      event_ts: eventTs,
      ...(view ? { view } : {}),
    },
    authorizations: [{ enterprise_id: null, team_id: identity.teamId, user_id: identity.botUserId, is_bot: true }],
    is_ext_shared_channel: false,
  });
}

function common(identity: PageIdentity, type: string, triggerId: string): Json {
  return {
    type,
    token: VERIFICATION_TOKEN,
    api_app_id: identity.apiAppId,
    team: { id: identity.teamId, domain: identity.teamDomain },
    user: { id: identity.userId, username: identity.userName, name: identity.userName, team_id: identity.teamId },
    trigger_id: triggerId,
    is_enterprise_install: false,
  };
}
