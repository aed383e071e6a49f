import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';

import nock from 'nock';

import { createSilentLogger } from '../../src/logger';
import { OtApiError, OtBadAnswerError, OtHttpError, OtNetworkError, OtTimeoutError } from '../../src/ot/errors';
import { signRequest } from '../../src/ot/signature';
import { OtTransport } from '../../src/ot/transport';
import { FAST_POLICIES, formOf, INSTANCE_KEY, OT_BASE_URL, OT_ORIGIN } from '../helpers/ot';

const OK = '<VoidOtapiAnswer><ErrorCode>Ok</ErrorCode><SubErrorCode/><RequestId>r-1</RequestId></VoidOtapiAnswer>';
const read = { policy: FAST_POLICIES.interactive, idempotent: true };
const write = { policy: FAST_POLICIES.interactive, idempotent: false };

function transportOptions(secret?: string) {
  const now = () => new Date('2026-12-03T09:15:42Z');
  return {
    baseUrl: OT_BASE_URL,
    instanceKey: INSTANCE_KEY,
    secret,
    language: 'en',
    logger: createSilentLogger(),
    now,
    sleep: async () => undefined,
  };
}

function createTransport(secret?: string) {
  return new OtTransport(transportOptions(secret));
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('the call succeeded');
}

afterEach(() => nock.cleanAll());

