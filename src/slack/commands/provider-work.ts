import { buildNotice } from '../blocks/notice';
import type { VerbHandler } from './context';

// export, sync, link and unlink start OT background activities, which need the activity tracker (cards in
// the operators' channel, polling, questions as buttons). Until it is part of the bot (see UNAVAILABLE_VERBS in
// usage.ts), say so plainly.
const notYet =
  <V extends 'export' | 'sync' | 'link' | 'unlink'>(verb: V): VerbHandler<V> =>
  ({ reply }) =>
    reply(
      buildNotice(
        `\`${verb}\` starts an OT background activity, and this version of the bot cannot follow activities yet. ` +
          'Run it from the OT admin panel for now; its questions show in `activities`.',
      ),
    );

export const handleExport = notYet('export');
export const handleSync = notYet('sync');
export const handleLink = notYet('link');
export const handleUnlink = notYet('unlink');
