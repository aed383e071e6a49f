import { readConfig } from '../../src/config';
import { sandboxEnvironment } from '../../src/sandbox/environment';
import type { OtPlatform } from '../../src/sandbox/ot-platform';
import { startTestPlatform } from '../helpers/ot-platform';
import { startTestBot } from '../helpers/slack';

describe('the sandbox settings', () => {
  let platform: OtPlatform;

  beforeEach(async () => {
    platform = await startTestPlatform();
  });

  afterEach(() => platform.close());

  it('are a complete configuration that points the bot at the simulator', () => {
    const config = readConfig(sandboxEnvironment(platform.serviceUrl));

    expect(config.ot.apiUrl).toBe(platform.serviceUrl);
    expect(config.ot.customer.password).toBeUndefined(); // the operator impersonates the customer
    expect(config.ot.providerAccounts).toEqual(['ot采购账号01', '义乌代购小王', 'tb_autobuy_03']);
  });

  it('start the bot against the simulator, which reports OT ready and names the account with no session', async () => {
    const bot = await startTestBot(platform);
    try {
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
      const log = bot.logLines.join('\n');
      expect(log).toContain('Taobao orders integration: enabled');
      expect(log).toContain('account tb_autobuy_03: no session, log in to the provider');
    } finally {
      await bot.stop();
    }
  });
});
