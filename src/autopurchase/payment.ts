import type { OtClient } from '../ot/client';
import type { Order, OrderDetails } from '../ot/types';

/** What the confirm dialog shows before any money moves. */
export interface PaymentPlan {
  orderId: string;
  customerId: string;
  customerName: string;
  amount: number;
  remainAmount: number;
  currencyCode: string;
}

/** Why a payment cannot go ahead, in words for the operator. */
export class PaymentRefused extends Error {
  readonly code = 'PAYMENT_REFUSED';
}

/** The deposit went through and the reservation did not: the money waits on the customer's balance. */
export class PaymentPartlyDone extends Error {
  readonly code = 'PAYMENT_PARTLY_DONE';
}

/**
 * The payment simulation of OT's guide, planned: the order's remaining amount unless another is given,
 * refused for a cancelled or paid order and for more than is left to pay.
 */
export async function planPayment(ot: OtClient, orderId: string, amount?: number): Promise<PaymentPlan> {
  const { order } = await ot.getOrderDetails(orderId);
  checkPayable(order, amount);
  return {
    orderId: order.id,
    customerId: order.customerId,
    customerName: order.customerName,
    amount: amount ?? order.remainAmount,
    remainAmount: order.remainAmount,
    currencyCode: order.currencyCode,
  };
}

/**
 * PostTransaction (deposit to the customer's account), then SalesPaymentReserve (pay the order from it).
 * Only what the balance lacks is deposited, so that paying again after a failed reservation does not
 * deposit twice. The plan is checked again first: the order may have been paid since the dialog opened.
 */
export async function payOrder(ot: OtClient, plan: PaymentPlan): Promise<PaidOrder> {
  const { order } = await ot.getOrderDetails(plan.orderId);
  checkPayable(order, plan.amount);
  const { availableBalance } = await ot.getPaymentInfo(order.id);
  const deposited = Math.max(0, Math.round((plan.amount - availableBalance) * 100) / 100);
  if (deposited > 0) {
    await ot.deposit({ customerId: order.customerId, amount: deposited, comment: `Payment of ${order.id}` });
  }
  try {
    await ot.reservePayment(order.id, plan.amount);
  } catch (error) {
    const amount = `${plan.amount.toFixed(2)} ${plan.currencyCode}`;
    throw new PaymentPartlyDone(`${amount} is on the customer's balance, but paying ${order.id} from it failed`, {
      cause: error,
    });
  }
  return { details: await ot.getOrderDetails(order.id), deposited, paid: plan.amount };
}

export interface PaidOrder {
  details: OrderDetails;
  /** What PostTransaction added to the balance (0 when the balance already covered the amount). */
  deposited: number;
  paid: number;
}

function checkPayable(order: Order, amount: number | undefined): void {
  if (order.isCancelled) throw new PaymentRefused(`${order.id} is cancelled`);
  if (order.remainAmount <= 0) throw new PaymentRefused(`${order.id} is already paid`);
  if (amount !== undefined && amount > order.remainAmount) {
    const left = `${order.remainAmount.toFixed(2)} ${order.currencyCode}`;
    throw new PaymentRefused(`${amount.toFixed(2)} is more than the ${left} left to pay on ${order.id}`);
  }
}
