import type { App } from '@slack/bolt';

import { listOpenActivities, listProviderAccounts } from '../../autopurchase/accounts';
import { describeFailure } from '../../autopurchase/describe-failure';
import { buildHomeNotice, buildHomeView } from '../blocks/app-home';
import type { BotDeps } from '../deps';

/** The App Home tab, drawn afresh each time an operator opens it. */
export function registerAppHome(app: App, deps: BotDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    const userId = event.user;
    try {
      const view = (await deps.isOperator(userId)) ? await drawHome(deps, userId) : buildHomeNotice(notOperator());
      await client.views.publish({ user_id: userId, view });
    } catch (error) {
      deps.logger.error('could not draw the App Home tab', { error, userId });
    }
  });
}

async function drawHome(deps: BotDeps, userId: string) {
  try {
    const [accounts, activities] = await Promise.all([
      listProviderAccounts(deps.ot, deps.config.ot.providerAccounts, (account) => deps.returnUrlFor(account, userId)),
      listOpenActivities(deps.ot),
    ]);
    return buildHomeView(accounts, activities);
  } catch (error) {
    deps.logger.warn('App Home drawn without OT data', { error });
    return buildHomeNotice(`:warning: ${describeFailure(error)}`);
  }
}

function notOperator(): string {
  return 'This bot is for the store operators. Ask an admin to add you to OPERATORS to use it.';
}
