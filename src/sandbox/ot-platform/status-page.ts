import { orderStatusId, totalsOf } from './orders';
import { LINE_STATUS_NAMES, ORDER_STATUS_NAMES } from './statuses';
import { formatTime } from './text';
import { escapeXml } from './wire';
import type { OrderLine, World } from './world';

// The simulator's front page, for people trying the sandbox: what the instance holds right now, and a way
// to move its clock forward so that Taobao orders get paid, shipped and tracked without waiting for days.

export const CLOCK_STEPS: Record<string, number> = { '1h': 60 * 60_000, '6h': 6 * 60 * 60_000, '1d': 24 * 60 * 60_000 };

export function renderStatusPage(world: World): string {
  const now = world.clock.now();
  const accounts = [...world.providerAccounts.values()].map((account) => {
    const session = account.session;
    const state = !session
      ? 'never logged in'
      : session.expiresAt > now
        ? `session until ${formatTime(session.expiresAt)}`
        : `session expired ${formatTime(session.expiresAt)}`;
    return row([account.name, state, account.balance.toFixed(2), String(account.bookingLimit)]);
  });
  const orders = [...world.orders.values()].reverse().map((order) => {
    const lines = order.lines.map((line) => `${line.id}: ${LINE_STATUS_NAMES[line.statusId]}${describePurchase(line)}`);
    return row([
      order.id,
      ORDER_STATUS_NAMES[orderStatusId(world, order)],
      totalsOf(world, order).total.toFixed(2),
      lines.join('; '),
    ]);
  });
  const providerOrders = [...world.providerOrders.values()].map((order) =>
    row([order.id, order.accountName, order.sellerNick, order.status, order.trackingNumber ?? '']),
  );
  const buttons = Object.keys(CLOCK_STEPS)
    .map((step) => `<button name="step" value="${step}">+${step}</button>`)
    .join(' ');

  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>OT Platform simulator</title></head><body>
<h1>OT Platform simulator</h1>
<p>Simulated time: ${formatTime(now)}</p>
<form method="post" action="/simulator/clock">Move the clock forward: ${buttons}</form>
<h2>Taobao accounts</h2>${table(['account', 'session', 'balance (CNY)', 'booking limit'], accounts)}
<h2>Orders</h2>${table(['order', 'status', 'total (CNY)', 'lines'], orders)}
<h2>Taobao orders</h2>${table(['Taobao order', 'account', 'seller', 'status', 'tracking number'], providerOrders)}
</body></html>`;
}

function table(headings: string[], rows: string[]): string {
  if (rows.length === 0) return '<p>none yet</p>';
  const head = headings.map((heading) => `<th>${heading}</th>`).join('');
  return `<table border="1" cellpadding="4"><tr>${head}</tr>${rows.join('')}</table>`;
}

function row(cells: string[]): string {
  return `<tr>${cells.map((cell) => `<td>${escapeXml(cell)}</td>`).join('')}</tr>`;
}

function describePurchase(line: OrderLine): string {
  if (!line.purchase) return '';
  const tracking = line.purchase.trackingNumber ? ` (${line.purchase.trackingNumber})` : '';
  return ` → ${line.purchase.providerOrderId}${tracking}`;
}