describe('OtTransport', () => {
  it('posts a form with instanceKey and language to /service/{Method}', async () => {
    let sent: Record<string, string> = {};
    const scope = nock(OT_ORIGIN)
      .post('/service/GetSalesPaymentInfo', (body) => {
        sent = formOf(body);
        return true;
      })
      .matchHeader('content-type', /application\/x-www-form-urlencoded/)
      .reply(200, OK);

    await createTransport().call('GetSalesPaymentInfo', { sessionId: 's-1', salesId: 'ORD-0000012345' }, read);

    scope.done();
    expect(sent).toEqual({ instanceKey: INSTANCE_KEY, language: 'en', sessionId: 's-1', salesId: 'ORD-0000012345' });
  });

  it('signs every call with a timestamp when the key has a secret', async () => {
    let sent: Record<string, string> = {};
    const scope = nock(OT_ORIGIN)
      .post('/service/GetOrderLineStatusList', (body) => {
        sent = formOf(body);
        return true;
      })
      .reply(200, OK);

    await createTransport('s3cret').call('GetOrderLineStatusList', { sessionId: 's-1', flag: true }, read);

    scope.done();
    expect(sent.timestamp).toBe('20261203091542');
    expect(sent.flag).toBe('true');
    const { signature, ...signed } = sent;
    expect(signature).toBe(signRequest('GetOrderLineStatusList', signed, 's3cret'));
  });

  it('sends no signature or timestamp when the key has no secret', async () => {
    const scope = nock(OT_ORIGIN)
      .post('/service/GetProviderInfoList', (body) => !('signature' in formOf(body)) && !('timestamp' in formOf(body)))
      .reply(200, OK);

    await createTransport().call('GetProviderInfoList', {}, read);

    scope.done();
  });

  it('passes BatchError as a success', async () => {
    nock(OT_ORIGIN).post('/service/M').reply(200, '<A><ErrorCode>BatchError</ErrorCode><Result><X>1</X></Result></A>');

    const answer = await createTransport().call('M', {}, read);

    expect(answer.root.Result).toEqual({ X: '1' });
  });

  it('turns an ErrorCode into an OtApiError with every field OT gave', async () => {
    const body =
      '<A><ErrorCode>AccessDenied</ErrorCode><ErrorDescription>Invalid signature</ErrorDescription>' +
      '<SubErrorCode>InvalidSignature</SubErrorCode><RequestId>9f1c</RequestId></A>';
    nock(OT_ORIGIN).post('/service/AddOrder').reply(200, body);

    const error = await failureOf(createTransport().call('AddOrder', {}, write));

    expect(error).toBeInstanceOf(OtApiError);
    expect(error).toMatchObject({
      code: 'OT_API_ERROR',
      method: 'AddOrder',
      errorCode: 'AccessDenied',
      subErrorCode: 'InvalidSignature',
      description: 'Invalid signature',
      requestId: '9f1c',
      isSessionExpired: false,
    });
    expect((error as Error).message).toBe(
      'OT API AddOrder failed with AccessDenied/InvalidSignature: Invalid signature',
    );
  });

  it('reads a SubErrorCode given as <Value>', async () => {
    nock(OT_ORIGIN)
      .post('/service/M')
      .reply(
        200,
        '<A><ErrorCode>SessionExpired</ErrorCode><SubErrorCode><Value>SessionExpired</Value></SubErrorCode></A>',
      );

    const error = await failureOf(createTransport().call('M', {}, read));

    expect(error).toMatchObject({
      errorCode: 'SessionExpired',
      subErrorCode: 'SessionExpired',
      isSessionExpired: true,
    });
  });

  it('turns an HTTP error status into an OtHttpError', async () => {
    nock(OT_ORIGIN).post('/service/AddOrder').reply(502, '<html><body>Bad Gateway</body></html>');

    const error = await failureOf(createTransport().call('AddOrder', {}, write));

    expect(error).toBeInstanceOf(OtHttpError);
    expect(error).toMatchObject({ code: 'OT_HTTP_ERROR', method: 'AddOrder', statusCode: 502 });
  });

  it('turns a slow answer into an OtTimeoutError', async () => {
    nock(OT_ORIGIN)
      .post('/service/AddOrder')
      .delay(FAST_POLICIES.interactive.timeoutMs + 200)
      .reply(200, OK);

    const error = await failureOf(createTransport().call('AddOrder', {}, write));

    expect(error).toBeInstanceOf(OtTimeoutError);
    expect(error).toMatchObject({
      code: 'OT_TIMEOUT',
      method: 'AddOrder',
      timeoutMs: FAST_POLICIES.interactive.timeoutMs,
    });
  });

  it('turns a refused connection into an OtNetworkError', async () => {
    // A real refusal: nothing listens on port 1 of the loopback interface.
    const transport = new OtTransport({ ...transportOptions(), baseUrl: 'http://127.0.0.1:1/service/' });

    const error = await failureOf(transport.call('AddOrder', {}, write));

    expect(error).toBeInstanceOf(OtNetworkError);
    expect(error).toMatchObject({ code: 'OT_NETWORK_ERROR', method: 'AddOrder', reason: 'ECONNREFUSED' });
  });

  it('keeps the request, and so the instance key, out of the error it throws', async () => {
    // A real reset: a loopback server that hangs up on every connection.
    const server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const transport = new OtTransport({ ...transportOptions(), baseUrl: `http://127.0.0.1:${port}/service/` });

    const error = await failureOf(transport.call('AddOrder', { userPassword: 'pw-123456' }, write));
    server.close();

    expect(error).toBeInstanceOf(OtNetworkError);
    const everything = JSON.stringify(error, Object.getOwnPropertyNames(error)) + String((error as Error).cause);
    expect(everything).not.toContain(INSTANCE_KEY);
    expect(everything).not.toContain('pw-123456');
  });

  it.each([
    ['an empty body', '', 'the answer is empty'],
    ['an HTML page with status 200', '<html><body>Maintenance</body></html>', 'the answer <html> has no ErrorCode'],
    [
      'a cut-off document',
      '<A><ErrorCode>Ok</ErrorCode><Result>',
      expect.stringMatching(/^the answer is not well-formed XML/),
    ],
    ['a DOCTYPE', '<!DOCTYPE a [<!ENTITY b "c">]><A><ErrorCode>Ok</ErrorCode></A>', 'the answer declares a DOCTYPE'],
  ])('turns %s into an OtBadAnswerError', async (_case, body, reason) => {
    nock(OT_ORIGIN).post('/service/GetBackgroundActivityInfo').reply(200, body);

    const error = await failureOf(createTransport().call('GetBackgroundActivityInfo', {}, write));

    expect(error).toBeInstanceOf(OtBadAnswerError);
    expect(error).toMatchObject({ code: 'OT_BAD_ANSWER', method: 'GetBackgroundActivityInfo', reason });
  });

  it('tries a read again after an HTTP 5xx', async () => {
    const scope = nock(OT_ORIGIN)
      .post('/service/GetSalesPaymentInfo')
      .reply(503)
      .post('/service/GetSalesPaymentInfo')
      .reply(200, OK);

    await createTransport().call('GetSalesPaymentInfo', {}, read);

    scope.done();
  });

  it('never repeats a write after a transport fault, since OT may have acted', async () => {
    const scope = nock(OT_ORIGIN).post('/service/PostTransaction').reply(503);

    const error = await failureOf(createTransport().call('PostTransaction', {}, write));

    expect(error).toBeInstanceOf(OtHttpError);
    scope.done();
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('does not repeat a read that OT refused with an ErrorCode', async () => {
    const scope = nock(OT_ORIGIN).post('/service/M').once().reply(200, '<A><ErrorCode>NotFound</ErrorCode></A>');

    await expect(createTransport().call('M', {}, read)).rejects.toBeInstanceOf(OtApiError);
    scope.done();
  });

  it('gives up on a read after the policy retries', async () => {
    const scope = nock(OT_ORIGIN)
      .post('/service/M')
      .times(FAST_POLICIES.background.retries + 1)
      .reply(500);

    const error = await failureOf(
      createTransport().call('M', {}, { policy: FAST_POLICIES.background, idempotent: true }),
    );

    expect(error).toMatchObject({ statusCode: 500 });
    scope.done();
  });
});
