import { readConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { runBot } from '../../src/main';
import { sandboxEnvironment } from '../../src/sandbox/environment';
import type { OtPlatform } from '../../src/sandbox/ot-platform';
import { startTestPlatform } from '../helpers/ot-platform';

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

  it("run the bot's main job against the simulator to a clean exit, naming the account without a session", async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', write: (line) => lines.push(line) });

    const exitCode = await runBot(readConfig(sandboxEnvironment(platform.serviceUrl)), logger);

    expect(exitCode).toBe(0);
    expect(lines.join('\n')).toContain('account tb_autobuy_03: no session, log in to the provider');
  });
});
