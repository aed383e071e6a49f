import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Logger } from '../../logger';
import { readBody, send } from '../http';
import { parseBody, redirect, sendJson } from './http';
import {
  closeModal,
  keepValues,
  openHome,
  type PersonContext,
  postAsPerson,
  pressButton,
  runCommand,
  runShortcut,
  submitModal,
} from './person';
import { PAGE_CSP, type PageModel, renderChannelPage, renderHomePage } from './render-page';
import { answerResponseUrl } from './response-url';
import type { Json, OpenView } from './state';
import { answerWebApi, type WebApiContext } from './web-api';

// The page's routes: the Web API and response_urls for the bot, and the pages and forms for the person. Every form
// posts, waits for the bot's ack, and sends the browser back to the page it came from.

const API_PATH = /^\/api\/([A-Za-z0-9_.]+)$/;
const RESPONSE_PATH = /^\/response\/([0-9a-f]+)$/;
const BACK_PAGES = ['/', '/home'];
const PRESS_VALUE = /^(\d{1,3}):(\d{1,3}|accessory)$/;

export interface RouteContext {
  person: PersonContext;
  web: WebApiContext;
  page: PageModel;
  /** The page's own origin: forms posted from elsewhere are refused. */
  origin: () => string;
  logger: Logger;
}

type FormHandler = (context: RouteContext, form: URLSearchParams) => Promise<string>;

const FORMS: Record<string, FormHandler> = {
  '/command': async (context, form) => {
    await runCommand(context.person, form.get('text') ?? '');
    return '/';
  },
  '/say': async (context, form) => {
    postAsPerson(context.person, form.get('text') ?? '');
    return '/';
  },
  '/press': pressFromForm,
  '/modal/submit': async (context, form) => {
    const open = context.person.state.topModal();
    if (open && open.id === form.get('view')) await submitModal(context.person, valuesFromForm(open, form));
    return backOf(form);
  },
  '/modal/close': async (context, form) => {
    if (context.person.state.topModal()?.id === form.get('view')) await closeModal(context.person);
    return backOf(form);
  },
  '/shortcut': async (context, form) => {
    await runShortcut(context.person, form.get('message') ?? '', form.get('callback') ?? '');
    return '/';
  },
};

export async function route(context: RouteContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://page').pathname;
  if (request.method === 'GET') return routeGet(context, path, response);
  if (request.method !== 'POST') return send(response, 405, { 'content-type': 'text/plain' }, 'Method not allowed\n');

  const body = await readBody(request);
  if (body === undefined) return send(response, 413, { 'content-type': 'text/plain' }, 'Request too large\n');
  const api = API_PATH.exec(path);
  if (api) return sendJson(response, 200, callWebApi(context, api[1], body, request));
  const responseUrl = RESPONSE_PATH.exec(path);
  if (responseUrl) {
    const answer = answerResponseUrl(
      context.person.state,
      context.person.identity.userId,
      responseUrl[1],
      readResponseBody(body, request.headers['content-type']),
      context.logger,
    );
    return sendJson(response, answer.status, answer.body);
  }

  const handler = FORMS[path];
  if (!handler) return send(response, 404, { 'content-type': 'text/plain' }, 'Not found\n');
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== context.origin()) {
    return send(response, 403, { 'content-type': 'text/plain' }, 'Forms of the sandbox page only\n');
  }
  redirect(response, await runForm(context, handler, new URLSearchParams(body)));
}

async function routeGet(context: RouteContext, path: string, response: ServerResponse): Promise<void> {
  const html = (page: string) =>
    send(response, 200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PAGE_CSP }, page);
  if (path === '/') return html(renderChannelPage(context.page));
  if (path === '/home') return html(renderHomePage(context.page));
  if (path === '/version') return sendJson(response, 200, { version: context.person.state.version });
  if (path === '/home/open') {
    // Opening the tab is what tells the bot; the tab itself (/home) only shows what the bot published, so that
    // reloading it does not ask the bot to draw it again.
    await openHome(context.person);
    return redirect(response, '/home');
  }
  send(response, 404, { 'content-type': 'text/plain' }, 'Not found\n');
}

/** A form's action; a button or modal that has gone meanwhile is told on the page, not as an error page. */
async function runForm(context: RouteContext, handler: FormHandler, form: URLSearchParams): Promise<string> {
  try {
    return await handler(context, form);
  } catch (error) {
    context.logger.warn('a form of the page could not be done', { error });
    context.person.state.note('warn', error instanceof Error ? `Not done: ${error.message}.` : 'Not done.');
    return backOf(form);
  }
}

async function pressFromForm(context: RouteContext, form: URLSearchParams): Promise<string> {
  const press = PRESS_VALUE.exec(form.get('press') ?? '');
  if (!press) throw new Error('the page sent no button');
  const viewId = form.get('view') ?? undefined;
  const open = context.person.state.topModal();
  // A button inside a modal carries what was typed so far, as Slack's block_actions state does.
  if (open && open.id === viewId) keepValues(open, valuesFromForm(open, form));

  await pressButton(context.person, {
    messageTs: form.get('message') ?? undefined,
    viewId,
    blockIndex: Number(press[1]),
    element: press[2] === 'accessory' ? 'accessory' : Number(press[2]),
  });
  return backOf(form);
}

/** The modal's inputs come as `input-{blockIndex}`; the view names them by block_id. */
function valuesFromForm(open: OpenView, form: URLSearchParams): Record<string, string> {
  const values: Record<string, string> = {};
  const blocks = (open.view.blocks ?? []) as Json[];
  blocks.forEach((block, index) => {
    const value = form.get(`input-${index}`);
    if (block.type === 'input' && value !== null) values[String(block.block_id)] = value;
  });
  return values;
}

function callWebApi(context: RouteContext, method: string, body: string, request: IncomingMessage): Json {
  const params = parseBody(body, request.headers['content-type']);
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const token = bearer ?? (typeof params.token === 'string' ? params.token : undefined);
  try {
    return answerWebApi(context.web, method, params, token);
  } catch (error) {
    // An HTTP error would make the bot's Web API client retry for half an hour; Slack says internal_error.
    context.logger.error(`Web API ${method} failed in the sandbox page`, { error });
    return { ok: false, error: 'internal_error' };
  }
}

/** Bots post JSON to a response_url; a form body carries it as `payload`. */
function readResponseBody(body: string, contentType: string | undefined): Json {
  const parsed = parseBody(body, contentType);
  if (typeof parsed.payload !== 'string') return parsed;
  return parseBody(parsed.payload, 'application/json');
}

function backOf(form: URLSearchParams): string {
  const back = form.get('back') ?? '/';
  return BACK_PAGES.includes(back) ? back : '/';
}
