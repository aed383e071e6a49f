// Status ids and names of the simulated instance. OT publishes only the groups (reference §5.3: 1 early,
// 2-3 ready to purchase, 6-10 purchased, 11-13 returned, undeliverable, cancelled); the names are ours.

export const LINE_STATUS = {
  awaitingPayment: 1,
  paid: 2,
  checked: 3,
  ordered: 6,
  paidToProvider: 7,
  shipped: 8,
  atWarehouse: 9,
  sentToCustomer: 10,
  returnedToSeller: 11,
  undeliverable: 12,
  cancelled: 13,
} as const;

export const LINE_STATUS_NAMES: Record<number, string> = {
  1: 'Awaiting payment',
  2: 'Paid',
  3: 'Paid, checked by operator',
  6: 'Ordered from provider',
  7: 'Paid to provider',
  8: 'Shipped by seller',
  9: 'Received at warehouse',
  10: 'Sent to customer',
  11: 'Returned to seller',
  12: 'Impossible to deliver',
  13: 'Cancelled',
};

export const ORDER_STATUS_NAMES: Record<number, string> = {
  10: 'Awaiting payment',
  20: 'Paid',
  31: 'Partially purchased',
  36: 'Purchased',
  90: 'Cancelled',
};

/** Taobao's own trade statuses, which OT keeps in VendPurchStatus. */
export const PROVIDER_STATUS = {
  awaitingPayment: 'WAIT_BUYER_PAY',
  awaitingShipment: 'WAIT_SELLER_SEND_GOODS',
  shipped: 'WAIT_BUYER_CONFIRM_GOODS',
  finished: 'TRADE_FINISHED',
  closed: 'TRADE_CLOSED',
} as const;

export type ProviderStatus = (typeof PROVIDER_STATUS)[keyof typeof PROVIDER_STATUS];

/** The line status a synchronisation gives a line whose provider order is in this state. */
export const LINE_STATUS_OF_PROVIDER_STATUS: Record<ProviderStatus, number> = {
  WAIT_BUYER_PAY: LINE_STATUS.ordered,
  WAIT_SELLER_SEND_GOODS: LINE_STATUS.paidToProvider,
  WAIT_BUYER_CONFIRM_GOODS: LINE_STATUS.shipped,
  TRADE_FINISHED: LINE_STATUS.atWarehouse,
  TRADE_CLOSED: LINE_STATUS.undeliverable,
};

export function isReadyToPurchase(statusId: number): boolean {
  return statusId === LINE_STATUS.paid || statusId === LINE_STATUS.checked;
}

export function isPurchased(statusId: number): boolean {
  return statusId >= LINE_STATUS.ordered && statusId <= LINE_STATUS.sentToCustomer;
}
