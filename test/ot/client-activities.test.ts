import nock from 'nock';

import { OtApiError, OtBadAnswerError, OtHttpError } from '../../src/ot/errors';
import type { ActivityRef } from '../../src/ot/types';
import {
  createTestClient,
  expectCall,
  expectOperatorLogin,
  type Form,
  fixture,
  formOf,
  operatorForm,
  otScope,
} from '../helpers/ot';

const ORDER_ID = 'ORD-0000012345';
const PROVIDER_SESSION_ID = '93907db2-dedf-4541-b02e-f5c46e4f0783';
const EXPORT: ActivityRef = { type: 'ProviderOrdersIntegrationExporting', id: '9ad18feb-0844-42e0-9669-77ddd4166a6e' };
const SYNC: ActivityRef = {
  type: 'ProviderOrdersIntegrationSynchronizing',
  id: '6212dbe6-9464-4361-8d0c-92792d5c57cc',
};
const LINK: ActivityRef = { type: 'ProviderOrdersIntegrationLinking', id: '5cc2ce35-8c29-4e09-b30b-a91d3d252f99' };
const UNLINK: ActivityRef = { type: 'ProviderOrdersIntegrationUnlinking', id: 'b872feff-d465-4aa0-99be-510c117ecea9' };
const TARGET = { providerSessionId: PROVIDER_SESSION_ID };
const PROVIDER_ORDERS = '<ProviderOrderIds><Id>2345678901234567905</Id><Id>2345678901234567912</Id></ProviderOrderIds>';

/** The xmlParameters of a Run* call: `<Parameters>` around the given elements. */
function parametersXml(...elements: string[]): string {
  return `<Parameters>${elements.join('')}</Parameters>`;
}

/** The form of a Run* call on the client's provider. */
function runForm(fields: Form): Form {
  return operatorForm({ providerType: 'Taobao', providerSessionId: PROVIDER_SESSION_ID, ...fields });
}

/** One of the two DoStepAction answers the price-change step of activity-awaiting-price.xml offers. */
function priceAction(displayName: string, choice: string) {
  const parameters = [
    { name: 'stepId', value: '4' },
    { name: 'lineId', value: '48214' },
    { name: 'choice', value: choice },
  ];
  return { id: 'DoStepAction', displayName, parameters };
}

afterEach(() => nock.cleanAll());

