import nock from 'nock';

import { createLogger, redactText } from '../src/logger';
import {
  CUSTOMER,
  createTestClient,
  createTestLogger,
  fixture,
  INSTANCE_KEY,
  OPERATOR,
  otScope,
  sessionAnswer,
} from './helpers/ot';

afterEach(() => nock.cleanAll());

describe('createLogger', () => {
  it('writes one JSON line per event with level, name and context', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      name: 'bot',
      write: (line) => lines.push(line),
      now: () => new Date(0),
    });

    logger.child('ot').info('order added', { orderId: 'ORD-0000012345' });

    expect(JSON.parse(lines[0])).toEqual({
      time: '1970-01-01T00:00:00.000Z',
      level: 'info',
      name: 'bot:ot',
      message: 'order added',
      orderId: 'ORD-0000012345',
    });
  });

  it('drops events below its level', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', write: (line) => lines.push(line) });

    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');

    expect(lines.map((line) => JSON.parse(line).message)).toEqual(['c', 'd']);
  });

  it('logs an error by its type, message and code', () => {
    const lines: string[] = [];
    const logger = createLogger({ write: (line) => lines.push(line) });
    const error = Object.assign(new RangeError('bad amount'), { code: 'E_AMOUNT' });

    logger.error('payment failed', { error });

    expect(JSON.parse(lines[0]).error).toEqual({ type: 'RangeError', message: 'bad amount', code: 'E_AMOUNT' });
  });

  it('redacts secrets added later, in any child, at every level', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', write: (line) => lines.push(line) });
    const child = logger.child('slack');

    logger.addSecret('xoxb-123-456-abcdef');
    child.debug('token xoxb-123-456-abcdef in text', { header: 'Bearer xoxb-123-456-abcdef' });
    child.error('again', { nested: { deep: ['xoxb-123-456-abcdef'] } });

    expect(lines.join('\n')).not.toContain('xoxb-123-456-abcdef');
    expect(lines.join('\n')).toContain('[redacted]');
  });
});

describe('redactText', () => {
  it('blanks secret-named values in form bodies, JSON and XML', () => {
    const text =
      'instanceKey=abc123&sessionId=s-9&language=en {"userPassword":"pw-1","signature":"f00"} ' +
      '<SessionId><Value>s-7</Value></SessionId>';

    const redacted = redactText(text);

    expect(redacted).not.toMatch(/abc123|s-9|pw-1|f00|s-7/);
    expect(redacted).toContain('language=en');
  });

  it('blanks known secret values wherever they stand', () => {
    expect(redactText('the key is k-42 again k-42', ['k-42'])).toBe('the key is [redacted] again [redacted]');
  });
});

describe('OT client logging', () => {
  it('logs nothing secret at debug level through a whole session, including a re-login', async () => {
    const { logger, lines } = createTestLogger();
    const client = createTestClient({ logger, secret: 'api-secret-9911' });
    const expired = '<A><ErrorCode>SessionExpired</ErrorCode><SubErrorCode>SessionExpired</SubErrorCode></A>';
    const scope = otScope()
      .post('/service/AuthenticateInstanceOperator')
      .reply(200, sessionAnswer('operator-session-secret-1'))
      .post('/service/GetSalesPaymentInfo')
      .reply(200, expired)
      .post('/service/AuthenticateInstanceOperator')
      .reply(200, sessionAnswer('operator-session-secret-2'))
      .post('/service/GetSalesPaymentInfo')
      .reply(200, fixture('get-sales-payment-info.xml'))
      .post('/service/Authenticate')
      .reply(200, '<A><ErrorCode>Ok</ErrorCode><SessionId>customer-session-secret-3</SessionId></A>')
      .post('/service/GetUserProfileInfoList')
      .reply(200, fixture('get-user-profile-info-list.xml'));

    await client.getPaymentInfo('ORD-0000012345');
    await client.getUserProfiles();

    scope.done();
    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(6);
    for (const secret of [
      INSTANCE_KEY,
      'api-secret-9911',
      OPERATOR.password,
      CUSTOMER.password,
      'operator-session-secret-1',
      'operator-session-secret-2',
      'customer-session-secret-3',
    ]) {
      expect(log).not.toContain(secret);
      expect(log).not.toContain(encodeURIComponent(secret));
    }
    expect(log).toContain('ORD-0000012345');
  });
});
