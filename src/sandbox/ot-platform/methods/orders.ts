import { addOrder, cancelOrder, findOrder } from '../orders';
import { presentLine, presentOrder, presentProfile } from '../present';
import { isPurchased, isReadyToPurchase, LINE_STATUS_NAMES, ORDER_STATUS_NAMES } from '../statuses';
import { childText, childTexts, notFound, readXmlParameter, type XmlTree } from '../wire';
import type { Order, OrderLine } from '../world';
import { integerParam, type MethodCall, requireCustomer, requiredParam, type SimMethod } from './method';

const MAX_FRAME_SIZE = 1_000;
const QUERY_TYPES: Record<string, (line: OrderLine) => boolean> = {
  '0': () => true,
  '1': (line) => isReadyToPurchase(line.statusId),
  '2': (line) => isPurchased(line.statusId),
};

export const ORDER_METHODS: Record<string, SimMethod> = {
  GetUserProfileInfoList: {
    answer: 'UserProfileInfoListAnswer',
    session: 'customer',
    handle: (call) => ({ Result: { Content: { Item: requireCustomer(call).profiles.map(presentProfile) } } }),
  },

  AddOrder: {
    answer: 'OrderInfoAnswer',
    session: 'customer',
    handle(call) {
      const data = readXmlParameter('xmlAddData', call.params.xmlAddData, 'OrderAddData');
      const { order } = addOrder(call.world, requireCustomer(call), data);
      return { Result: presentOrder(call.world, order) };
    },
  },

  CancelSalesOrder: {
    answer: 'VoidOtapiAnswer',
    session: 'customer',
    handle(call) {
      cancelOrder(call.world, requireCustomer(call), findOrder(call.world, requiredParam(call, 'salesId')));
      return undefined;
    },
  },

  GetSalesOrderDetails: {
    answer: 'SalesOrderDetailsAnswer',
    session: 'customer',
    handle(call) {
      const order = findOrder(call.world, requiredParam(call, 'salesId'));
      if (order.customerId !== requireCustomer(call).id) throw notFound('Order', `Order ${order.id} was not found`);
      return { Result: presentDetails(call, order, order.lines) };
    },
  },

  GetSalesOrderDetailsForOperator: {
    answer: 'SalesOrderDetailsAnswer',
    session: 'operator',
    handle(call) {
      const order = findOrder(call.world, requiredParam(call, 'salesId'));
      const keep = QUERY_TYPES[call.params.queryType || '0'] ?? QUERY_TYPES['0'];
      return { Result: presentDetails(call, order, order.lines.filter(keep)) };
    },
  },

  SearchOrderLines: {
    answer: 'OrderLineInfoListFrameAnswer',
    session: 'operator',
    handle(call) {
      const search = readXmlParameter(
        'xmlSearchParameters',
        call.params.xmlSearchParameters,
        'OrderLineSearchParameters',
      );
      const offset = integerParam(call, 'framePosition', 0, Number.MAX_SAFE_INTEGER);
      const size = integerParam(call, 'frameSize', 18, MAX_FRAME_SIZE);
      const lines = searchLines(call, search);
      const page = lines.slice(offset, offset + size).map((line) => presentLine(call.world, line, call.language));
      return { Result: { Content: { Item: page }, TotalCount: lines.length } };
    },
  },

  GetOrderLineStatusList: {
    answer: 'SalesLineStatusInfoListAnswer',
    session: 'operator',
    handle: () => ({ Result: { Content: { Item: statusItems(LINE_STATUS_NAMES) } } }),
  },

  GetOrderStatusList: {
    answer: 'SalesStatusInfoListAnswer',
    session: 'operator',
    handle: () => ({ Result: { Content: { Item: statusItems(ORDER_STATUS_NAMES) } } }),
  },
};

function presentDetails(call: MethodCall, order: Order, lines: OrderLine[]): XmlTree {
  return {
    SalesOrderInfo: presentOrder(call.world, order),
    SalesLinesList: { SalesLine: lines.map((line) => presentLine(call.world, line, call.language)) },
  };
}

/**
 * Lines bound to any of the provider order ids or tracking numbers (one list or both: a line matching
 * either is found), narrowed by the order id and line statuses when those are given. Newest order first.
 */
function searchLines(call: MethodCall, search: Record<string, unknown>): OrderLine[] {
  const providerOrderIds = new Set(childTexts(search, 'VendorPurchaseIdList'));
  const trackingNumbers = new Set(childTexts(search, 'VendorPurchaseWaybillIdList'));
  const statusIds = new Set(childTexts(search, 'StatusIdList').map(Number));
  const orderFilter = search.OrderSearchParameters;
  const orderId = typeof orderFilter === 'object' && orderFilter ? childText(orderFilter as XmlTree, 'Id') : undefined;
  const byVendor = providerOrderIds.size > 0 || trackingNumbers.size > 0;

  const orders = [...call.world.orders.values()].filter((order) => !orderId || order.id === orderId).reverse();
  return orders.flatMap((order) =>
    order.lines.filter((line) => {
      const purchase = line.purchase;
      const vendorMatch =
        !byVendor ||
        (purchase !== undefined &&
          (providerOrderIds.has(purchase.providerOrderId) ||
            (purchase.trackingNumber !== undefined && trackingNumbers.has(purchase.trackingNumber))));
      return vendorMatch && (statusIds.size === 0 || statusIds.has(line.statusId));
    }),
  );
}

function statusItems(names: Record<number, string>): XmlTree[] {
  return Object.entries(names).map(([id, name]) => ({ Id: id, Name: name }));
}
