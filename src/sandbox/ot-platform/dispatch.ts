import type { Logger } from '../../logger';
import type { ActivityBoard } from './activities/engine';
import type { Faults } from './faults';
import { settleProviderOrders } from './market';
import { ACTIVITY_METHODS } from './methods/activities';
import { AUTH_METHODS, findSession } from './methods/auth';
import type { MethodCall, SimMethod } from './methods/method';
import { ORDER_METHODS } from './methods/orders';
import { PAYMENT_METHODS } from './methods/payments';
import { PROVIDER_METHODS } from './methods/providers';
import { checkSignature } from './signature';
import { capitalise } from './text';
import { SimError, writeAnswer } from './wire';
import type { World } from './world';

const METHODS: Readonly<Record<string, SimMethod>> = {
  ...AUTH_METHODS,
  ...ORDER_METHODS,
  ...PAYMENT_METHODS,
  ...PROVIDER_METHODS,
  ...ACTIVITY_METHODS,
};
const MAX_RECORDED_CALLS = 1_000;
const SECRET_PARAMS = new Set(['userPassword', 'signature']);

export const METHOD_NAMES = Object.keys(METHODS);

/** A call as the simulator received it, for tests that assert what OT was asked (passwords blanked). */
export interface RecordedCall {
  method: string;
  params: Record<string, string>;
  at: Date;
}

export interface ServiceAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface DispatchOptions {
  world: World;
  board: ActivityBoard;
  faults: Faults;
  logger: Logger;
  instanceKey: string;
  secret?: string;
  baseUrl: () => string;
  calls: RecordedCall[];
}

/** Handles one `/service/{Method}` request: envelope checks, session, the method, the armed faults. */
export function dispatch(options: DispatchOptions, method: string, params: Record<string, string>): ServiceAnswer {
  const { world, board, faults, logger } = options;
  const now = world.clock.now();
  settleProviderOrders(world);
  board.settleAll(now);
  record(options.calls, method, params, now);

  const handler = Object.hasOwn(METHODS, method) ? METHODS[method] : undefined;
  if (!handler) return { status: 404, contentType: 'text/plain; charset=utf-8', body: `No such method: ${method}\n` };
  if (faults.take('http500', method)) {
    return {
      status: 500,
      contentType: 'text/html; charset=utf-8',
      body: '<html><body>Internal Server Error</body></html>',
    };
  }

  const requestId = world.random.guid();
  const started = process.hrtime.bigint();
  let body: string;
  try {
    const call = checkRequest(options, handler, method, params, now);
    body = writeAnswer({
      answerName: handler.answer,
      requestId,
      requestTimeMs: elapsedMs(started),
      body: handler.handle(call),
    });
    logger.debug(`OT simulator answered ${method}`);
  } catch (error) {
    const simError = error instanceof SimError ? error : internalError(logger, method, error);
    logger.info(`OT simulator refused ${method}: ${simError.errorCode}/${simError.subErrorCode}`, {
      description: simError.message,
    });
    body = writeAnswer({ answerName: handler.answer, requestId, requestTimeMs: elapsedMs(started), error: simError });
  }
  if (faults.take('malformed', method)) body = body.slice(0, Math.floor(body.length / 2));
  return { status: 200, contentType: 'text/xml; charset=utf-8', body };
}

function checkRequest(
  options: DispatchOptions,
  handler: SimMethod,
  method: string,
  params: Record<string, string>,
  now: Date,
): MethodCall {
  const { world, faults } = options;
  if (faults.instanceKeyBan) throw new SimError('InstanceKeyBan', 'InstanceKeyBan', 'The instance key is blocked');
  if (params.instanceKey !== options.instanceKey) {
    throw new SimError('AccessDenied', 'InvalidInstanceKey', 'The instance key is not valid');
  }
  if (options.secret) checkSignature(method, params, options.secret, now);

  const call: MethodCall = {
    method,
    params,
    world,
    board: options.board,
    now,
    language: params.language || 'en',
    baseUrl: options.baseUrl(),
  };
  if (handler.session === 'none') return call;

  if (faults.take('sessionExpired', method) && params.sessionId) world.sessions.delete(params.sessionId);
  const session = findSession(world, params.sessionId, now);
  if (!session) throw new SimError('SessionExpired', 'SessionExpired', 'Session expired or does not exist');
  if (session.kind !== handler.session) {
    throw new SimError(
      'AccessDenied',
      `${capitalise(handler.session)}SessionRequired`,
      `${method} needs a ${handler.session} session`,
    );
  }
  const customer = session.customerId ? world.customers.get(session.customerId) : undefined;
  return { ...call, session, customer };
}

function internalError(logger: Logger, method: string, error: unknown): SimError {
  logger.error(`OT simulator failed in ${method}`, { error });
  return new SimError('InternalError', 'InternalError', 'Internal error of the simulator');
}

function record(calls: RecordedCall[], method: string, params: Record<string, string>, at: Date): void {
  const shown = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, SECRET_PARAMS.has(name) ? '***' : value]),
  );
  calls.push({ method, params: shown, at });
  if (calls.length > MAX_RECORDED_CALLS) calls.splice(0, calls.length - MAX_RECORDED_CALLS);
}

function elapsedMs(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e6;
}
