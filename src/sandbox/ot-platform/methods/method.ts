import type { ActivityBoard } from '../activities/engine';
import { SimError, validationError, type XmlTree } from '../wire';
import type { Customer, SessionRecord, World } from '../world';

/** Which session a method wants in `sessionId`, as reference §3.1 lists it. */
export type SessionKind = 'none' | 'operator' | 'customer';

export interface MethodCall {
  method: string;
  params: Readonly<Record<string, string>>;
  world: World;
  board: ActivityBoard;
  now: Date;
  language: string;
  /** Base URL of the simulator itself, for the links it hands out (the provider log-in page). */
  baseUrl: string;
  session?: SessionRecord;
  /** The customer of a customer session. */
  customer?: Customer;
}

export interface SimMethod {
  /** Root element of the answer, named after OT's answer type. */
  answer: string;
  session: SessionKind;
  /** Root fields after the envelope (usually `{ Result }`), or nothing for a void answer. */
  handle(call: MethodCall): XmlTree | undefined;
}

export function requiredParam(call: MethodCall, name: string): string {
  const value = call.params[name];
  if (value === undefined || value.trim() === '') {
    throw validationError('InvalidInputValue', `Parameter ${name} is required`);
  }
  return value;
}

/** Amounts: a decimal with a dot and at most two places, above zero. */
export function amountParam(call: MethodCall, name: string): number {
  const text = requiredParam(call, name);
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(text) || !(Number(text) > 0)) {
    throw validationError('InvalidInputValue', `Parameter ${name} must be a positive amount like 1000.23, not ${text}`);
  }
  return Number(text);
}

export function integerParam(call: MethodCall, name: string, fallback: number, max: number): number {
  const text = call.params[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > max) {
    throw validationError('InvalidInputValue', `Parameter ${name} must be a whole number from 0 to ${max}`);
  }
  return value;
}

export function requireCustomer(call: MethodCall): Customer {
  if (!call.customer) throw new SimError('AccessDenied', 'CustomerSessionRequired', 'A customer session is required');
  return call.customer;
}
