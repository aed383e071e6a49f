import {
  cutMrkdwn,
  cutText,
  escapeKeepingMentions,
  escapeMrkdwn,
  packTexts,
  renderWithinBudget,
  toMrkdwn,
} from '../../../src/slack/blocks/limits';

describe('escapeMrkdwn', () => {
  it('turns &, < and > into entities so OT text can make no link or mention', () => {
    expect(escapeMrkdwn('连衣裙 <新款> & <!channel>')).toBe('连衣裙 &lt;新款&gt; &amp; &lt;!channel&gt;');
  });

  it('leaves text escaped once as it is, so a parser problem is not escaped twice', () => {
    const once = escapeMrkdwn('account:<name> & more');

    expect(escapeMrkdwn(once)).toBe(once);
  });
});

describe('escapeKeepingMentions', () => {
  it('keeps user mentions and escapes everything else', () => {
    expect(escapeKeepingMentions('<@U0123ABCD> paid <b> & left')).toBe('<@U0123ABCD> paid &lt;b&gt; &amp; left');
  });

  it('escapes a broadcast that looks like a mention', () => {
    expect(escapeKeepingMentions('<!channel> <@here>')).toBe('&lt;!channel&gt; &lt;@here&gt;');
  });
});

describe('cutText', () => {
  it('keeps text within the limit unchanged', () => {
    expect(cutText('short', 5)).toBe('short');
  });

  it('cuts longer text to the limit, ending with an ellipsis', () => {
    const cut = cutText('abcdefghij', 5);

    expect(cut).toBe('abcd…');
    expect(cut).toHaveLength(5);
  });

  it('never leaves half of a surrogate pair behind', () => {
    const cut = cutText('ab😀cd', 4);

    expect(cut).toBe('ab…');
  });
});

describe('cutMrkdwn', () => {
  it('leaves an entity out rather than cutting it in two', () => {
    const cut = cutMrkdwn('abc&amp;def', 6);

    expect(cut).toBe('abc…');
  });

  it('keeps an entity that ends before the cut', () => {
    expect(cutMrkdwn('a&lt;bcdefgh', 7)).toBe('a&lt;b…');
  });

  it('escapes and cuts plain text in one step', () => {
    const text = toMrkdwn('<'.repeat(100), 50);

    expect(text.length).toBeLessThanOrEqual(50);
    expect(text).toMatch(/^(&lt;)+…$/);
  });
});

describe('renderWithinBudget', () => {
  it('stops at the count limit', () => {
    expect(renderWithinBudget([1, 2, 3, 4], String, { maxItems: 2, maxChars: 100 })).toEqual(['1', '2']);
  });

  it('stops at the first item that would pass the character budget, separators counted', () => {
    const texts = renderWithinBudget(['aaaa', 'bbbb', 'c'], (text) => text, {
      maxItems: 10,
      maxChars: 9,
      separatorLength: 2,
    });

    expect(texts).toEqual(['aaaa']);
  });

  it('renders only the items it keeps', () => {
    const render = jest.fn((item: number) => String(item));

    renderWithinBudget(
      Array.from({ length: 2000 }, (_, index) => index),
      render,
      { maxItems: 3, maxChars: 100 },
    );

    expect(render).toHaveBeenCalledTimes(3);
  });
});

describe('packTexts', () => {
  it('joins texts into chunks that each stay within the limit', () => {
    const chunks = packTexts(['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(40)], '\n', 100);

    expect(chunks).toEqual([`${'a'.repeat(40)}\n${'b'.repeat(40)}`, 'c'.repeat(40)]);
  });

  it('cuts a single text that is longer than the limit', () => {
    const [chunk] = packTexts(['x'.repeat(150)], '\n', 100);

    expect(chunk).toHaveLength(100);
  });
});
