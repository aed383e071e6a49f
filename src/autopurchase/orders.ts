import type { OtClient } from '../ot/client';
import type { NewOrderItem, OrderDetails, OrderLine } from '../ot/types';

/** The four reasons OT gives for dropping a line at AddOrder; it never says which one applied. */
export const DROP_REASONS = [
  'the item is no longer available (sold out at the seller)',
  'the configuration (colour, size, ...) does not exist or has sold out',
  'the seller is no longer on the provider site',
  'a field of the line is wrong (item id, configuration id, quantity, weight)',
] as const;

export interface NewOrderRequest {
  deliveryModeId: string;
  userProfileId?: string;
  comment?: string;
  items: NewOrderItem[];
}

export interface AddedOrder {
  details: OrderDetails;
  /** Requested lines OT left out of the order. */
  dropped: NewOrderItem[];
}

export function showOrder(ot: OtClient, orderId: string): Promise<OrderDetails> {
  return ot.getOrderDetails(orderId);
}

/** AddOrder, then the order as OT stored it, with every requested line it dropped. */
export async function addOrder(ot: OtClient, request: NewOrderRequest): Promise<AddedOrder> {
  const order = await ot.addOrder(request);
  const details = await ot.getOrderDetails(order.id);
  return { details, dropped: findDroppedItems(request.items, details.lines) };
}

/** CancelSalesOrder, then the order as it now stands. */
export async function cancelOrder(ot: OtClient, orderId: string): Promise<OrderDetails> {
  await ot.cancelOrder(orderId);
  return ot.getOrderDetails(orderId);
}

/** Requested items with no line of the same item, configuration and quantity left in the order. */
export function findDroppedItems(requested: NewOrderItem[], lines: OrderLine[]): NewOrderItem[] {
  const unmatched = [...lines];
  return requested.filter((item) => {
    const index = unmatched.findIndex(
      (line) =>
        line.itemId === item.itemId &&
        (line.configurationId ?? '0') === (item.configurationId ?? '0') &&
        line.quantity === item.quantity,
    );
    if (index === -1) return true;
    unmatched.splice(index, 1);
    return false;
  });
}
