import { mapOrderDetails, mapOrderLinePage } from '../../src/ot/map-order';
import { AnswerReader } from '../../src/ot/read';
import { readAnswer } from '../../src/ot/transport';
import { generateOrderDetails, generateOrderLineSearch } from '../bench/generate-answers';

// The benchmark's answers, checked once here so that the benchmark times real, correct work.
describe('large OT answers', () => {
  it('maps every line of a 2,000-line order', () => {
    const read = new AnswerReader('GetSalesOrderDetailsForOperator');

    const { order, lines } = mapOrderDetails(
      read,
      read.requiredNode(readAnswer('M', generateOrderDetails(2_000)).root, 'Result'),
    );

    expect(order.itemsCount).toBe(2_000);
    expect(lines).toHaveLength(2_000);
    expect(lines[1999]).toMatchObject({ id: '49999', lineNumber: 2000, providerAccount: 'ot采购账号01' });
    expect(lines[2].title).toBe('儿童睡衣套装 纯棉&加绒 <120-160cm>');
    expect(lines[0].providerOrderId).toBeUndefined();
  });

  it('maps every line of a 10,000-line search answer', () => {
    const read = new AnswerReader('SearchOrderLines');

    const page = mapOrderLinePage(
      read,
      read.requiredNode(readAnswer('M', generateOrderLineSearch(10_000)).root, 'Result'),
    );

    expect(page.totalCount).toBe(10_000);
    expect(page.lines).toHaveLength(10_000);
    expect(page.lines[9999].trackingNumber).toBe('YT7500000009999');
  });
});
