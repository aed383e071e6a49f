import { CALLBACK_IDS } from '../slack/ids';
import { SEED } from './ot-platform';
import type { SlackPageOptions } from './slack-page';

/** The sandbox's bot ids, so that Bolt makes no auth.test call to a Slack it cannot reach. */
export const SANDBOX_BOT = { botId: 'B0SANDBOX', botUserId: 'U0SANDBOXBOT' };

/** Where `npm run sandbox` serves the local Slack page, unless told otherwise. */
export const SANDBOX_SLACK_PAGE_PORT = 4020;

/**
 * The embedded settings of `npm run sandbox`: the simulator's instance key, operator and customer, and
 * Slack values that only loopback sees. None of them is a secret anyone could use elsewhere.
 */
export function sandboxEnvironment(otApiUrl: string): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: 'xoxb-sandbox-token',
    SLACK_SIGNING_SECRET: 'sandbox-signing-secret',
    OPS_CHANNEL_ID: 'C0SANDBOX',
    OPERATORS: 'U0SANDBOX',
    PORT: '3000',
    PUBLIC_URL: 'http://127.0.0.1:3000',
    STATE_SECRET: 'sandbox-state-secret-of-at-least-32-characters',
    OT_API_URL: otApiUrl,
    OT_INSTANCE_KEY: SEED.instanceKey,
    OT_OPERATOR_LOGIN: SEED.operator.login,
    OT_OPERATOR_PASSWORD: SEED.operator.password,
    OT_CUSTOMER_LOGIN: SEED.customer.login,
    OT_DELIVERY_MODE_ID: SEED.deliveryModeId,
    OT_PROVIDER_TYPE: SEED.providerType,
    PROVIDER_ACCOUNTS: Object.values(SEED.accounts).join(','),
    STORE_URL: 'sqlite://data/sandbox.sqlite',
    LOG_LEVEL: 'info',
  };
}

/** The local Slack page's half of the same settings: the bot it calls, the shared secrets, operator and channel. */
export function sandboxSlackPage(
  environment: Record<string, string>,
): Pick<
  SlackPageOptions,
  'botUrl' | 'signingSecret' | 'botToken' | 'userId' | 'channelId' | 'botId' | 'botUserId' | 'messageShortcuts'
> {
  return {
    botUrl: `http://127.0.0.1:${environment.PORT}`,
    signingSecret: environment.SLACK_SIGNING_SECRET,
    botToken: environment.SLACK_BOT_TOKEN,
    // The sandbox's OPERATORS is the one person on the page.
    userId: environment.OPERATORS,
    channelId: environment.OPS_CHANNEL_ID,
    ...SANDBOX_BOT,
    messageShortcuts: [{ callbackId: CALLBACK_IDS.findOrderLines, name: 'Find order lines' }],
  };
}
