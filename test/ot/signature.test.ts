import { formatTimestamp, signRequest } from '../../src/ot/signature';

describe('signRequest', () => {
  it('matches the test vector of the OT signature documentation', () => {
    const params = { categoryId: '0', instanceKey: 'INSTANCEKEY', language: 'ru', timestamp: '20210212114345' };

    expect(signRequest('GetCategoryInfo', params, '123123')).toBe(
      '305330c8b160062a90c9449cd146f4fb79a458d0fe3f04b55908edab5c65f1a5',
    );
  });

  it('orders values by parameter name, not by insertion order', () => {
    const sorted = { a: '1', b: '2', c: '3' };
    const shuffled = { c: '3', a: '1', b: '2' };

    expect(signRequest('M', shuffled, 's')).toBe(signRequest('M', sorted, 's'));
  });

  it('leaves an existing signature parameter out of what it signs', () => {
    const params = { categoryId: '0', instanceKey: 'INSTANCEKEY', language: 'ru', timestamp: '20210212114345' };

    expect(signRequest('GetCategoryInfo', { ...params, signature: 'old' }, '123123')).toBe(
      signRequest('GetCategoryInfo', params, '123123'),
    );
  });

  it('hashes non-ASCII values as UTF-8', () => {
    expect(signRequest('M', { comment: '中文' }, 's')).not.toBe(signRequest('M', { comment: '??' }, 's'));
  });
});

describe('formatTimestamp', () => {
  it('writes UTC as yyyyMMddHHmmss', () => {
    expect(formatTimestamp(new Date('2021-02-12T11:43:45.678Z'))).toBe('20210212114345');
  });
});
