import { listOpenActivities } from '../../autopurchase/accounts';
import { buildActivitiesMessage } from '../blocks/activities';
import { replyWithFailure } from '../reply';
import type { VerbHandler } from './context';

/** `activities`: what OT is running or asking about now, as OT lists it. */
export const handleActivities: VerbHandler<'activities'> = async ({ deps, reply }) => {
  try {
    await reply(buildActivitiesMessage(await listOpenActivities(deps.ot)));
  } catch (error) {
    await replyWithFailure(reply, deps.logger, 'list the activities', error);
  }
};
