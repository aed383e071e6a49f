import nock from 'nock';

import { checkReadiness, describeReadiness } from '../../src/autopurchase/readiness';
import { createTestClient, expectOperatorLogin, fixture, otScope } from '../helpers/ot';

const TAOBAO_DISABLED = fixture('get-provider-info-list.xml').replace(
  /(<Type>Taobao<\/Type>[\s\S]*?<OrdersIntegration>[\s\S]*?<IsEnabled>)true/,
  '$1false',
);

afterEach(() => nock.cleanAll());

describe('checkReadiness', () => {
  it('reports the integration enabled and every account, with the expected ones that have no session', async () => {
    const scope = expectOperatorLogin(otScope())
      .post('/service/GetProviderOrdersIntegrationSessionInfoList')
      .reply(200, fixture('get-provider-sessions.xml'))
      .post('/service/GetProviderInfoList')
      .reply(200, fixture('get-provider-info-list.xml'));

    const readiness = await checkReadiness(createTestClient(), ['tb_autobuy_03', 'tb_new_account']);

    scope.done();
    expect(readiness.integration).toBe('enabled');
    expect(readiness.accounts.map((account) => [account.name, account.sessionId !== undefined])).toEqual([
      ['ot采购账号01', true],
      ['义乌代购小王', true],
      ['tb_autobuy_03', true],
      ['tb_new_account', false],
    ]);
    expect(describeReadiness(readiness)).toContain('account tb_new_account: no session, log in to the provider');
  });

  it('says when the integration is switched off and no account has a session', async () => {
    expectOperatorLogin(otScope())
      .post('/service/GetProviderOrdersIntegrationSessionInfoList')
      .reply(200, fixture('get-provider-sessions-empty.xml'))
      .post('/service/GetProviderInfoList')
      .reply(200, TAOBAO_DISABLED);

    const readiness = await checkReadiness(createTestClient(), []);

    expect(readiness.integration).toBe('disabled');
    expect(describeReadiness(readiness)).toEqual([
      'Taobao orders integration: available but switched off in the OT admin panel (Autopurchase settings)',
      'no provider account has a session: log in to one from Slack',
    ]);
  });

  it('says when OT does not know the provider type at all', async () => {
    expectOperatorLogin(otScope())
      .post('/service/GetProviderOrdersIntegrationSessionInfoList')
      .reply(200, fixture('get-provider-sessions-empty.xml'))
      .post('/service/GetProviderInfoList')
      .reply(200, fixture('get-provider-info-list.xml'));

    const readiness = await checkReadiness(createTestClient({ providerType: 'Jd' }), []);

    expect(readiness.integration).toBe('unknown-provider');
  });
});
