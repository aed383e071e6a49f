import { buildActivitiesMessage, MAX_ACTIVITIES_SHOWN } from '../../../src/slack/blocks/activities';
import { anActivity } from './factories';
import { checkMessage, findUnescapedMrkdwn, textOf } from './limits-check';

describe('buildActivitiesMessage', () => {
  it('says no activity is running or waiting when there is none', () => {
    const message = buildActivitiesMessage([]);

    expect(textOf(message.blocks)).toBe('No activity is running or waiting for an answer.');
    expect(checkMessage(message)).toEqual([]);
  });

  it('shows a running activity with what it does, its description and progress', () => {
    const text = textOf(buildActivitiesMessage([anActivity()]).blocks);

    expect(text).toContain('*Export* 45% · Export of ORD-0000012345');
    expect(text).toContain('activity act-5f0c');
    expect(text).not.toContain('waiting for an answer*');
  });

  it('marks an activity waiting for an answer and lists it first', () => {
    const running = anActivity({ id: 'running' });
    const waiting = anActivity({
      id: 'waiting',
      type: 'ProviderOrdersIntegrationSynchronizing',
      isAwaitingAction: true,
    });

    const text = textOf(buildActivitiesMessage([running, waiting]).blocks);

    expect(text).toContain('1 waiting for an answer');
    expect(text).toContain('*Sync* 45% · Export of ORD-0000012345 · *waiting for an answer*');
    expect(text.indexOf('activity waiting')).toBeLessThan(text.indexOf('activity running'));
  });

  it('leaves out finished and cancelled activities', () => {
    const message = buildActivitiesMessage([anActivity({ isFinished: true }), anActivity({ isCancelled: true })]);

    expect(textOf(message.blocks)).toBe('No activity is running or waiting for an answer.');
  });

  it('keeps 200 activities with long descriptions within the limits, counting the rest', () => {
    const activities = Array.from({ length: 200 }, (_, index) =>
      anActivity({ id: `act-${index}`, description: `<导出> & ${'描述'.repeat(300)}`, progressPercent: Number.NaN }),
    );

    const message = buildActivitiesMessage(activities);
    const text = textOf(message.blocks);
    const shown = (text.match(/• \*Export\*/g) ?? []).length;

    expect(checkMessage(message)).toEqual([]);
    expect(findUnescapedMrkdwn(message.blocks)).toEqual([]);
    expect(shown).toBeLessThanOrEqual(MAX_ACTIVITIES_SHOWN);
    expect(text).toContain(`and ${200 - shown} more activities`);
    expect(text).toContain('*Export* 0%');
  });
});
