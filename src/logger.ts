export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

const REDACTED = '[redacted]';
const MIN_SECRET_LENGTH = 4;

// Parameter and field names whose values are secret wherever they appear: form bodies, URLs, JSON and XML.
const SECRET_NAMES = [
  'instanceKey',
  'signature',
  'sessionId',
  'providerSessionId',
  'userPassword',
  'password',
  'token',
  'secret',
  'SessionId',
];

// name=value (form and query strings), "name":"value" (JSON, also inside an escaped string), <name>value</name> (XML).
const NAMED_VALUE_PATTERNS: Array<[RegExp, string]> = SECRET_NAMES.flatMap((name) => [
  [new RegExp(`(\\b${name}=)[^&\\s"\\\\]+`, 'g'), `$1${REDACTED}`],
  [new RegExp(`("${name}\\\\?"\\s*:\\s*\\\\?")(?:[^"\\\\]|\\\\(?!"))+`, 'g'), `$1${REDACTED}`],
  [new RegExp(`(<${name}>(?:\\s*<Value>)?)[^<]+`, 'g'), `$1${REDACTED}`],
]);

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
  child(name: string): Logger;
  /** Adds values (tokens, passwords, session ids) that must never appear in a log line. */
  addSecret(value: string | undefined): void;
}

export interface LoggerOptions {
  level?: LogLevel;
  name?: string;
  secrets?: string[];
  write?: (line: string) => void;
  now?: () => Date;
}

/**
 * A leveled logger that writes one JSON line per event. Redaction happens here, on the finished line,
 * so no caller can forget it: known secret values and the values of secret-named fields are replaced.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const shared: SharedState = {
    threshold: LOG_LEVELS.indexOf(options.level ?? 'info'),
    secrets: new Set(),
    sortedSecrets: [],
    write: options.write ?? ((line) => process.stdout.write(`${line}\n`)),
    now: options.now ?? (() => new Date()),
  };
  for (const secret of options.secrets ?? []) addSecretTo(shared, secret);
  return buildLogger(shared, options.name ?? 'bot');
}

/** A logger that drops everything; for tests and tools that do not care. */
export function createSilentLogger(): Logger {
  return createLogger({ level: 'error', write: () => undefined });
}

/** Replaces secret values and secret-named fields in any text: a log line, an error message, a URL. */
export function redactText(text: string, secrets: Iterable<string> = []): string {
  let result = text;
  for (const secret of secrets) result = result.split(secret).join(REDACTED);
  for (const [pattern, replacement] of NAMED_VALUE_PATTERNS) result = result.replace(pattern, replacement);
  return result;
}

interface SharedState {
  threshold: number;
  secrets: Set<string>;
  /** The secrets longest first, so a secret that contains another is replaced whole; sorted once per new secret. */
  sortedSecrets: string[];
  write: (line: string) => void;
  now: () => Date;
}

function buildLogger(shared: SharedState, name: string): Logger {
  const log = (level: LogLevel) => (message: string, context?: Record<string, unknown>) => {
    if (LOG_LEVELS.indexOf(level) < shared.threshold) return;
    const event = { time: shared.now().toISOString(), level, name, message, ...serialiseContext(context) };
    shared.write(redactText(safeStringify(event), shared.sortedSecrets));
  };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (childName) => buildLogger(shared, `${name}:${childName}`),
    addSecret: (value) => addSecretTo(shared, value),
  };
}

function addSecretTo(shared: SharedState, value: string | undefined): void {
  if (!value || value.length < MIN_SECRET_LENGTH) return;
  shared.secrets.add(value);
  // Secrets travel URL-encoded in form bodies and XML-escaped in answers; catch those spellings too.
  shared.secrets.add(encodeURIComponent(value));
  shared.secrets.add(escapeForXml(value));
  shared.secrets.add(JSON.stringify(value).slice(1, -1));
  shared.sortedSecrets = [...shared.secrets].sort((a, b) => b.length - a.length);
}

function serialiseContext(context?: Record<string, unknown>): Record<string, unknown> {
  if (!context) return {};
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(context)) {
    result[key] = value instanceof Error ? describeError(value) : value;
  }
  return result;
}

function describeError(error: Error): Record<string, unknown> {
  const fields: Record<string, unknown> = { type: error.name, message: error.message };
  const code = (error as { code?: unknown }).code;
  if (code !== undefined) fields.code = code;
  if (error.cause instanceof Error) fields.cause = { type: error.cause.name, message: error.cause.message };
  return fields;
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return JSON.stringify({ message: 'log event could not be serialised' });
  }
}

function escapeForXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
