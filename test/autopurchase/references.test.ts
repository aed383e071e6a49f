import fc from 'fast-check';

import { findLineReferences, MAX_LINE_REFERENCES } from '../../src/autopurchase/references';

const TAOBAO_ORDER_ID = '1234567890123456789';
const REFERENCE_PATTERN = /^[A-Z0-9]{10,30}$/;

describe('findLineReferences', () => {
  it('finds Taobao order ids and tracking numbers in Chinese text and punctuation, in order', () => {
    const message = `订单号${TAOBAO_ORDER_ID}已发货，顺丰：SF1234567890123；圆通(YT8812345678901)、JT0001234567890。中通773012345678901`;

    expect(findLineReferences(message)).toEqual([
      TAOBAO_ORDER_ID,
      'SF1234567890123',
      'YT8812345678901',
      'JT0001234567890',
      '773012345678901',
    ]);
  });

  it('reads through Slack mrkdwn marks', () => {
    const message = `*${TAOBAO_ORDER_ID}* _SF1234567890123_ ~YT8812345678901~ \`JT0001234567890\`\n> 773012345678901`;

    expect(findLineReferences(message)).toHaveLength(5);
  });

  it('takes the id parameters of a Taobao trade link and reads its label as text', () => {
    const link =
      '<https://trade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=2234567890123456789' +
      '&amp;spm=a1z09.2.0.0.67002e8d12345678901|订单 3234567890123456789>';

    expect(findLineReferences(link)).toEqual(['2234567890123456789', '3234567890123456789']);
  });

  it.each([
    ['id', 'https://buyertrade.taobao.com/trade/detail.htm?id=2234567890123456789'],
    ['biz_order_id', 'https://buyertrade.taobao.com/trade/detail.htm?biz_order_id=2234567890123456789'],
    ['orderId', 'https://trade.tmall.com/detail/orderDetail.htm?from=x&orderId=2234567890123456789'],
    ['mailNo', 'https://page.cainiao.com/track?mailNo=2234567890123456789#top'],
  ])('takes the %s parameter of a bare URL', (_case, url) => {
    expect(findLineReferences(`see ${url} please`)).toEqual(['2234567890123456789']);
  });

  it('ignores URL paths, other parameters and fragments that merely look like ids', () => {
    const message =
      'https://example.com/orders/2234567890123456789/SF1234567890123?utm=3234567890123456789#4234567890123456789 ' +
      '<https://example.com/5234567890123456789|open>';

    expect(findLineReferences(message)).toEqual([]);
  });

  it('skips mentions, channels and special mentions', () => {
    expect(findLineReferences('<@U0123456789AB> <#C0123456789AB|ops> <!subteam^S0123456789AB>')).toEqual([]);
  });

  it('skips OT order ids, which are ours and not the provider’s', () => {
    expect(findLineReferences(`ORD-0000012345 ord-0000012346 ${TAOBAO_ORDER_ID}`)).toEqual([TAOBAO_ORDER_ID]);
  });

  it.each([
    ['nine characters', 'SF1234567'],
    ['seven digits among letters', 'ABCDEFG1234567'],
    ['31 digits', '1'.repeat(31)],
    ['an 8-digit date', '20241203'],
    ['a price', '1234.56'],
  ])('refuses %s', (_case, text) => {
    expect(findLineReferences(text)).toEqual([]);
  });

  it('reads full-width digits and letters as ASCII and upper-cases letters as carriers print them', () => {
    expect(findLineReferences('运单号ｓｆ１２３４５６７８９０１２３ and yt8812345678901')).toEqual([
      'SF1234567890123',
      'YT8812345678901',
    ]);
  });

  it('gives each reference once, at its first appearance', () => {
    const message = `${TAOBAO_ORDER_ID} SF1234567890123 sf1234567890123 ${TAOBAO_ORDER_ID}`;

    expect(findLineReferences(message)).toEqual([TAOBAO_ORDER_ID, 'SF1234567890123']);
  });

  it(`stops at ${MAX_LINE_REFERENCES} references`, () => {
    const ids = Array.from({ length: 80 }, (_, index) => String(1_000_000_000_000 + index));

    expect(findLineReferences(ids.join(', '))).toEqual(ids.slice(0, MAX_LINE_REFERENCES));
  });

  it('stops at the cap inside links too', () => {
    const links = Array.from({ length: 60 }, (_, index) => `<https://t.cn/x?id=${1_000_000_000_000 + index}|x>`);

    expect(findLineReferences(links.join(' '))).toHaveLength(MAX_LINE_REFERENCES);
  });

  // No timing here (tests must pass on a slow shared machine): a catastrophic regex would hang past jest's timeout.
  it('reads long hostile messages to an end', () => {
    const hostile = ['<'.repeat(40_000), `<${'a'.repeat(40_000)}`, 'https://'.repeat(5_000), '1a'.repeat(20_000)];
    for (const message of hostile) expect(Array.isArray(findLineReferences(message))).toBe(true);
  });

  it('never throws, and returns distinct, capped references of the documented shape', () => {
    const messages = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc
        .array(fc.constantFrom('<', '>', '|', 'https://x.cn/a?id=', '&amp;', 'ORD-', ' ', '号', 'SF', '1234567890'), {
          maxLength: 200,
        })
        .map((pieces) => pieces.join('')),
    );

    fc.assert(
      fc.property(messages, (message) => {
        const references = findLineReferences(message);
        expect(new Set(references).size).toBe(references.length);
        expect(references.length).toBeLessThanOrEqual(MAX_LINE_REFERENCES);
        for (const reference of references) {
          expect(reference).toMatch(REFERENCE_PATTERN);
          expect(reference.replace(/\D/g, '').length).toBeGreaterThanOrEqual(8);
        }
      }),
    );
  });

  it('finds every reference embedded among words, Chinese text and punctuation, in order', () => {
    const reference = fc.oneof(fc.stringMatching(/^[1-9]\d{14,19}$/), fc.stringMatching(/^[A-Z]{2}\d{13}$/));
    const separator = fc.constantFrom(' ', '，', '。', '：', '已发货', ' (', ') ', '\n', '*', '、');

    fc.assert(
      fc.property(fc.uniqueArray(reference, { maxLength: 20 }), separator, (references, between) => {
        const message = `订单${between}${references.join(between)}${between}谢谢`;
        expect(findLineReferences(message)).toEqual(references);
      }),
    );
  });
});
