import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { App, type AppOptions } from '@slack/bolt';

import type { Config } from '../config';
import type { Logger } from '../logger';
import type { OtClient } from '../ot/client';
import type { Store } from '../store';
import { registerActions } from './actions';
import { toBoltLogger } from './bolt-logger';
import { registerCommands } from './commands';
import type { BotDeps } from './deps';
import { registerAppHome } from './events/app-home';
import { createOperatorCheck } from './operators';
import { createHealthRoute } from './routes/health';
import { createProviderReturnRoute, PROVIDER_RETURN_PATH } from './routes/provider-return';
import { createProviderState } from './routes/provider-state';
import { registerFindOrderLines } from './shortcuts/find-order-lines';
import { registerViews } from './views';

export interface SlackBotOptions {
  config: Config;
  ot: OtClient;
  store: Store;
  logger: Logger;
  /** Known bot ids spare Bolt its auth.test call at start (tests, the sandbox). */
  botId?: string;
  botUserId?: string;
  /** Overrides PORT; 0 picks a free port (tests). */
  port?: number;
}

export interface SlackBot {
  app: App;
  /** Starts listening; resolves to the HTTP port (Slack's requests in HTTP mode, the routes in both modes). */
  start(): Promise<number>;
  stop(): Promise<void>;
}

/** The Bolt app with every listener and route of the bot, in HTTP mode or, with an app token, Socket Mode. */
export function createSlackBot(options: SlackBotOptions): SlackBot {
  const { config, logger } = options;
  // The operator check needs the app's Web API client, and the app needs the routes that need the check.
  let app: App | undefined;
  const deps: BotDeps = {
    config,
    ot: options.ot,
    store: options.store,
    logger: logger.child('slack'),
    isOperator: createOperatorCheck({
      operators: config.operators,
      listGroupMembers: async (usergroup) =>
        (await requireApp(app).client.usergroups.users.list({ usergroup })).users ?? [],
      logger: logger.child('operators'),
    }),
    returnUrlFor: (account, userId) => {
      const state = createProviderState(config.http.stateSecret, account, userId);
      return `${config.http.publicUrl}${PROVIDER_RETURN_PATH}?state=${state}`;
    },
  };
  const routes = [createHealthRoute(config, options.store, new Date()), createProviderReturnRoute(deps)];
  const started = new App(appOptions(options, routes));
  app = started;

  registerCommands(started, deps);
  registerActions(started, deps);
  registerViews(started, deps);
  registerFindOrderLines(started, deps);
  registerAppHome(started, deps);
  started.error(async (error) => {
    deps.logger.error('a Slack listener failed', { error });
  });

  return {
    app: started,
    start: async () => {
      const port = options.port ?? config.http.port;
      const server = (await started.start(port)) as unknown;
      const address = (server as Server | undefined)?.address?.();
      return address && typeof address === 'object' ? (address as AddressInfo).port : port;
    },
    stop: async () => {
      await started.stop();
    },
  };
}

function appOptions(options: SlackBotOptions, customRoutes: AppOptions['customRoutes']): AppOptions {
  const { config, logger } = options;
  const common: AppOptions = {
    token: config.slack.botToken,
    botId: options.botId,
    botUserId: options.botUserId,
    logger: toBoltLogger(logger.child('bolt')),
    // Listeners answer a person who is waiting and a trigger_id that lives 3 s: a rate-limited or failing call
    // fails at once and the person is told, instead of the listener sleeping through Retry-After.
    clientOptions: {
      ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
    },
    customRoutes,
  };
  if (config.slack.socketMode) {
    // Socket Mode opens its connection (apps.connections.open) through the installer's client options.
    const installerOptions = {
      port: options.port ?? config.http.port,
      clientOptions: config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : undefined,
    };
    return { ...common, appToken: config.slack.appToken, socketMode: true, installerOptions };
  }
  return { ...common, signingSecret: config.slack.signingSecret };
}

function requireApp(app: App | undefined): App {
  if (!app) throw new Error('the Slack app is not built yet');
  return app;
}
