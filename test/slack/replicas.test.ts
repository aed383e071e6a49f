import { randomUUID } from 'node:crypto';

import nock from 'nock';

import { type OtPlatform, SEED } from '../../src/sandbox/ot-platform';
import { CALLBACK_IDS } from '../../src/slack/ids';
import { clientFor, startTestPlatform } from '../helpers/ot-platform';
import {
  captureResponses,
  captureWebApi,
  eventually,
  sendCommand,
  sendInteraction,
  startTestBot,
  type TestBot,
  viewSubmissionPayload,
} from '../helpers/slack';

// Two replicas of the bot sharing the real Redis on 127.0.0.1:6379: a pay dialog submitted to both (a retry
// that a load balancer sends to the other replica) still pays once.

describe('two bot replicas on one Redis', () => {
  let platform: OtPlatform;
  let replicas: TestBot[];

  beforeEach(async () => {
    platform = await startTestPlatform();
    // Claims are keyed by random dialog nonces and unique trigger ids, so runs do not collide; they expire.
    const redis = { STORE_URL: `redis://127.0.0.1:6379` };
    replicas = [await startTestBot(platform, redis), await startTestBot(platform, redis)];
  });

  afterEach(async () => {
    for (const replica of replicas) await replica.stop();
    await platform.close();
    nock.cleanAll();
  });

  it('pays once when the same dialog reaches both replicas', async () => {
    const order = await clientFor(platform).addOrder({
      deliveryModeId: SEED.deliveryModeId,
      items: [{ itemId: '587654321099', quantity: 1 }],
    });
    const web = captureWebApi({ 'views.open': { view: { id: `V0${randomUUID().slice(0, 8)}`, hash: 'h1' } } });
    await sendCommand(replicas[0], `pay ${order.id}`);
    const update = await eventually(() => web.find((call) => call.method === 'views.update'));
    const metadata = JSON.parse(update.body.view as string).private_metadata as string;

    const replies = captureResponses(1);
    const submission = viewSubmissionPayload(CALLBACK_IDS.payConfirm, metadata, {});
    await Promise.all(replicas.map((replica) => sendInteraction(replica, submission)));
    await replies.done;
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(platform.calls.filter((call) => call.method === 'SalesPaymentReserve')).toHaveLength(1);
    expect(replies.bodies).toHaveLength(1);
  });
});
