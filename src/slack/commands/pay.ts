import { openPayModal } from '../views/pay';
import type { VerbHandler } from './context';

/** `pay <id> [amount]`: the confirm dialog; the money moves only when it is submitted. */
export const handlePay: VerbHandler<'pay'> = ({ deps, client, userId, triggerId, responseUrl, reply }, command) =>
  openPayModal(deps, client, {
    triggerId,
    userId,
    responseUrl,
    reply,
    orderId: command.orderId,
    amount: command.amount,
  });
