import { PROVIDER_STATUS } from './statuses';
import type { Credentials, Customer, World } from './world';

// The simulated instance as it stands when the simulator starts. The sandbox's embedded settings and the
// contract tests use these values; README's simulator section lists them for people trying it by hand.

export const SEED = {
  instanceKey: 'sandbox-instance-key',
  operator: { login: 'operator', password: 'sandbox-operator-password' } satisfies Credentials,
  /** The customer whose orders the bot adds; it has no password to give, so the operator impersonates it. */
  customer: { login: 'autopurchase', password: 'sandbox-customer-password' } satisfies Credentials,
  deliveryModeId: '12',
  providerType: 'Taobao',
  accounts: { main: 'ot采购账号01', expired: '义乌代购小王', fresh: 'tb_autobuy_03' },
  /** A Taobao order the operator bought by hand on the site, ready to be linked to an OT order. */
  manualProviderOrderId: '3141592653589793238',
} as const;

const CUSTOMERS: Customer[] = [
  {
    id: '10587',
    login: SEED.customer.login,
    password: SEED.customer.password,
    name: 'Autopurchase (store orders)',
    balance: 0,
    profiles: [
      {
        id: '345',
        firstName: '伟',
        lastName: '张',
        countryCode: 'CN',
        region: '广东省',
        city: '广州市',
        address: '白云区石井街道潭村路88号 3号仓库',
        postalCode: '510430',
        phone: '+86 138 1234 5678',
      },
      {
        id: '346',
        firstName: 'Anna',
        lastName: 'Petrova',
        middleName: 'Sergeevna',
        countryCode: 'RU',
        region: 'Moscow',
        city: 'Moscow',
        address: 'ul. Tverskaya 7, apt 12',
        postalCode: '125009',
        phone: '+7 916 123 45 67',
      },
    ],
  },
  {
    id: '10588',
    login: 'li.na',
    password: 'sandbox-li-na-password',
    name: 'Li Na',
    balance: 250,
    profiles: [
      {
        id: '352',
        firstName: '娜',
        lastName: '李',
        countryCode: 'CN',
        region: '浙江省',
        city: '义乌市',
        address: '福田街道商城大道 国际商贸城一区 A-1088',
        postalCode: '322000',
        phone: '+86 139 8765 4321',
      },
    ],
  },
];

export function seedWorld(world: World): void {
  const now = world.clock.now().getTime();
  const hour = 60 * 60_000;

  for (const customer of CUSTOMERS) world.customers.set(customer.id, structuredClone(customer));
  world.deliveryModes.set(SEED.deliveryModeId, { id: SEED.deliveryModeId, name: 'External delivery (free)', price: 0 });

  // One account logged in an hour ago, one whose session ran out yesterday, one never logged in.
  world.providerAccounts.set(SEED.accounts.main, {
    name: SEED.accounts.main,
    balance: 12850.36,
    bookingLimit: 20,
    session: { id: world.random.guid(), createdAt: new Date(now - hour), expiresAt: new Date(now + 23 * hour) },
  });
  world.providerAccounts.set(SEED.accounts.expired, {
    name: SEED.accounts.expired,
    balance: 0,
    bookingLimit: 20,
    session: { id: world.random.guid(), createdAt: new Date(now - 30 * hour), expiresAt: new Date(now - 6 * hour) },
  });
  world.providerAccounts.set(SEED.accounts.fresh, { name: SEED.accounts.fresh, balance: 3420.5, bookingLimit: 5 });

  world.providerOrders.set(SEED.manualProviderOrderId, {
    id: SEED.manualProviderOrderId,
    accountName: SEED.accounts.main,
    sellerNick: '莆田运动鞋城',
    items: [{ itemId: '398765432101', configurationId: '1101234567002', quantity: 1, price: 239 }],
    createdAt: new Date(now - 2 * hour),
    status: PROVIDER_STATUS.awaitingShipment,
    statusSince: new Date(now - 2 * hour),
  });
}
