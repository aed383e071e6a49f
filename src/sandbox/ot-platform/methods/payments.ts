import { findOrder, reservePayment, round } from '../orders';
import { presentPaymentInfo } from '../present';
import { notFound, validationError } from '../wire';
import type { Customer, Order } from '../world';
import { amountParam, type MethodCall, requiredParam, type SimMethod } from './method';

// OT Box sends `Y-m-d h-i-s`; ISO date-times are accepted too (reference §3.5 leaves the format open).
const TRANSACTION_DATE = /^\d{4}-\d{2}-\d{2}([ T]\d{2}[-:]\d{2}[-:]\d{2}(\.\d+)?)?$/;

export const PAYMENT_METHODS: Record<string, SimMethod> = {
  PostTransaction: {
    answer: 'VoidOtapiAnswer',
    session: 'operator',
    handle(call) {
      const customer = findCustomer(call, requiredParam(call, 'customerId'));
      const amount = amountParam(call, 'amount');
      const isDebit = requiredParam(call, 'isDebit');
      if (isDebit !== 'true' && isDebit !== 'false') {
        throw validationError('InvalidInputValue', `Parameter isDebit must be true or false, not ${isDebit}`);
      }
      const date = call.params.transactionDate ?? '';
      if (date !== '' && !TRANSACTION_DATE.test(date)) {
        throw validationError('InvalidInputValue', `Parameter transactionDate is not a date: ${date}`);
      }
      // isDebit=true is a deposit in OT's own admin, whatever the name suggests.
      if (isDebit === 'false' && amount > customer.balance) {
        throw validationError('NotEnoughMoney', `The customer's balance ${customer.balance.toFixed(2)} is too small`);
      }
      customer.balance = round(customer.balance + (isDebit === 'true' ? amount : -amount));
      return undefined;
    },
  },

  SalesPaymentReserve: {
    answer: 'SalesPaymentInfoAnswer',
    session: 'operator',
    handle(call) {
      const order = findOrder(call.world, requiredParam(call, 'salesId'));
      reservePayment(call.world, order, amountParam(call, 'amount'));
      return { Result: presentPaymentInfo(call.world, order, customerOf(call, order)) };
    },
  },

  GetSalesPaymentInfo: {
    answer: 'SalesPaymentInfoAnswer',
    session: 'operator',
    handle(call) {
      const order = findOrder(call.world, requiredParam(call, 'salesId'));
      return { Result: presentPaymentInfo(call.world, order, customerOf(call, order)) };
    },
  },
};

function findCustomer(call: MethodCall, customerId: string): Customer {
  const customer = call.world.customers.get(customerId);
  if (!customer) throw notFound('Customer', `Customer ${customerId} was not found`);
  return customer;
}

function customerOf(call: MethodCall, order: Order): Customer {
  return findCustomer(call, order.customerId);
}
