/** What went wrong on an OT API call; each subclass carries the fields a caller needs to react. */
export type OtErrorCode = 'OT_API_ERROR' | 'OT_HTTP_ERROR' | 'OT_TIMEOUT' | 'OT_NETWORK_ERROR' | 'OT_BAD_ANSWER';

export abstract class OtError extends Error {
  abstract readonly code: OtErrorCode;
  readonly method: string;

  constructor(method: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.method = method;
  }
}

export interface OtApiErrorFields {
  errorCode: string;
  subErrorCode?: string;
  description?: string;
  requestId?: string;
}

/** OT answered, and its ErrorCode says the call failed (SessionExpired, NotFound, AccessDenied, ...). */
export class OtApiError extends OtError {
  readonly code = 'OT_API_ERROR';
  readonly errorCode: string;
  readonly subErrorCode?: string;
  readonly description?: string;
  readonly requestId?: string;

  constructor(method: string, fields: OtApiErrorFields) {
    super(method, describeApiError(method, fields));
    this.errorCode = fields.errorCode;
    this.subErrorCode = fields.subErrorCode;
    this.description = fields.description;
    this.requestId = fields.requestId;
  }

  get isSessionExpired(): boolean {
    return this.errorCode === 'SessionExpired';
  }
}

/** The HTTP exchange itself failed with a status other than 2xx. */
export class OtHttpError extends OtError {
  readonly code = 'OT_HTTP_ERROR';
  readonly statusCode: number;

  constructor(method: string, statusCode: number, options?: { cause?: unknown }) {
    super(method, `OT API ${method} answered HTTP ${statusCode}`, options);
    this.statusCode = statusCode;
  }
}

/** No answer within the call's timeout policy. */
export class OtTimeoutError extends OtError {
  readonly code = 'OT_TIMEOUT';
  readonly timeoutMs: number;

  constructor(method: string, timeoutMs: number, options?: { cause?: unknown }) {
    super(method, `OT API ${method} did not answer within ${timeoutMs / 1000} s`, options);
    this.timeoutMs = timeoutMs;
  }
}

/** The OT API could not be reached at all (DNS, refused connection, reset). */
export class OtNetworkError extends OtError {
  readonly code = 'OT_NETWORK_ERROR';
  readonly reason: string;

  constructor(method: string, reason: string, options?: { cause?: unknown }) {
    super(method, `OT API ${method} could not be reached: ${reason}`, options);
    this.reason = reason;
  }
}

/** An answer arrived but is not one we can trust: empty, not XML, a DOCTYPE, or missing a field we need. */
export class OtBadAnswerError extends OtError {
  readonly code = 'OT_BAD_ANSWER';
  readonly reason: string;

  constructor(method: string, reason: string, options?: { cause?: unknown }) {
    super(method, `OT API ${method} sent an answer that cannot be used: ${reason}`, options);
    this.reason = reason;
  }
}

function describeApiError(method: string, fields: OtApiErrorFields): string {
  const codes = fields.subErrorCode ? `${fields.errorCode}/${fields.subErrorCode}` : fields.errorCode;
  const text = fields.description ? `: ${fields.description}` : '';
  return `OT API ${method} failed with ${codes}${text}`;
}
