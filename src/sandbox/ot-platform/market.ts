import { PROVIDER_STATUS, type ProviderStatus } from './statuses';
import type { ProviderAccount, ProviderOrder, ProviderOrderItem, World } from './world';

// Taobao's side of the world: orders booked in an account move on by themselves as time passes (paid by
// the operator on the site, shipped by the seller, received), and OT learns of it only by synchronising.

const TRACKING_PREFIXES = ['SF', 'YT', 'JT', 'ZTO'];

/** Moves every provider order through the stages that are due by now. */
export function settleProviderOrders(world: World): void {
  const now = world.clock.now().getTime();
  for (const order of world.providerOrders.values()) {
    while (advanceProviderOrder(world, order, now)) {
      // each call moves one stage; a long jump of the clock may cover several
    }
  }
}

export function bookProviderOrder(
  world: World,
  account: ProviderAccount,
  sellerNick: string,
  items: ProviderOrderItem[],
): ProviderOrder {
  const now = world.clock.now();
  const order: ProviderOrder = {
    id: world.newProviderOrderId(),
    accountName: account.name,
    sellerNick,
    items,
    createdAt: now,
    status: PROVIDER_STATUS.awaitingPayment,
    statusSince: now,
  };
  world.providerOrders.set(order.id, order);
  return order;
}

/** Booked orders not yet paid on Taobao: what the account's booking limit counts. */
export function countUnpaidOrders(world: World, accountName: string): number {
  return [...world.providerOrders.values()].filter(
    (order) => order.accountName === accountName && order.status === PROVIDER_STATUS.awaitingPayment,
  ).length;
}

export function providerOrdersOf(world: World, accountName: string): ProviderOrder[] {
  return [...world.providerOrders.values()].filter((order) => order.accountName === accountName);
}

export function totalOf(order: ProviderOrder): number {
  return order.items.reduce((sum, item) => sum + item.price * item.quantity, 0);
}

function advanceProviderOrder(world: World, order: ProviderOrder, now: number): boolean {
  const next = nextStage(world, order);
  if (!next || next.at > now) return false;
  if (order.status === PROVIDER_STATUS.awaitingPayment && !payFromAccount(world, order)) return false;

  order.status = next.status;
  order.statusSince = new Date(next.at);
  if (next.status === PROVIDER_STATUS.shipped) order.trackingNumber = newTrackingNumber(world);
  return true;
}

function nextStage(world: World, order: ProviderOrder): { status: ProviderStatus; at: number } | undefined {
  const since = order.statusSince.getTime();
  const { providerPayMs, providerShipMs, providerDeliverMs } = world.timings;
  switch (order.status) {
    case PROVIDER_STATUS.awaitingPayment:
      return { status: PROVIDER_STATUS.awaitingShipment, at: since + providerPayMs };
    case PROVIDER_STATUS.awaitingShipment:
      return { status: PROVIDER_STATUS.shipped, at: since + providerShipMs };
    case PROVIDER_STATUS.shipped:
      return { status: PROVIDER_STATUS.finished, at: since + providerDeliverMs };
    default:
      return undefined;
  }
}

/** The operator pays booked orders on Taobao from the account's balance; without enough, the order waits. */
function payFromAccount(world: World, order: ProviderOrder): boolean {
  const account = world.providerAccounts.get(order.accountName);
  const total = totalOf(order);
  if (!account || account.balance < total) return false;
  account.balance = Math.round((account.balance - total) * 100) / 100;
  return true;
}

function newTrackingNumber(world: World): string {
  const prefix = TRACKING_PREFIXES[world.random.int(0, TRACKING_PREFIXES.length - 1)];
  return prefix === 'ZTO' ? `7730${world.random.digits(11)}` : `${prefix}${world.random.digits(13)}`;
}
