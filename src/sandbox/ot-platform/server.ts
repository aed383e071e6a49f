import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createSilentLogger, type Logger } from '../../logger';
import { closeServer, listen, readBody, send } from '../http';
import { ActivityBoard } from './activities/engine';
import { createClock, type SimClock } from './clock';
import { dispatch, type RecordedCall } from './dispatch';
import { Faults } from './faults';
import { showLoginPage, submitLogin } from './login-page';
import { createRandom } from './random';
import { Scripts } from './scripts';
import { SEED, seedWorld } from './seed';
import { CLOCK_STEPS, renderStatusPage } from './status-page';
import { type Credentials, DEFAULT_TIMINGS, type Timings, World } from './world';

export interface OtPlatformOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Seed of every generated id; the same seed and the same calls give the same answers. */
  seed?: number;
  clock?: SimClock;
  instanceKey?: string;
  /** When set, every request must be signed with it (reference §1.4). */
  secret?: string;
  operator?: Credentials;
  timings?: Partial<Timings>;
  logger?: Logger;
}

export interface OtPlatform {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** What OT_API_URL is set to: `<url>/service/`. */
  serviceUrl: string;
  clock: SimClock;
  world: World;
  faults: Faults;
  script: Scripts;
  /** Every call received, oldest first (the last thousand). */
  calls: RecordedCall[];
  close(): Promise<void>;
}

/** Starts the OT Platform simulator on loopback. */
export async function startOtPlatform(options: OtPlatformOptions = {}): Promise<OtPlatform> {
  const clock = options.clock ?? createClock();
  const random = createRandom(options.seed ?? 1);
  const world = new World(clock, random, { ...DEFAULT_TIMINGS, ...options.timings }, options.operator ?? SEED.operator);
  seedWorld(world);
  const board = new ActivityBoard(random);
  const faults = new Faults();
  const logger = options.logger ?? createSilentLogger();
  const calls: RecordedCall[] = [];
  let url = '';

  const dispatchOptions = {
    world,
    board,
    faults,
    logger,
    instanceKey: options.instanceKey ?? SEED.instanceKey,
    secret: options.secret,
    baseUrl: () => url,
    calls,
  };
  const server = createServer((request, response) => {
    route(request, response, dispatchOptions).catch((error: unknown) => {
      logger.error('OT simulator could not answer a request', { error });
      if (!response.headersSent) send(response, 500, { 'content-type': 'text/plain' }, 'Internal error\n');
      else response.destroy();
    });
  });
  await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  url = `http://${options.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;

  return {
    url,
    serviceUrl: `${url}/service/`,
    clock,
    world,
    faults,
    script: new Scripts(world),
    calls,
    close: () => closeServer(server),
  };
}

async function route(
  request: IncomingMessage,
  response: ServerResponse,
  options: Parameters<typeof dispatch>[0],
): Promise<void> {
  const address = new URL(request.url ?? '/', 'http://simulator');
  const body = request.method === 'POST' ? await readBody(request) : '';
  if (body === undefined) return send(response, 413, { 'content-type': 'text/plain' }, 'Request too large\n');

  const service = /^\/service\/([A-Za-z0-9]+)$/.exec(address.pathname);
  if (service && (request.method === 'POST' || request.method === 'GET')) {
    const params = { ...Object.fromEntries(address.searchParams), ...Object.fromEntries(new URLSearchParams(body)) };
    if (options.faults.latencyMs > 0) await delay(options.faults.latencyMs);
    if (response.destroyed) return;
    const answer = dispatch(options, service[1], params);
    return send(response, answer.status, { 'content-type': answer.contentType }, answer.body);
  }
  if (address.pathname === '/provider/login') {
    const page =
      request.method === 'POST'
        ? submitLogin(options.world, new URLSearchParams(body))
        : showLoginPage(options.world, address.searchParams.get('ticket') ?? undefined);
    return send(response, page.status, page.headers, page.body);
  }
  if (address.pathname === '/' && request.method === 'GET') {
    return send(response, 200, { 'content-type': 'text/html; charset=utf-8' }, renderStatusPage(options.world));
  }
  if (address.pathname === '/simulator/clock' && request.method === 'POST') {
    const step = CLOCK_STEPS[new URLSearchParams(body).get('step') ?? ''];
    if (step === undefined) return send(response, 400, { 'content-type': 'text/plain' }, 'Unknown clock step\n');
    options.world.clock.advance(step);
    return send(response, 303, { location: '/' }, '');
  }
  send(response, 404, { 'content-type': 'text/plain' }, 'Not found\n');
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
