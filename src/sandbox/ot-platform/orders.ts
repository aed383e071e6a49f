import { isPurchased, LINE_STATUS, LINE_STATUS_OF_PROVIDER_STATUS } from './statuses';
import { childNodes, childText, notFound, validationError, type XmlNode } from './wire';
import type { Customer, LinePurchase, Order, OrderLine, ProviderAccount, ProviderOrder, World } from './world';

const MAX_QUANTITY = 9_999;

/** Why a line of AddOrder was dropped: OT's four reasons, which the simulator logs (OT itself says none). */
export interface DroppedItem {
  itemId: string;
  configurationId: string;
  reason: 'item not available' | 'no such configuration' | 'seller closed' | 'bad field';
}

export interface OrderTotals {
  goods: number;
  delivery: number;
  total: number;
  remain: number;
}

/** AddOrder: pre-checks every item like OT, drops the ones that cannot be ordered, creates one order. */
export function addOrder(world: World, customer: Customer, data: XmlNode): { order: Order; dropped: DroppedItem[] } {
  const deliveryModeId = childText(data, 'DeliveryModeId');
  if (!deliveryModeId || !world.deliveryModes.has(deliveryModeId)) {
    throw validationError('InvalidDeliveryMode', `Delivery mode ${deliveryModeId ?? '(none)'} does not exist`);
  }
  const profileId = childText(data, 'UserProfileId') ?? customer.profiles[0]?.id;
  if (!customer.profiles.some((profile) => profile.id === profileId)) {
    throw validationError('InvalidUserProfile', `Profile ${profileId ?? '(none)'} is not a profile of this customer`);
  }
  const items = childNodes(data, 'Items').filter((item): item is XmlNode => typeof item === 'object' && item !== null);
  if (items.length === 0) throw validationError('EmptyOrder', 'The order has no items');

  const order: Order = {
    id: '',
    customerId: customer.id,
    profileId: profileId as string,
    deliveryModeId,
    comment: childText(data, 'Comment'),
    createdAt: world.clock.now(),
    paid: 0,
    cancelled: false,
    lines: [],
  };
  const dropped: DroppedItem[] = [];
  for (const item of items) {
    const outcome = checkItem(world, item);
    if ('reason' in outcome) dropped.push(outcome);
    else order.lines.push(outcome);
  }
  if (order.lines.length === 0) throw validationError('NoItemCanBeOrdered', 'None of the items can be ordered');

  order.id = world.newOrderId();
  order.lines.forEach((line, index) => {
    Object.assign(line, { id: world.newLineId(), orderId: order.id, lineNumber: index + 1 });
    const offer = world.catalogue.offer(line.itemId, line.configurationId);
    if (offer) world.catalogue.take(offer, line.quantity);
  });
  world.orders.set(order.id, order);
  return { order, dropped };
}

export function totalsOf(world: World, order: Order): OrderTotals {
  const goods = round(activeLines(order).reduce((sum, line) => sum + line.price * line.quantity, 0));
  const delivery = order.cancelled ? 0 : (world.deliveryModes.get(order.deliveryModeId)?.price ?? 0);
  const total = round(goods + delivery);
  return { goods, delivery, total, remain: round(Math.max(0, total - order.paid)) };
}

export function activeLines(order: Order): OrderLine[] {
  return order.lines.filter((line) => line.statusId !== LINE_STATUS.cancelled);
}

export function isPaid(world: World, order: Order): boolean {
  return !order.cancelled && totalsOf(world, order).remain === 0;
}

export function orderStatusId(world: World, order: Order): number {
  if (order.cancelled) return 90;
  if (!isPaid(world, order)) return 10;
  const lines = activeLines(order);
  const purchased = lines.filter((line) => isPurchased(line.statusId)).length;
  if (purchased === 0) return 20;
  return purchased === lines.length ? 36 : 31;
}

export function findOrder(world: World, orderId: string | undefined): Order {
  const order = orderId ? world.orders.get(orderId) : undefined;
  if (!order) throw notFound('Order', `Order ${orderId ?? '(none)'} was not found`);
  return order;
}

/** CancelSalesOrder: only while nothing of the order was bought; what was paid goes back to the balance. */
export function cancelOrder(world: World, customer: Customer, order: Order): void {
  if (order.customerId !== customer.id) throw notFound('Order', `Order ${order.id} was not found`);
  if (order.cancelled) throw validationError('OrderAlreadyCancelled', `Order ${order.id} is already cancelled`);
  if (order.lines.some((line) => line.purchase || isPurchased(line.statusId))) {
    throw validationError('OrderCannotBeCancelled', `Order ${order.id} has lines bought from the provider`);
  }
  customer.balance = round(customer.balance + order.paid);
  order.paid = 0;
  order.cancelled = true;
  for (const line of order.lines) {
    if (line.statusId !== LINE_STATUS.cancelled)
      world.catalogue.giveBack(line.itemId, line.configurationId, line.quantity);
    line.statusId = LINE_STATUS.cancelled;
  }
}

