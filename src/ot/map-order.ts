import type { AnswerReader } from './read';
import type { LineStatusCount, Order, OrderDetails, OrderLine, OrderLinePage, PriceWarning } from './types';
import type { XmlNode } from './xml';

/** Result of GetSalesOrderDetails(ForOperator): SalesOrderInfo and SalesLinesList. */
export function mapOrderDetails(read: AnswerReader, result: XmlNode): OrderDetails {
  return {
    order: mapOrder(read, read.requiredNode(result, 'SalesOrderInfo')),
    lines: read.list(result, 'SalesLinesList').map((line) => mapOrderLine(read, line)),
  };
}

/** Result of SearchOrderLines: a page of OrderLineInfo and the total count. */
export function mapOrderLinePage(read: AnswerReader, result: XmlNode): OrderLinePage {
  const lines = read.list(result, 'Content').map((line) => mapOrderLine(read, line));
  return { lines, totalCount: read.optionalNumber(result, 'TotalCount') ?? lines.length };
}

/** OrderInfo, from AddOrder's Result or from SalesOrderInfo. */
export function mapOrder(read: AnswerReader, node: XmlNode): Order {
  return {
    id: read.requiredId(node, 'Id'),
    displayId: read.optionalText(node, 'DisplayId'),
    statusId: read.optionalNumber(node, 'StatusId'),
    statusCode: read.optionalText(node, 'StatusCode'),
    statusName: read.text(node, 'StatusName'),
    customerId: read.id(node, 'CustId'),
    customerName: read.text(node, 'CustName'),
    itemsCount: read.number(node, 'ItemsCount'),
    goodsAmount: read.number(node, 'GoodsAmount'),
    deliveryAmount: read.number(node, 'DeliveryAmount'),
    totalAmount: read.number(node, 'TotalAmount'),
    remainAmount: read.number(node, 'RemainAmount'),
    currencyCode: read.text(node, 'CurrencyCode'),
    comment: read.optionalText(node, 'CustComment'),
    deliveryModeId: read.optionalText(node, 'DeliveryModeId'),
    deliveryModeName: read.optionalText(node, 'DeliveryModeName'),
    providerType: read.optionalText(node, 'ProviderTypeEnum'),
    createdAt: read.optionalText(node, 'CreatedDateTime'),
    isPaid: read.boolean(node, 'IsPaid'),
    isCancelled: read.boolean(node, 'IsCancelled'),
    canCancel: read.boolean(node, 'CanCancel'),
    customerBalance: read.optionalNumber(node, 'UserAccountAvailableAmount'),
    lineStatusCounts: read.list(node, 'LineStatusSummaries').map((summary) => mapStatusCount(read, summary)),
  };
}

/** SalesLine or OrderLineInfo: the two share the fields the bot shows. */
export function mapOrderLine(read: AnswerReader, node: XmlNode): OrderLine {
  return {
    id: read.requiredId(node, 'Id'),
    orderId: read.text(node, 'OrderId'),
    lineNumber: read.optionalNumber(node, 'LineNum'),
    itemId: read.text(node, 'ItemId'),
    providerItemId: read.optionalText(node, 'ItemTaobaoId'),
    configurationId: read.optionalText(node, 'ConfigId'),
    configurationText: read.optionalText(node, 'ConfigText'),
    title: read.optionalText(node, 'BriefDescrTrans') ?? read.text(node, 'NameOrig'),
    quantity: read.number(node, 'Qty'),
    statusId: read.optionalNumber(node, 'StatusId'),
    statusCode: read.optionalText(node, 'StatusCode'),
    statusName: read.text(node, 'StatusName'),
    price: read.optionalNumber(node, 'PriceCust'),
    amount: read.optionalNumber(node, 'AmountCust'),
    currencyCode: read.optionalText(node, 'CurrencyCust'),
    sellerNick: read.optionalText(node, 'VendNick'),
    providerOrderId: read.optionalText(node, 'VendPurchId'),
    trackingNumber: read.optionalText(node, 'VendPurchWaybill'),
    providerAccount: read.optionalText(node, 'VendPurchAccountId'),
    providerStatus: read.optionalText(node, 'VendPurchStatus'),
    priceWarning: mapPriceWarning(read, read.node(node, 'VendorPurchaseItemPriceWarningReason')),
    providerType: read.optionalText(node, 'ProviderType') ?? read.optionalText(node, 'ProviderTypeEnum'),
    imageUrl: read.optionalText(node, 'ItemImageURL'),
    itemUrl: read.optionalText(node, 'ItemExternalURL'),
    customerComment: read.optionalText(node, 'CustComment'),
    operatorComment: read.optionalText(node, 'OperatorComment'),
    canBePurchased: read.boolean(node, 'CanBePurchased'),
    isPaid: read.boolean(node, 'IsPaid'),
    isCancelled: read.boolean(node, 'IsCancelled'),
  };
}

/** OrderLineStatusSummary: Status is `{Id, Name}` in OT's generated types; plain text is read as the id. */
function mapStatusCount(read: AnswerReader, node: XmlNode): LineStatusCount {
  const status = read.node(node, 'Status');
  return {
    statusId: status ? read.id(status, 'Id') : read.text(node, 'Status'),
    statusName: status && read.optionalText(status, 'Name'),
    count: read.number(node, 'Count'),
  };
}

function mapPriceWarning(read: AnswerReader, node: XmlNode | undefined): PriceWarning | undefined {
  const level = node && read.optionalText(node, 'Level');
  if (!node || !level) return undefined;
  return { level, message: read.text(node, 'Message') };
}
