import axios, { type AxiosInstance, type AxiosResponse, isAxiosError } from 'axios';

import type { Logger } from '../logger';
import { OtApiError, OtBadAnswerError, type OtError, OtHttpError, OtNetworkError, OtTimeoutError } from './errors';
import type { CallPolicy } from './policies';
import { AnswerReader } from './read';
import { type FormParams, formatTimestamp, signRequest } from './signature';
import { type ParsedAnswer, parseAnswer } from './xml';

const SUCCESS_CODES = new Set(['Ok', 'BatchError']);
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

export type ParamValue = string | number | boolean | undefined;

export interface OtTransportOptions {
  /** Base URL of the XML endpoint, ending in `/`, e.g. `https://otapi.net/service/`. */
  baseUrl: string;
  instanceKey: string;
  /** Set when OT issued a secret for the instance key: every call is then signed. */
  secret?: string;
  language: string;
  logger: Logger;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export interface CallOptions {
  policy: CallPolicy;
  /** True for reads, which may be tried again after a transport fault. */
  idempotent: boolean;
}

/** Sends one OT API call as a form POST and returns the checked answer, or throws an OtError. */
export class OtTransport {
  private readonly http: AxiosInstance;
  private readonly logger: Logger;
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: OtTransportOptions) {
    this.logger = options.logger;
    this.logger.addSecret(options.instanceKey);
    this.logger.addSecret(options.secret);
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    // One instance for every call: every HTTP status is judged in send(), answers stay raw text for our
    // own XML parser, and no proxy from the environment silently reroutes calls that carry the instance key.
    this.http = axios.create({
      baseURL: options.baseUrl,
      headers: { Accept: 'application/xml, text/xml', 'Content-Type': 'application/x-www-form-urlencoded' },
      responseType: 'text',
      transformResponse: [(data) => data],
      validateStatus: () => true,
      proxy: false,
      maxContentLength: MAX_ANSWER_BYTES,
      maxRedirects: 0,
    });
  }

  async call(method: string, params: Record<string, ParamValue>, options: CallOptions): Promise<ParsedAnswer> {
    const attempts = options.idempotent ? options.policy.retries + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.send(method, params, options.policy);
      } catch (error) {
        if (attempt >= attempts || !isTransient(error)) throw error;
        this.logger.warn(`OT ${method} failed, trying again`, { attempt, error });
        await this.sleep(options.policy.retryDelayMs * attempt);
      }
    }
  }

  private async send(method: string, params: Record<string, ParamValue>, policy: CallPolicy): Promise<ParsedAnswer> {
    const form = this.buildForm(method, params);
    const started = Date.now();
    this.logger.debug(`OT ${method} request`, { policy: policy.name, params: form });

    const response = await this.post(method, form, policy);
    const elapsedMs = Date.now() - started;
    if (response.status < 200 || response.status > 299) {
      this.logger.warn(`OT ${method} answered HTTP ${response.status}`, { elapsedMs });
      throw new OtHttpError(method, response.status);
    }

    this.logger.debug(`OT ${method} answered`, { elapsedMs, bytes: response.data?.length ?? 0 });
    return readAnswer(method, typeof response.data === 'string' ? response.data : '');
  }

  private buildForm(method: string, params: Record<string, ParamValue>): FormParams {
    const form: FormParams = { instanceKey: this.options.instanceKey, language: this.options.language };
    for (const [name, value] of Object.entries(params)) {
      if (value !== undefined) form[name] = String(value);
    }
    if (!this.options.secret) return form;

    form.timestamp = formatTimestamp(this.now());
    form.signature = signRequest(method, form, this.options.secret);
    return form;
  }

  private async post(method: string, form: FormParams, policy: CallPolicy): Promise<AxiosResponse<string>> {
    try {
      return await this.http.post<string>(encodeURIComponent(method), new URLSearchParams(form).toString(), {
        timeout: policy.timeoutMs,
        // axios' timeout in Node is the socket's idle time; the signal caps the whole exchange.
        signal: AbortSignal.timeout(policy.timeoutMs + 1_000),
      });
    } catch (error) {
      throw toTransportError(method, error, policy);
    }
  }
}

/** Parses an answer body and checks its envelope: what the transport does with every 2xx answer. */
export function readAnswer(method: string, body: string): ParsedAnswer {
  const answer = parseAnswer(method, body);
  checkEnvelope(method, answer);
  return answer;
}

function checkEnvelope(method: string, answer: ParsedAnswer): void {
  const read = new AnswerReader(method);
  const errorCode = read.optionalText(answer.root, 'ErrorCode');
  if (errorCode === undefined) throw new OtBadAnswerError(method, `the answer <${answer.rootName}> has no ErrorCode`);
  if (SUCCESS_CODES.has(errorCode)) return;

  throw new OtApiError(method, {
    errorCode,
    subErrorCode: read.id(answer.root, 'SubErrorCode') || undefined,
    description: read.optionalText(answer.root, 'ErrorDescription'),
    requestId: read.optionalText(answer.root, 'RequestId'),
  });
}

function toTransportError(method: string, error: unknown, policy: CallPolicy): OtError {
  // The axios error holds the request config, form body and instance key included: keep only its words.
  const cause = new Error(error instanceof Error ? error.message : String(error));
  if (!isAxiosError(error)) return new OtNetworkError(method, cause.message, { cause });
  const timedOut = error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT' || error.code === 'ERR_CANCELED';
  if (timedOut) return new OtTimeoutError(method, policy.timeoutMs, { cause });
  if (/maxContentLength/.test(error.message)) {
    return new OtBadAnswerError(method, `the answer is larger than ${MAX_ANSWER_BYTES} bytes`, { cause });
  }
  return new OtNetworkError(method, error.code ?? error.message, { cause });
}

function isTransient(error: unknown): boolean {
  if (error instanceof OtTimeoutError || error instanceof OtNetworkError) return true;
  return error instanceof OtHttpError && error.statusCode >= 500;
}
