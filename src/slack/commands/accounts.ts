import { listProviderAccounts } from '../../autopurchase/accounts';
import { buildAccountsMessage } from '../blocks/accounts';
import { replyWithFailure } from '../reply';
import type { VerbHandler } from './context';

/** `accounts`: every provider account, its session and a Log in button whose link comes back to us. */
export const handleAccounts: VerbHandler<'accounts'> = async ({ deps, reply, userId }) => {
  try {
    const accounts = await listProviderAccounts(deps.ot, deps.config.ot.providerAccounts, (account) =>
      deps.returnUrlFor(account, userId),
    );
    await reply(buildAccountsMessage(accounts));
  } catch (error) {
    await replyWithFailure(reply, deps.logger, 'list the provider accounts', error);
  }
};
