import nock from 'nock';

import { readConfig } from '../../src/config';
import { createSilentLogger } from '../../src/logger';
import { sandboxEnvironment } from '../../src/sandbox/environment';
import { identifyBot, SlackStartError } from '../../src/slack/identity';

const SLACK = 'https://slack.test';

function configWith(apiUrl: string) {
  return readConfig({ ...sandboxEnvironment('http://127.0.0.1:1/service/'), SLACK_API_URL: apiUrl });
}

describe('identifyBot', () => {
  afterEach(() => nock.cleanAll());

  it("reads the bot's ids from auth.test", async () => {
    const scope = nock(SLACK)
      .post('/api/auth.test')
      .reply(200, { ok: true, user_id: 'U0BOTUSER', bot_id: 'B0BOT', team_id: 'T0TEAM' });

    await expect(identifyBot(configWith(`${SLACK}/api/`), createSilentLogger())).resolves.toEqual({
      botId: 'B0BOT',
      botUserId: 'U0BOTUSER',
    });
    scope.done();
  });

  it('stops the start with what to fix when Slack refuses the token', async () => {
    nock(SLACK).post('/api/auth.test').reply(200, { ok: false, error: 'invalid_auth' });
    const identifying = identifyBot(configWith(`${SLACK}/api/`), createSilentLogger());

    await expect(identifying).rejects.toBeInstanceOf(SlackStartError);
    await expect(identifying).rejects.toThrow('Slack refused SLACK_BOT_TOKEN (invalid_auth)');
  });

  it('says Slack cannot be reached when nothing answers', async () => {
    const identifying = identifyBot(configWith('http://127.0.0.1:1/api/'), createSilentLogger());

    await expect(identifying).rejects.toThrow('Slack could not be reached to check SLACK_BOT_TOKEN');
  });

  it('refuses a token that is not a bot token', async () => {
    nock(SLACK).post('/api/auth.test').reply(200, { ok: true, user_id: 'U0PERSON', team_id: 'T0TEAM' });

    await expect(identifyBot(configWith(`${SLACK}/api/`), createSilentLogger())).rejects.toThrow(
      'SLACK_BOT_TOKEN is not a bot token',
    );
  });
});
