import { escapeHtml, renderBlocks, renderMrkdwn, renderPlainText } from '../../../src/sandbox/slack-page';

// mrkdwn to HTML: escaping comes first, then the few marks Slack gives a meaning.

describe('renderMrkdwn', () => {
  it('escapes every HTML special character, whatever formatting surrounds it', () => {
    expect(renderMrkdwn('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(renderMrkdwn('"quotes" & \'apostrophes\'')).toBe('&quot;quotes&quot; &amp; &#39;apostrophes&#39;');
    expect(renderMrkdwn('*<img src=x onerror=alert(1)>*')).toBe('<strong>&lt;img src=x onerror=alert(1)&gt;</strong>');
    expect(renderMrkdwn('`<b>`')).toBe('<code>&lt;b&gt;</code>');
  });

  it("reads Slack's own escapes once, so escaped text shows as typed", () => {
    expect(renderMrkdwn('&lt;b&gt; &amp; &amp;lt;')).toBe('&lt;b&gt; &amp; &amp;lt;');
  });

  it('turns bold, italic, strike and code into HTML at word edges only', () => {
    expect(renderMrkdwn('*Total:* 99.00 _CNY_ ~old~ `ORD-1`')).toBe(
      '<strong>Total:</strong> 99.00 <em>CNY</em> <del>old</del> <code>ORD-1</code>',
    );
    expect(renderMrkdwn('account tb_autobuy_03 costs 2*3*4')).toBe('account tb_autobuy_03 costs 2*3*4');
    expect(renderMrkdwn('*_both_*')).toBe('<strong><em>both</em></strong>');
    expect(renderMrkdwn('`*not bold*`')).toBe('<code>*not bold*</code>');
  });

  it('shows code blocks and newlines', () => {
    expect(renderMrkdwn('one\ntwo')).toBe('one<br>two');
    expect(renderMrkdwn('```\na < b\n```')).toBe('<pre>a &lt; b\n</pre>');
  });

  it('makes links of web addresses only, and escapes their address and label', () => {
    expect(renderMrkdwn('<https://x.test/a?b=1&amp;c=2|Open *it*>')).toBe(
      '<a href="https://x.test/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">Open *it*</a>',
    );
    expect(renderMrkdwn('<https://x.test/"onmouseover="alert(1)>')).toContain(
      'href="https://x.test/&quot;onmouseover=',
    );
    expect(renderMrkdwn('<javascript:alert(1)|click>')).toBe('&lt;javascript:alert(1)|click&gt;');
    expect(renderMrkdwn('<mailto:ops@x.test|mail us>')).toContain('href="mailto:ops@x.test"');
  });

  it('shows mentions of people, channels, groups and @here', () => {
    expect(renderMrkdwn('<@U0SANDBOX> paid')).toBe('<span class="mention">@U0SANDBOX</span> paid');
    expect(renderMrkdwn('<#C0SANDBOX|ops> <!here> <!subteam^S0OPS>')).toBe(
      '<span class="mention">#ops</span> <span class="mention">@here</span> <span class="mention">@S0OPS</span>',
    );
    expect(renderMrkdwn('*<@U1>*')).toBe('<strong><span class="mention">@U1</span></strong>');
  });

  it('keeps its own stand-in characters out of reach of the text', () => {
    expect(renderMrkdwn('\uE0000\uE001 <https://x.test|a>')).toBe(
      '\uFFFD0\uFFFD <a href="https://x.test" target="_blank" rel="noopener noreferrer">a</a>',
    );
  });

  it('shows the emoji the bot uses and leaves unknown codes as text', () => {
    expect(renderMrkdwn(':warning: 12:30:00 :unknown_thing:')).toBe('⚠️ 12:30:00 :unknown_thing:');
  });
});

describe('renderPlainText and escapeHtml', () => {
  it('escape everything and keep newlines', () => {
    expect(renderPlainText('*a* <b>\nc')).toBe('*a* &lt;b&gt;<br>c');
    expect(escapeHtml('<a href="x">')).toBe('&lt;a href=&quot;x&quot;&gt;');
  });
});

describe('renderBlocks', () => {
  const text = (value: string) => ({ type: 'plain_text', text: value });

  it('renders buttons as submit buttons, URL buttons as links, and puts confirm dialogs in a data attribute', () => {
    const html = renderBlocks([
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: 'pay',
            text: text('Pay'),
            style: 'primary',
            confirm: {
              title: text('Sure?'),
              text: { type: 'mrkdwn', text: 'Pay *&lt;all&gt;*' },
              confirm: text('Yes'),
            },
          },
          { type: 'button', action_id: 'login', text: text('Log in'), url: 'https://provider.test/login?a=1&b=2' },
          { type: 'button', action_id: 'bad', text: text('Bad'), url: 'javascript:alert(1)' },
        ],
      },
    ]);

    expect(html).toContain('<button type="submit" class="button primary" name="press" value="0:0"');
    expect(html).toContain('data-confirm="Sure?\n\nPay *&lt;all&gt;*\n\n(OK: Yes; Cancel: Cancel)"');
    expect(html).toContain('<a class="button" href="https://provider.test/login?a=1&amp;b=2"');
    expect(html).not.toContain('javascript:');
  });

  it('renders sections with fields and an accessory, context, header, divider, and names what it cannot show', () => {
    const html = renderBlocks([
      { type: 'header', text: text('Order <1>') },
      {
        type: 'section',
        fields: [{ type: 'mrkdwn', text: '*Customer*\n10587' }],
        accessory: { type: 'button', action_id: 'open', text: text('Open') },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '_small_' }] },
      { type: 'divider' },
      { type: 'rich_text', elements: [] },
    ]);

    expect(html).toContain('<h3 class="block header">Order &lt;1&gt;</h3>');
    expect(html).toContain('<div class="field"><strong>Customer</strong><br>10587</div>');
    expect(html).toContain('value="1:accessory"');
    expect(html).toContain('<em>small</em>');
    expect(html).toContain('<hr class="block">');
    expect(html).toContain('[a rich_text block: the sandbox page does not show it]');
  });
});
