import { buildHelpMessage } from '../../../src/slack/blocks/help';
import { buildNotice, buildProblem } from '../../../src/slack/blocks/notice';
import { usageOf } from '../../../src/slack/commands/usage';
import { checkMessage, findUnescapedMrkdwn, textOf } from './limits-check';

describe('buildHelpMessage', () => {
  it('lists every verb within one section', () => {
    const message = buildHelpMessage('/ot');

    expect(textOf(message.blocks)).toContain('*Autopurchase commands*');
    expect(textOf(message.blocks)).toContain('/ot export');
    expect(message.text).toBe('/ot commands');
    expect(checkMessage(message)).toEqual([]);
  });

  it('shows the usage of one verb with its example', () => {
    const message = buildHelpMessage('/autopurchase', 'export');

    expect(textOf(message.blocks)).toContain('Example: `/autopurchase export ORD-0000012345');
    expect(findUnescapedMrkdwn(message.blocks)).toEqual([]);
    expect(checkMessage(message)).toEqual([]);
  });
});

describe('buildNotice', () => {
  it('escapes the text and keeps it in one section', () => {
    const message = buildNotice('OT said <b>no</b> & stopped');

    expect(message.blocks).toHaveLength(1);
    expect(textOf(message.blocks)).toBe('OT said &lt;b&gt;no&lt;/b&gt; &amp; stopped');
  });

  it('cuts a very long text to the section limit', () => {
    const message = buildNotice('长'.repeat(5000));

    expect(checkMessage(message)).toEqual([]);
    expect(textOf(message.blocks).endsWith('…')).toBe(true);
  });
});

describe('buildProblem', () => {
  it('shows a parser problem, already mrkdwn, without escaping it twice, and the usage after it', () => {
    const message = buildProblem('sync takes all or account:&lt;name&gt;, not x', usageOf('sync', '/ot'));
    const text = textOf(message.blocks);

    expect(message.blocks).toHaveLength(1);
    expect(text).toContain(':warning: sync takes all or account:&lt;name&gt;, not x');
    expect(text).not.toContain('&amp;lt;');
    expect(text).toContain('`/ot sync [account:&lt;name&gt;|all]`');
  });

  it('keeps the problem whole and leaves the usage out when the problem fills the section', () => {
    const message = buildProblem('x'.repeat(2950), usageOf('link', '/ot'));

    expect(checkMessage(message)).toEqual([]);
    expect(textOf(message.blocks)).not.toContain('/ot link');
  });
});
