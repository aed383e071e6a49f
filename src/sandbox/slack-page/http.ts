import type { ServerResponse } from 'node:http';

import { send } from '../http';

import type { Json } from './state';

// HTTP helpers of the page's server beyond the sandbox's shared ones: Slack's body forms, JSON, redirects.

/** A JSON body or a form body; Slack's clients send both. Form fields stay strings. */
export function parseBody(body: string, contentType: string | undefined): Json {
  if (contentType?.includes('application/json')) {
    try {
      const value: unknown = JSON.parse(body);
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(body));
}

export function sendJson(response: ServerResponse, status: number, body: Json): void {
  send(response, status, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify(body));
}

export function redirect(response: ServerResponse, location: string): void {
  send(response, 303, { location }, '');
}
