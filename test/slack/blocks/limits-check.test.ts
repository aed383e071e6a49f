import { checkMessage, checkView, findUnescapedMrkdwn } from './limits-check';

// The checker guards every other test in this folder: it must fail what Slack would refuse.

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const button = (actionId: string, text = 'Go') => ({
  type: 'button',
  action_id: actionId,
  text: { type: 'plain_text', text },
});

describe('the Block Kit limits checker', () => {
  it('passes a small valid message', () => {
    expect(checkMessage({ text: 'hi', blocks: [section('hello')] })).toEqual([]);
  });

  it('flags more than 50 blocks in a message', () => {
    const blocks = Array.from({ length: 51 }, () => section('x'));

    expect(checkMessage({ text: 'hi', blocks })).toContain('message: 51 blocks');
  });

  it('flags a section text over 3,000 characters and a message over its text budget', () => {
    const problems = checkMessage({ text: 'hi', blocks: Array.from({ length: 4 }, () => section('x'.repeat(3001))) });

    expect(problems.some((problem) => problem.includes('section text: 3001 characters'))).toBe(true);
    expect(problems.some((problem) => problem.includes('characters of text in all'))).toBe(true);
  });

  it('flags a repeated action_id, 26 buttons in one block and a long button label', () => {
    const repeated = { type: 'actions', elements: [button('a'), button('a')] };
    const crowded = { type: 'actions', elements: Array.from({ length: 26 }, (_, index) => button(`b${index}`)) };
    const long = { type: 'actions', elements: [button('c', 'x'.repeat(76))] };

    const problems = checkMessage({ text: 'hi', blocks: [repeated, crowded, long] }).join('\n');

    expect(problems).toMatch(/action_ids repeat/);
    expect(problems).toMatch(/26 elements/);
    expect(problems).toMatch(/button text: 76 characters/);
  });

  it('flags a modal title over 24 characters and inputs without a submit button', () => {
    const view = {
      type: 'modal',
      title: { type: 'plain_text', text: 'x'.repeat(25) },
      blocks: [
        {
          type: 'input',
          block_id: 'a',
          label: { type: 'plain_text', text: 'A' },
          element: { type: 'plain_text_input', action_id: 'a' },
        },
      ],
    };

    const problems = checkView(view).join('\n');

    expect(problems).toMatch(/modal title: 25 characters/);
    expect(problems).toMatch(/without a submit/);
  });

  it('finds raw < and bare & in mrkdwn', () => {
    expect(findUnescapedMrkdwn([section('a <b> & c')])).toHaveLength(1);
    expect(findUnescapedMrkdwn([section('a &lt;b&gt; &amp; c')])).toEqual([]);
  });
});
