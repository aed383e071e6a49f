import { searchLines } from '../../autopurchase/search';
import { buildSearchResults } from '../blocks/search-results';
import { replyWithFailure } from '../reply';
import type { VerbHandler } from './context';

/** `search <providerOrderId|trackingNumber> ...`: one list of the lines found either way. */
export const handleSearch: VerbHandler<'search'> = async ({ deps, reply }, command) => {
  try {
    await reply(buildSearchResults(await searchLines(deps.ot, command.terms)));
  } catch (error) {
    await replyWithFailure(reply, deps.logger, `search for ${command.terms.join(', ')}`, error);
  }
};
