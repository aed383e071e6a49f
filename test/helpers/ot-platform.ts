import { createSilentLogger } from '../../src/logger';
import { OtClient, type OtClientOptions } from '../../src/ot/client';
import type { Activity, ActivityRef } from '../../src/ot/types';
import {
  createClock,
  type OtPlatform,
  type OtPlatformOptions,
  SEED,
  startOtPlatform,
} from '../../src/sandbox/ot-platform';
import { FAST_POLICIES } from './ot';

/** The simulator on a free loopback port, with a manual clock: time moves only when a test moves it. */
export function startTestPlatform(options: OtPlatformOptions = {}): Promise<OtPlatform> {
  return startOtPlatform({ clock: createClock({ mode: 'manual' }), ...options });
}

/** The real OT client, configured as the bot would be against this simulator (customer by impersonation). */
export function clientFor(platform: OtPlatform, overrides: Partial<OtClientOptions> = {}): OtClient {
  return new OtClient({
    baseUrl: platform.serviceUrl,
    instanceKey: SEED.instanceKey,
    language: 'en',
    operator: SEED.operator,
    customer: { login: SEED.customer.login },
    providerType: SEED.providerType,
    logger: createSilentLogger(),
    policies: FAST_POLICIES,
    now: () => platform.clock.now(),
    ...overrides,
  });
}

/** Moves the simulator's clock a second at a time and reads the activity until `done` holds. */
export async function pollActivity(
  platform: OtPlatform,
  client: OtClient,
  ref: ActivityRef,
  done: (activity: Activity) => boolean,
  maxSeconds = 120,
): Promise<Activity> {
  for (let second = 0; second <= maxSeconds; second++) {
    const activity = await client.getActivity(ref);
    if (done(activity)) return activity;
    platform.clock.advance(1_000);
  }
  throw new Error(`activity ${ref.type} ${ref.id} did not reach the expected state in ${maxSeconds} s`);
}

export const isOver = (activity: Activity): boolean => activity.isFinished || activity.isCancelled;
export const isAsking = (activity: Activity): boolean => activity.isAwaitingAction;

/** The open question's step: the last step that offers actions. */
export function questionOf(activity: Activity): Activity['steps'][number] {
  const step = [...activity.steps].reverse().find((candidate) => candidate.actions.length > 0);
  if (!step) throw new Error('the activity asks nothing');
  return step;
}

export function stepAction(activity: Activity, displayName: string): Activity['steps'][number]['actions'][number] {
  const action = questionOf(activity).actions.find((candidate) => candidate.displayName === displayName);
  if (!action) throw new Error(`the question offers no "${displayName}"`);
  return action;
}

export async function providerSessionId(client: OtClient, accountName: string): Promise<string> {
  const session = (await client.getProviderSessions()).find((candidate) => candidate.name === accountName);
  if (!session) throw new Error(`no provider session for ${accountName}`);
  return session.id;
}

/** Adds an order through the client and pays it in full: deposit, then reserve. */
export async function addPaidOrder(client: OtClient, items: Parameters<OtClient['addOrder']>[0]['items']) {
  const order = await client.addOrder({ deliveryModeId: SEED.deliveryModeId, userProfileId: '345', items });
  await client.deposit({ customerId: order.customerId, amount: order.remainAmount });
  await client.reservePayment(order.id, order.remainAmount);
  return order;
}

/** A paid order exported on the main account, then synced 7 hours later: every line bound and tracked. */
export async function addShippedOrder(
  platform: OtPlatform,
  client: OtClient,
  items: Parameters<typeof addPaidOrder>[1],
) {
  const order = await addPaidOrder(client, items);
  const sessionId = await providerSessionId(client, SEED.accounts.main);
  await pollActivity(
    platform,
    client,
    await client.exportOrder({ orderId: order.id, providerSessionId: sessionId }),
    isOver,
  );
  platform.clock.advance(7 * 60 * 60_000); // paid on Taobao after 30 min, shipped 6 h later
  await pollActivity(platform, client, await client.syncOrders({ providerSessionId: sessionId }), isOver);
  return { order, lines: (await client.getOrderDetails(order.id)).lines };
}

/** Starts an export of the order on the account that holds a valid session. */
export async function exportOnMainAccount(client: OtClient, orderId: string): Promise<ActivityRef> {
  return client.exportOrder({ orderId, providerSessionId: await providerSessionId(client, SEED.accounts.main) });
}
