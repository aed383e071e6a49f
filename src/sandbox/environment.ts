import { SEED } from './ot-platform';

/** The sandbox's bot ids, so that Bolt makes no auth.test call to a Slack it cannot reach. */
export const SANDBOX_BOT = { botId: 'B0SANDBOX', botUserId: 'U0SANDBOXBOT' };

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