describe('OtClient activities: starting them', () => {
  it('exports a whole order with only its OrderId, to the client provider, in the operator session', async () => {
    const { scope, forms } = expectCall('RunOrderExportingToProvider', fixture('run-exporting.xml'));

    const activity = await createTestClient().exportOrder({ orderId: ORDER_ID, ...TARGET });

    scope.done();
    expect(forms).toEqual([runForm({ xmlParameters: `<Parameters><OrderId>${ORDER_ID}</OrderId></Parameters>` })]);
    expect(activity).toEqual(EXPORT);
  });

  it('exports only the listed lines, to the provider the request names', async () => {
    const { scope, forms } = expectCall('RunOrderExportingToProvider', fixture('run-exporting.xml'));

    await createTestClient().exportOrder({
      orderId: ORDER_ID,
      lineIds: ['48214', '48215'],
      providerType: 'Alibaba1688',
      ...TARGET,
    });

    scope.done();
    const xml = parametersXml(
      `<OrderId>${ORDER_ID}</OrderId>`,
      '<OrderLineIds><Id>48214</Id><Id>48215</Id></OrderLineIds>',
    );
    expect(forms).toEqual([runForm({ providerType: 'Alibaba1688', xmlParameters: xml })]);
  });

  it('synchronizes every order of the provider session without any xmlParameters', async () => {
    const { scope, forms } = expectCall('RunOrdersSynchronizingWithProvider', fixture('run-synchronizing.xml'));

    const activity = await createTestClient().syncOrders({ orderIds: [], ...TARGET });

    scope.done();
    expect(forms).toEqual([runForm({})]);
    expect(activity).toEqual(SYNC);
  });

  it('synchronizes only the orders it names', async () => {
    const { scope, forms } = expectCall('RunOrdersSynchronizingWithProvider', fixture('run-synchronizing.xml'));

    await createTestClient().syncOrders({ orderIds: [ORDER_ID, 'ORD-0000012346'], ...TARGET });

    scope.done();
    const xml = `<Parameters><OrderIds><Id>${ORDER_ID}</Id><Id>ORD-0000012346</Id></OrderIds></Parameters>`;
    expect(forms).toEqual([runForm({ xmlParameters: xml })]);
  });

  it.each([
    ['the whole order', undefined, `<Parameters><OrderId>${ORDER_ID}</OrderId>${PROVIDER_ORDERS}</Parameters>`],
    [
      'the listed lines',
      ['48214'],
      parametersXml(`<OrderId>${ORDER_ID}</OrderId>`, '<OrderLineIds><Id>48214</Id></OrderLineIds>', PROVIDER_ORDERS),
    ],
  ])('links %s to provider orders and reads the activity id given as <Id><Value>', async (_case, lineIds, xml) => {
    const { scope, forms } = expectCall('RunOrderLinkingWithProvider', fixture('run-linking.xml'));
    const providerOrderIds = ['2345678901234567905', '2345678901234567912'];

    const activity = await createTestClient().linkOrder({ orderId: ORDER_ID, lineIds, providerOrderIds, ...TARGET });

    scope.done();
    expect(forms).toEqual([runForm({ xmlParameters: xml })]);
    expect(activity).toEqual(LINK);
  });

  it.each([
    [
      'the listed lines and provider orders',
      { lineIds: ['48216', '48217'], providerOrderIds: ['2345678901234567905', '2345678901234567912'] },
      parametersXml(
        `<OrderId>${ORDER_ID}</OrderId>`,
        '<OrderLineIds><Id>48216</Id><Id>48217</Id></OrderLineIds>',
        PROVIDER_ORDERS,
      ),
    ],
    [
      'every bound line, sending only the OrderId',
      { lineIds: [] },
      `<Parameters><OrderId>${ORDER_ID}</OrderId></Parameters>`,
    ],
  ])('unlinks %s', async (_case, lists, xml) => {
    const { scope, forms } = expectCall('RunOrderUnlinkingFromProvider', fixture('run-unlinking.xml'));

    const activity = await createTestClient().unlinkOrder({ orderId: ORDER_ID, ...lists, ...TARGET });

    scope.done();
    expect(forms).toEqual([runForm({ xmlParameters: xml })]);
    expect(activity).toEqual(UNLINK);
  });

  it('takes a BatchError answer that carries a Result as a started activity', async () => {
    const { scope } = expectCall('RunOrdersSynchronizingWithProvider', fixture('batch-error.xml'));

    const activity = await createTestClient().syncOrders(TARGET);

    scope.done();
    expect(activity).toEqual({ type: SYNC.type, id: '236e61a3-73fd-4146-b6f2-5fb5c47c86cb' });
  });

  it('takes the activity type from the method when the answer leaves Type out', async () => {
    const answer = `<A><ErrorCode>Ok</ErrorCode><Result><Id>${UNLINK.id}</Id></Result></A>`;
    const { scope } = expectCall('RunOrderUnlinkingFromProvider', answer);

    const activity = await createTestClient().unlinkOrder({ orderId: ORDER_ID, ...TARGET });

    scope.done();
    expect(activity).toEqual(UNLINK);
  });
});