/** SalesPaymentReserve: moves money from the customer's balance to the order; paid in full, its lines are Paid. */
export function reservePayment(world: World, order: Order, amount: number): void {
  const customer = world.customers.get(order.customerId);
  if (!customer) throw notFound('Customer', `Customer ${order.customerId} was not found`);
  if (order.cancelled) throw validationError('OrderIsCancelled', `Order ${order.id} is cancelled`);
  const { remain } = totalsOf(world, order);
  if (amount > remain) {
    throw validationError('AmountExceedsRemainder', `Order ${order.id} has ${remain.toFixed(2)} left to pay`);
  }
  if (amount > customer.balance) {
    throw validationError('NotEnoughMoney', `The customer's balance ${customer.balance.toFixed(2)} is too small`);
  }
  customer.balance = round(customer.balance - amount);
  order.paid = round(order.paid + amount);
  if (!isPaid(world, order)) return;
  for (const line of order.lines) {
    if (line.statusId === LINE_STATUS.awaitingPayment) line.statusId = LINE_STATUS.paid;
  }
}

/** Binds a line to a provider order (export or link); its status follows the provider order's. */
export function bindLine(line: OrderLine, account: ProviderAccount, providerOrder: ProviderOrder, price: number): void {
  line.purchase = {
    providerOrderId: providerOrder.id,
    accountName: account.name,
    itemPrice: price,
    providerStatus: providerOrder.status,
    priceWarning: priceWarningOf(line.price, price),
  };
  applyProviderState(line, providerOrder);
}

/** What a synchronisation copies from the provider order; returns whether the line changed. */
export function applyProviderState(line: OrderLine, providerOrder: ProviderOrder): boolean {
  const purchase = line.purchase as LinePurchase;
  const statusId = LINE_STATUS_OF_PROVIDER_STATUS[providerOrder.status];
  const changed =
    purchase.providerStatus !== providerOrder.status ||
    purchase.trackingNumber !== providerOrder.trackingNumber ||
    line.statusId !== statusId;
  purchase.providerStatus = providerOrder.status;
  purchase.trackingNumber = providerOrder.trackingNumber;
  line.statusId = statusId;
  return changed;
}

export function unbindLine(line: OrderLine): void {
  line.purchase = undefined;
  line.statusId = LINE_STATUS.paid;
}

export function round(amount: number): number {
  return Math.round(amount * 100) / 100;
}

function checkItem(world: World, node: XmlNode): OrderLine | DroppedItem {
  const itemId = childText(node, 'Id') ?? '';
  const configurationId = childText(node, 'ConfigurationId') ?? '0';
  const drop = (reason: DroppedItem['reason']): DroppedItem => ({ itemId, configurationId, reason });

  const quantity = Number(childText(node, 'Quantity'));
  const weightText = childText(node, 'Weight');
  const weight = weightText === undefined ? undefined : Number(weightText);
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) return drop('bad field');
  if (weight !== undefined && !(weight >= 0)) return drop('bad field');

  const item = world.catalogue.item(itemId);
  if (!item) return drop('item not available');
  if (item.seller.closed) return drop('seller closed');
  const offer = world.catalogue.offer(itemId, configurationId);
  if (!offer) return drop('no such configuration');
  if (offer.stock < quantity) return drop(offer.configuration ? 'no such configuration' : 'item not available');

  return {
    id: '',
    orderId: '',
    lineNumber: 0,
    itemId,
    configurationId: offer.configuration?.id ?? '0',
    quantity,
    price: offer.price,
    weightKg: weight ?? item.weightKg,
    comment: childText(node, 'Comment'),
    promotionId: childText(node, 'PromotionId'),
    statusId: LINE_STATUS.awaitingPayment,
  };
}

function priceWarningOf(ordered: number, bought: number): LinePurchase['priceWarning'] {
  if (bought <= ordered) return { level: 'Ok', message: '' };
  const percent = (((bought - ordered) / ordered) * 100).toFixed(1);
  const message = `Bought at ${bought.toFixed(2)} CNY, ${percent}% above the ordered ${ordered.toFixed(2)} CNY`;
  return { level: Number(percent) < 10 ? 'SmallOverpayment' : 'BigOverpayment', message };
}
