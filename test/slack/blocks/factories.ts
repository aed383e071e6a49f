import type { AccountView } from '../../../src/autopurchase/accounts';
import type { PaymentPlan } from '../../../src/autopurchase/payment';
import type { Activity, Order, OrderDetails, OrderLine, UserProfile } from '../../../src/ot/types';

// Test data with every field filled, so that a builder that drops or mislabels a field shows up in the output.

export const HOSTILE_TITLE = '连衣裙 <script>&amp "特价" *热卖* `代码` <!channel> 女装';

export function anOrder(overrides: Partial<Order> = {}): Order {
  return {
    id: 'ORD-0000012345',
    displayId: 'ORD-0000012345',
    statusId: 10,
    statusCode: 'InProcess',
    statusName: 'In process',
    customerId: '7001',
    customerName: 'Ivan Petrov',
    itemsCount: 2,
    goodsAmount: 100,
    deliveryAmount: 7.3,
    totalAmount: 107.3,
    remainAmount: 107.3,
    currencyCode: 'CNY',
    comment: 'Gift wrap, please',
    deliveryModeId: '42',
    deliveryModeName: 'External delivery',
    providerType: 'Taobao',
    createdAt: '2026-12-01T09:00:00Z',
    isPaid: false,
    isCancelled: false,
    canCancel: true,
    customerBalance: 0,
    lineStatusCounts: [{ statusId: '1', statusName: 'New', count: 2 }],
    ...overrides,
  };
}

export function anOrderLine(overrides: Partial<OrderLine> = {}): OrderLine {
  return {
    id: '101',
    orderId: 'ORD-0000012345',
    lineNumber: 1,
    itemId: 'abb-652271234567',
    providerItemId: '652271234567',
    configurationId: '4512345678',
    configurationText: '颜色:黑色;尺码:M',
    title: 'Black summer dress',
    quantity: 2,
    statusId: 3,
    statusCode: 'Purchased',
    statusName: 'Purchased',
    price: 50,
    amount: 100,
    currencyCode: 'CNY',
    sellerNick: 'shop-seller',
    providerOrderId: '1234567890123456789',
    trackingNumber: 'SF1234567890123',
    providerAccount: 'tb-account-1',
    providerStatus: 'WAIT_BUYER_CONFIRM_GOODS',
    priceWarning: { level: 'Ok', message: '' },
    providerType: 'Taobao',
    imageUrl: 'https://img.example.com/1.jpg',
    itemUrl: 'https://item.example.com/652271234567',
    customerComment: 'red if possible',
    operatorComment: 'checked',
    canBePurchased: true,
    isPaid: true,
    isCancelled: false,
    ...overrides,
  };
}

/** An order with `count` lines, each a little different, with long Chinese titles when asked. */
export function anOrderWithLines(count: number, lineOverrides: Partial<OrderLine> = {}): OrderDetails {
  const lines = Array.from({ length: count }, (_, index) =>
    anOrderLine({
      id: String(1000 + index),
      lineNumber: index + 1,
      providerOrderId: `1234567890123${String(index).padStart(6, '0')}`,
      trackingNumber: `SF${100000000 + index}`,
      ...lineOverrides,
    }),
  );
  return { order: anOrder({ itemsCount: count }), lines };
}

export function anAccount(overrides: Partial<AccountView> = {}): AccountView {
  return {
    name: 'tb-account-1',
    sessionId: 'session-1',
    balance: { amount: 1234.5, currencyCode: 'CNY' },
    loginUrl: 'https://login.example.com/provider?state=abc',
    ...overrides,
  };
}

export function anActivity(overrides: Partial<Activity> = {}): Activity {
  return {
    type: 'ProviderOrdersIntegrationExporting',
    id: 'act-5f0c',
    description: 'Export of ORD-0000012345',
    isFinished: false,
    isCancelled: false,
    isAwaitingAction: false,
    progressPercent: 45,
    workTimeMs: 12000,
    startTime: '2026-12-01T09:00:00Z',
    actions: [],
    steps: [],
    ...overrides,
  };
}

export function aProfile(overrides: Partial<UserProfile> = {}): UserProfile {
  return {
    id: 'profile-1',
    firstName: 'Ivan',
    lastName: 'Petrov',
    middleName: 'Ivanovich',
    countryCode: 'RU',
    region: 'Moscow',
    city: 'Moscow',
    address: 'Lenina 1',
    postalCode: '101000',
    phone: '+70000000000',
    ...overrides,
  };
}

export function aPaymentPlan(overrides: Partial<PaymentPlan> = {}): PaymentPlan {
  return {
    orderId: 'ORD-0000012345',
    customerId: '7001',
    customerName: 'Ivan Petrov',
    amount: 107.3,
    remainAmount: 107.3,
    currencyCode: 'CNY',
    ...overrides,
  };
}