describe('OtClient activities: reading them', () => {
  it('searches activities by the given types', async () => {
    const { scope, forms } = expectCall('SearchBackgroundActivities', fixture('search-background-activities.xml'));

    await createTestClient().searchActivities([EXPORT.type, LINK.type]);

    scope.done();
    const xml =
      `<BackgroundActivitySearchParameters><Types><Type>${EXPORT.type}</Type><Type>${LINK.type}</Type></Types>` +
      '</BackgroundActivitySearchParameters>';
    expect(forms).toEqual([operatorForm({ xmlSearchParameters: xml })]);
  });

  it('maps every searched activity, whether its Actions are listed, empty or absent, with no steps', async () => {
    const { scope } = expectCall('SearchBackgroundActivities', fixture('search-background-activities.xml'));

    const activities = await createTestClient().searchActivities();

    scope.done();
    expect(activities[0]).toEqual({
      ...EXPORT,
      description: 'Export of order ORD-0000012345 to Taobao (account ot采购账号01)',
      isFinished: false,
      isCancelled: false,
      isAwaitingAction: true,
      progressPercent: 45,
      workTimeMs: 12873,
      startTime: '2026-11-30T09:15:42.117',
      actions: [
        { id: 'Continue', displayName: 'Continue export' },
        { id: 'Cancel', displayName: 'Cancel export' },
      ],
      steps: [],
    });
    const summaries = activities.map((activity) => ({
      ref: { type: activity.type, id: activity.id },
      state: [activity.isFinished, activity.isCancelled, activity.progressPercent],
      counts: [activity.actions.length, activity.steps.length],
    }));
    expect(summaries).toEqual([
      { ref: EXPORT, state: [false, false, 45], counts: [2, 0] },
      { ref: SYNC, state: [true, false, 100], counts: [0, 0] },
      { ref: LINK, state: [false, true, 20], counts: [0, 0] },
      { ref: UNLINK, state: [false, false, 60], counts: [0, 0] },
    ]);
  });

  it('reads one activity by its type and id, with its steps', async () => {
    const { scope, forms } = expectCall('GetBackgroundActivityInfo', fixture('activity-running.xml'));

    const activity = await createTestClient().getActivity(EXPORT);

    scope.done();
    expect(forms).toEqual([operatorForm({ activityType: EXPORT.type, activityId: EXPORT.id })]);
    expect(activity).toMatchObject({ ...EXPORT, isFinished: false, isAwaitingAction: false, progressPercent: 40 });
    expect(activity).toMatchObject({ workTimeMs: 8421, actions: [] });
    expect(activity.steps.map((step) => step.timeFromStartMs)).toEqual([112, 1847, 2306]);
    expect(activity.steps[2]).toEqual({
      type: 'Info',
      message: 'Checking availability, configuration and price of the items on Taobao…',
      timeFromStartMs: 2306,
      actions: [],
    });
  });

  it('maps the activity actions and the step actions of an activity awaiting an answer', async () => {
    const { scope } = expectCall('GetBackgroundActivityInfo', fixture('activity-awaiting-price.xml'));

    const activity = await createTestClient().getActivity(EXPORT);

    scope.done();
    expect(activity.isAwaitingAction).toBe(true);
    expect(activity.actions).toEqual([
      { id: 'Continue', displayName: 'Continue export' },
      { id: 'Cancel', displayName: 'Cancel export' },
    ]);
    expect(activity.steps.map((step) => step.type)).toEqual(['Info', 'Info', 'Info', 'Warning']);
    expect(activity.steps[2]?.message).toContain('纯棉&加绒 <120-160cm>');
    expect(activity.steps[3]?.actions).toEqual([
      priceAction('Accept new price', 'AcceptNewPrice'),
      priceAction('Remove line', 'RemoveLine'),
      {
        id: 'Link',
        displayName: 'Open item on Taobao',
        parameters: [{ name: 'url', value: 'https://item.taobao.com/item.htm?id=765432109876&skuId=5123456789012' }],
      },
    ]);
  });

  it.each([
    ['activity-finished-ok.xml', true, false, 100, ['Info', 'Warning', 'Info', 'Success', 'Success', 'Info']],
    ['activity-finished-errors.xml', true, false, 100, ['Info', 'Error', 'Error', 'Info']],
    ['activity-cancelled.xml', false, true, 20, ['Info', 'Warning', 'Info']],
  ])('maps the end state and steps of %s', async (name, isFinished, isCancelled, progressPercent, stepTypes) => {
    const { scope } = expectCall('GetBackgroundActivityInfo', fixture(name));

    const activity = await createTestClient().getActivity(EXPORT);

    scope.done();
    expect(activity).toMatchObject({ isFinished, isCancelled, isAwaitingAction: false, progressPercent, actions: [] });
    expect(activity.steps.map((step) => step.type)).toEqual(stepTypes);
    expect(activity.steps.every((step) => step.message !== '' && step.actions.length === 0)).toBe(true);
  });
});

