import { OtApiError, OtBadAnswerError, OtError, OtHttpError, OtNetworkError, OtTimeoutError } from '../ot/errors';

// What an operator reads when an OT call fails: which call, and why, in words, with what to do when there
// is something to do. Details (request ids, stack traces) go to the log, not to the person.

const API_ERROR_ADVICE: Record<string, string> = {
  SessionExpired: 'the bot logged in again and OT still refused; try once more',
  AccessDenied: "OT refused the bot's credentials or signature: an admin should check the OT_ settings",
  InstanceKeyBan: 'OT has blocked the instance key: contact OT support',
  NotFound: 'check the id and try again',
  ValidationError: 'check what you typed and try again',
  NotAvailable: 'the provider is not available right now; try again later',
};

export function describeFailure(error: unknown): string {
  if (!(error instanceof OtError)) return 'something unexpected went wrong in the bot; the details are in its log';
  const call = `OT ${error.method}`;
  if (error instanceof OtApiError) {
    const what = error.description ? `${error.description} (${codesOf(error)})` : codesOf(error);
    const advice = API_ERROR_ADVICE[error.errorCode];
    return `${call} refused: ${what}${advice ? `. ${capitalise(advice)}.` : ''}`;
  }
  if (error instanceof OtTimeoutError) {
    const seconds = Math.round(error.timeoutMs / 1000);
    return `${call} did not answer within ${seconds} s; OT may be slow, try again in a minute`;
  }
  if (error instanceof OtHttpError) return `${call} failed: OT answered HTTP ${error.statusCode}; try again later`;
  if (error instanceof OtNetworkError) return `${call} failed: OT could not be reached (${error.reason})`;
  if (error instanceof OtBadAnswerError)
    return `${call} failed: OT sent an answer the bot cannot read (${error.reason})`;
  return `${call} failed: ${error.message}`;
}

function codesOf(error: OtApiError): string {
  return error.subErrorCode && error.subErrorCode !== error.errorCode
    ? `${error.errorCode}/${error.subErrorCode}`
    : error.errorCode;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
