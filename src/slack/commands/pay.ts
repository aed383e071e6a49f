import { openPayModal } from '../views/pay';
import type { VerbHandler } from './context';

/** `pay <id> [amount]`: the confirm dialog; the money moves only when it is submitted. */
export const handlePay: VerbHandler<'pay'> = ({ deps, client, userId, triggerId, responseUrl }, command) =>
  openPayModal(deps, client, { triggerId, userId, responseUrl, orderId: command.orderId, amount: command.amount });
