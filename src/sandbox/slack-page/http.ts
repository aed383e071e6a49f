import type { IncomingMessage, Server, ServerResponse } from 'node:http';

import type { Json } from './state';

// Small HTTP helpers of the page's server: bounded bodies, answers, start and stop.

const MAX_BODY_BYTES = 1024 * 1024;

/** The body as text; undefined when it is larger than a Slack request ever is. */
export function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

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

export function send(response: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  response.writeHead(status, headers);
  response.end(body);
}

export function sendJson(response: ServerResponse, status: number, body: Json): void {
  send(response, status, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify(body));
}

export function redirect(response: ServerResponse, location: string): void {
  send(response, 303, { location }, '');
}

export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
