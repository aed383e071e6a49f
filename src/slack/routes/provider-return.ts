import type { ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';

import { describeFailure } from '../../autopurchase/describe-failure';
import type { BotDeps } from '../deps';
import { readProviderState, STATE_LIFETIME_MS } from './provider-state';

export const PROVIDER_RETURN_PATH = '/provider/return';
// OT's names for what the provider sends back are not public; these are the simulator's (and our guess).
const ERROR_PARAMS = ['error', 'errorText', 'ErrorDescription'];
const MAX_SHOWN_ERROR = 300;

/**
 * Where the provider's log-in page sends the browser back. The state must be ours, fresh and unused; then
 * the page says whether the account now has a session, after asking OT for the session list.
 */
export function createProviderReturnRoute(deps: BotDeps): CustomRoute {
  return {
    path: PROVIDER_RETURN_PATH,
    method: ['GET'],
    handler: (request, response) => {
      const url = new URL(request.url ?? '/', 'http://bot');
      handleReturn(deps, url.searchParams).then(
        (page) => sendPage(response, page.status, page.text),
        (error: unknown) => {
          deps.logger.error('provider return failed', { error });
          sendPage(response, 500, 'Something went wrong in the bot. Try the Log in button again.');
        },
      );
    },
  };
}

async function handleReturn(deps: BotDeps, params: URLSearchParams): Promise<{ status: number; text: string }> {
  const state = readProviderState(deps.config.http.stateSecret, params.get('state') ?? '');
  if (typeof state === 'string') {
    deps.logger.warn(`provider return refused: ${state}`);
    return { status: 400, text: 'This log-in link is not valid or has expired. Ask the bot for a new one.' };
  }
  if (!(await deps.store.claim(`provider-state:${state.nonce}`, STATE_LIFETIME_MS))) {
    deps.logger.warn(`provider return refused: the state for ${state.account} was used already`);
    return { status: 400, text: 'This log-in link was used already. Ask the bot for a new one.' };
  }

  const providerError = ERROR_PARAMS.map((name) => params.get(name)).find(Boolean);
  if (providerError) {
    deps.logger.warn(`log-in to ${state.account} failed at the provider`, { userId: state.userId });
    return { status: 200, text: `The log-in to ${state.account} failed: ${providerError.slice(0, MAX_SHOWN_ERROR)}` };
  }
  try {
    const sessions = await deps.ot.getProviderSessions();
    const held = sessions.some((session) => session.name === state.account);
    deps.logger.info(`provider return for ${state.account}: ${held ? 'session held' : 'no session'}`, {
      userId: state.userId,
    });
    return held
      ? { status: 200, text: `${state.account} is logged in: OT holds its session now. You can close this page.` }
      : { status: 200, text: `OT lists no session for ${state.account} yet. Try the Log in button again.` };
  } catch (error) {
    return { status: 502, text: `Could not check the session with OT: ${describeFailure(error)}` };
  }
}

function sendPage(response: ServerResponse, status: number, text: string): void {
  const escaped = text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Provider log-in</title></head>` +
      `<body><p>${escaped}</p></body></html>`,
  );
}