describe('OtClient activities: answering them', () => {
  it('answers an activity action with the activity type, id and the actionId', async () => {
    const { scope, forms } = expectCall('DoActionForBackgroundActivity', fixture('void-ok.xml'));

    await expect(createTestClient().doActivityAction(EXPORT, 'Continue')).resolves.toBeUndefined();

    scope.done();
    expect(forms).toEqual([operatorForm({ activityType: EXPORT.type, activityId: EXPORT.id, actionId: 'Continue' })]);
  });

  it('sends the step action parameters back as NamedParameters, unchanged and in order', async () => {
    const { scope, forms } = expectCall('DoStepActionForBackgroundActivity', fixture('void-ok.xml'));

    await createTestClient().doStepAction(EXPORT, priceAction('Accept new price', 'AcceptNewPrice').parameters);

    scope.done();
    const xml =
      '<NamedParameters><Parameter Name="stepId">4</Parameter><Parameter Name="lineId">48214</Parameter>' +
      '<Parameter Name="choice">AcceptNewPrice</Parameter></NamedParameters>';
    expect(forms).toEqual([operatorForm({ activityType: EXPORT.type, activityId: EXPORT.id, xmlParameters: xml })]);
  });

  it('escapes &, < and " in a step action parameter value', async () => {
    const { scope, forms } = expectCall('DoStepActionForBackgroundActivity', fixture('void-ok.xml'));

    await createTestClient().doStepAction(EXPORT, [{ name: 'note', value: 'A&B <b>"x"' }]);

    scope.done();
    expect(forms[0]?.xmlParameters).toBe(
      '<NamedParameters><Parameter Name="note">A&amp;B &lt;b&gt;&quot;x&quot;</Parameter></NamedParameters>',
    );
  });
});

describe('OtClient activities: failures', () => {
  it('turns an OT error on getActivity into an OtApiError with every field OT gave', async () => {
    const { scope } = expectCall('GetBackgroundActivityInfo', fixture('error-not-found-order.xml'));

    const failure = createTestClient().getActivity(EXPORT);

    await expect(failure).rejects.toBeInstanceOf(OtApiError);
    await expect(failure).rejects.toMatchObject({
      code: 'OT_API_ERROR',
      method: 'GetBackgroundActivityInfo',
      errorCode: 'NotFound',
      subErrorCode: 'SalesOrderWithId',
      description: 'Order with id ORD-0000099999 not found',
      requestId: '165ffa50-ba76-4373-823a-bcb026547df9',
    });
    scope.done();
  });

  it('does not repeat a Run* call after an HTTP 500, since OT may have started the activity', async () => {
    let runs = 0;
    // Persisted, so that a second attempt would be answered and counted instead of failing elsewhere.
    const scope = expectOperatorLogin(otScope().persist(), 'op-1')
      .post('/service/RunOrderExportingToProvider', () => {
        runs += 1;
        return true;
      })
      .reply(500);

    const failure = createTestClient().exportOrder({ orderId: ORDER_ID, ...TARGET });

    await expect(failure).rejects.toBeInstanceOf(OtHttpError);
    await expect(failure).rejects.toMatchObject({ method: 'RunOrderExportingToProvider', statusCode: 500 });
    scope.done();
    expect(runs).toBe(1);
  });

  it('tries getActivity again after an HTTP 500 in its default background mode', async () => {
    const scope = expectOperatorLogin(otScope(), 'op-1')
      .post('/service/GetBackgroundActivityInfo')
      .reply(500)
      .post('/service/GetBackgroundActivityInfo')
      .reply(200, fixture('activity-running.xml'));

    const activity = await createTestClient().getActivity(EXPORT);

    scope.done();
    expect(activity.progressPercent).toBe(40);
  });

  it('logs in again and repeats a Run* call once when the operator session expired', async () => {
    const forms: Form[] = [];
    const record = (body: unknown) => {
      forms.push(formOf(body));
      return true;
    };
    const scope = expectOperatorLogin(otScope(), 'op-1')
      .post('/service/RunOrderExportingToProvider', record)
      .reply(200, fixture('error-session-expired.xml'));
    expectOperatorLogin(scope, 'op-2')
      .post('/service/RunOrderExportingToProvider', record)
      .reply(200, fixture('run-exporting.xml'));

    const activity = await createTestClient().exportOrder({ orderId: ORDER_ID, ...TARGET });

    scope.done();
    expect(activity).toEqual(EXPORT);
    expect(forms.map((form) => form.sessionId)).toEqual(['op-1', 'op-2']);
    expect(forms[1]?.xmlParameters).toBe(forms[0]?.xmlParameters);
  });

  it('turns a ProgressPercent that is no number into an OtBadAnswerError naming the field', async () => {
    const answer = fixture('activity-running.xml').replace('<ProgressPercent>40<', '<ProgressPercent>forty<');
    const { scope } = expectCall('GetBackgroundActivityInfo', answer);

    const failure = createTestClient().getActivity(EXPORT);

    await expect(failure).rejects.toBeInstanceOf(OtBadAnswerError);
    await expect(failure).rejects.toMatchObject({
      code: 'OT_BAD_ANSWER',
      method: 'GetBackgroundActivityInfo',
      reason: 'ProgressPercent "forty" is not a number',
    });
    scope.done();
  });
});
