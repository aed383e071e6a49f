import type { CustomRoute } from '@slack/bolt';

import type { Config } from '../../config';
import type { Store } from '../../store';

/** GET /healthz: 200 and what the bot is, for load balancers and for people checking a deployment. */
export function createHealthRoute(config: Config, store: Store, startedAt: Date, now = () => new Date()): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_request, response) => {
      const body = {
        status: 'ok',
        startedAt: startedAt.toISOString(),
        uptimeSeconds: Math.round((now().getTime() - startedAt.getTime()) / 1000),
        mode: config.slack.socketMode ? 'socket' : 'http',
        command: config.slack.command,
        store: store.backend,
        providerType: config.ot.providerType,
      };
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    },
  };
}
