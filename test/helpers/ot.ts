import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import nock from 'nock';

import { createLogger, type Logger } from '../../src/logger';
import { OtClient, type OtClientOptions } from '../../src/ot/client';
import type { CallPolicies } from '../../src/ot/policies';

export const OT_BASE_URL = 'http://ot.test/service/';
export const OT_ORIGIN = 'http://ot.test';
export const INSTANCE_KEY = 'instance-key-5c3e9a1f';
export const OPERATOR = { login: 'operator', password: 'operator-password-77' };
export const CUSTOMER = { login: 'autopurchase-customer', password: 'customer-password-88' };

/** Short timeouts, no waiting between retries: the transport's behaviour without the clock. */
export const FAST_POLICIES: CallPolicies = {
  interactive: { name: 'interactive', timeoutMs: 500, retries: 1, retryDelayMs: 0 },
  background: { name: 'background', timeoutMs: 500, retries: 2, retryDelayMs: 0 },
};

export interface TestLogger {
  logger: Logger;
  lines: string[];
}

export function createTestLogger(): TestLogger {
  const lines: string[] = [];
  return { logger: createLogger({ level: 'debug', write: (line) => lines.push(line) }), lines };
}

export function createTestClient(overrides: Partial<OtClientOptions> = {}): OtClient {
  return new OtClient({
    baseUrl: OT_BASE_URL,
    instanceKey: INSTANCE_KEY,
    language: 'en',
    operator: OPERATOR,
    customer: CUSTOMER,
    providerType: 'Taobao',
    logger: createTestLogger().logger,
    policies: FAST_POLICIES,
    sleep: async () => undefined,
    ...overrides,
  });
}

export function fixture(name: string): string {
  return readFileSync(join(__dirname, '..', 'fixtures', 'ot', name), 'utf8');
}

export type Form = Record<string, string>;

/** The form body nock hands to a body matcher, as a plain object. */
export function formOf(body: unknown): Record<string, string> {
  if (typeof body === 'string') return Object.fromEntries(new URLSearchParams(body));
  return body as Record<string, string>;
}

export function sessionAnswer(sessionId: string): string {
  const envelope = '<ErrorCode>Ok</ErrorCode>';
  return `<SessionIdAnswer>${envelope}<SessionId><Value>${sessionId}</Value></SessionId></SessionIdAnswer>`;
}

/** Intercepts the operator login, answering with the given session id. */
export function expectOperatorLogin(scope: nock.Scope, sessionId = 'operator-session-1'): nock.Scope {
  return scope
    .post('/service/AuthenticateInstanceOperator', (body) => formOf(body).userLogin === OPERATOR.login)
    .reply(200, sessionAnswer(sessionId));
}

export function otScope(): nock.Scope {
  return nock(OT_ORIGIN);
}

/** A nock body matcher that accepts every body and copies its form into `into`, for assertions after the call. */
export function capture(into: Form) {
  return (body: unknown) => {
    Object.assign(into, formOf(body));
    return true;
  };
}

/** Intercepts one call of `method`, after the operator login unless told, keeping every form it was sent with. */
export function expectCall(method: string, answer: string, options: { login?: boolean } = {}) {
  const forms: Form[] = [];
  const scope = options.login === false ? otScope() : expectOperatorLogin(otScope(), 'op-1');
  scope
    .post(`/service/${method}`, (body) => {
      forms.push(formOf(body));
      return true;
    })
    .reply(200, answer);
  return { scope, forms };
}

/** The whole form of a call in the operator session `op-1` that expectCall logs in. */
export function operatorForm(fields: Form): Form {
  return { instanceKey: INSTANCE_KEY, language: 'en', sessionId: 'op-1', ...fields };
}
