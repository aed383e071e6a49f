import { createOperatorCheck, GROUP_CACHE_MS } from '../../src/slack/operators';
import { createTestLogger } from '../helpers/ot';

function setUp(operators: { allowAll?: boolean; userIds?: string[]; userGroupIds?: string[] }) {
  let time = 0;
  const asked: string[] = [];
  const groups: Record<string, string[] | Error> = { S0OPS: ['U0GROUPED'] };
  const { logger, lines } = createTestLogger();
  const isOperator = createOperatorCheck({
    operators: { allowAll: false, userIds: [], userGroupIds: [], ...operators },
    listGroupMembers: async (groupId) => {
      asked.push(groupId);
      const members = groups[groupId];
      if (members instanceof Error) throw members;
      return members ?? [];
    },
    logger,
    now: () => time,
  });
  return { isOperator, asked, groups, lines, advance: (ms: number) => (time += ms) };
}

describe('the operator check', () => {
  it('lets in the users named in OPERATORS and nobody else', async () => {
    const { isOperator, asked } = setUp({ userIds: ['U0ALICE'] });

    expect(await isOperator('U0ALICE')).toBe(true);
    expect(await isOperator('U0MALLORY')).toBe(false);
    expect(asked).toEqual([]);
  });

  it('lets in every member with *', async () => {
    expect(await setUp({ allowAll: true }).isOperator('U0ANYONE')).toBe(true);
  });

  it('lets in members of the named user groups, asking Slack once per group while the cache is fresh', async () => {
    const { isOperator, asked, groups, advance } = setUp({ userGroupIds: ['S0OPS'] });

    expect(await isOperator('U0GROUPED')).toBe(true);
    expect(await isOperator('U0MALLORY')).toBe(false);
    expect(asked).toEqual(['S0OPS']);

    groups.S0OPS = ['U0NEWCOMER'];
    advance(GROUP_CACHE_MS + 1);
    expect(await isOperator('U0GROUPED')).toBe(false);
    expect(await isOperator('U0NEWCOMER')).toBe(true);
    expect(asked).toEqual(['S0OPS', 'S0OPS']);
  });

  it('keeps the last known members when Slack cannot be asked, and logs the failure', async () => {
    const { isOperator, groups, advance, lines } = setUp({ userGroupIds: ['S0OPS'] });
    await isOperator('U0GROUPED');
    groups.S0OPS = new Error('ratelimited');
    advance(GROUP_CACHE_MS + 1);

    expect(await isOperator('U0GROUPED')).toBe(true);
    expect(lines.join('\n')).toContain('could not read the members of user group S0OPS');
  });

  it('lets nobody in through a group Slack could never list', async () => {
    const { isOperator, groups } = setUp({ userGroupIds: ['S0OPS'] });
    groups.S0OPS = new Error('missing_scope');

    expect(await isOperator('U0GROUPED')).toBe(false);
  });
});

describe('the operator check under load', () => {
  it('asks Slack once for a group when many requests arrive together', async () => {
    const asked: string[] = [];
    const isOperator = createOperatorCheck({
      operators: { allowAll: false, userIds: [], userGroupIds: ['S0OPSGROUP'] },
      listGroupMembers: async (groupId) => {
        asked.push(groupId);
        await new Promise((resolve) => setTimeout(resolve, 10));
        return ['U0MEMBER'];
      },
      logger: createTestLogger().logger,
    });

    const answers = await Promise.all(Array.from({ length: 5 }, () => isOperator('U0MEMBER')));

    expect(answers).toEqual([true, true, true, true, true]);
    expect(asked).toEqual(['S0OPSGROUP']);
  });
});
