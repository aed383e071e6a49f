import { OtBadAnswerError } from '../../src/ot/errors';
import { buildXml, parseAnswer } from '../../src/ot/xml';

function badAnswerReason(body: string): string {
  try {
    parseAnswer('GetSalesOrderDetailsForOperator', body);
  } catch (error) {
    expect(error).toBeInstanceOf(OtBadAnswerError);
    expect((error as OtBadAnswerError).method).toBe('GetSalesOrderDetailsForOperator');
    return (error as OtBadAnswerError).reason;
  }
  throw new Error('the answer was accepted');
}

describe('parseAnswer', () => {
  it('returns the root element with its name, all values as text', () => {
    const answer = parseAnswer(
      'M',
      '<?xml version="1.0"?><OrderInfoAnswer><ErrorCode>Ok</ErrorCode><N>007</N></OrderInfoAnswer>',
    );

    expect(answer.rootName).toBe('OrderInfoAnswer');
    expect(answer.root).toEqual({ ErrorCode: 'Ok', N: '007' });
  });

  it('decodes the predefined entities and character references in text and attributes', () => {
    const body =
      '<A><T>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#x4E2D;&#25991;</T><P Name="x&amp;y">v</P></A>';

    const { root } = parseAnswer('M', body);

    expect(root.T).toBe('a & b <c> "d" \'e\' 中文');
    expect(root.P).toEqual({ '@Name': 'x&y', '#text': 'v' });
  });

  it('decodes an escaped entity only once', () => {
    expect(parseAnswer('M', '<A><T>&amp;lt;</T></A>').root.T).toBe('&lt;');
  });

  it('refuses an entity bomb without expanding it', () => {
    const levels = Array.from({ length: 10 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${levels.join('')}]><A><B>&lol10;</B></A>`;

    expect(badAnswerReason(bomb)).toBe('the answer declares a DOCTYPE');
  });

  it('refuses an external entity', () => {
    const body = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><A><B>&x;</B></A>';

    expect(badAnswerReason(body)).toBe('the answer declares a DOCTYPE');
  });

  it('refuses an empty body, plain text and a cut-off document', () => {
    expect(badAnswerReason('  ')).toBe('the answer is empty');
    expect(badAnswerReason('Service Unavailable')).toBe('the answer is not XML');
    expect(badAnswerReason('<Answer><ErrorCode>Ok</ErrorCode><Result><Id>1</Id>')).toMatch(
      /^the answer is not well-formed XML/,
    );
  });

  it('refuses mismatched tags, naming where', () => {
    expect(badAnswerReason('<A>\n<ErrorCode>Ok</ErrorCode>\n<B>x</A>')).toMatch(/line 3.*Expected closing tag 'B'/);
  });

  it('accepts an answer whose root element is empty', () => {
    expect(parseAnswer('M', '<VoidAnswer/>').root).toEqual({});
  });
});

describe('buildXml', () => {
  it('escapes every character that is special in text and attributes', () => {
    const xml = buildXml('P', { Comment: `Tom & Jerry <b> "quoted" it's`, Item: { '@Name': 'a"&<', '#text': 'x' } });

    expect(xml).toBe(
      '<P><Comment>Tom &amp; Jerry &lt;b&gt; &quot;quoted&quot; it&apos;s</Comment>' +
        '<Item Name="a&quot;&amp;&lt;">x</Item></P>',
    );
  });

  it('repeats array elements, skips absent ones and writes numbers as text', () => {
    const xml = buildXml('Items', {
      Item: [
        { Id: '1', Quantity: 2 },
        { Id: '2', Quantity: 1, Comment: undefined },
      ],
    });

    expect(xml).toBe(
      '<Items><Item><Id>1</Id><Quantity>2</Quantity></Item><Item><Id>2</Id><Quantity>1</Quantity></Item></Items>',
    );
  });

  it('drops control characters that XML cannot carry, keeping tabs, newlines and Chinese text', () => {
    expect(buildXml('C', { T: 'a\u0000b\u0007c\td\ne 中文' })).toBe('<C><T>abc\td\ne 中文</T></C>');
  });

  it('builds text that parses back to the same value', () => {
    const hostile = `]]><!-- <script>&amp; 'x' "y" 你好`;

    const xml = buildXml('Root', { ErrorCode: 'Ok', T: hostile });

    expect(parseAnswer('M', xml).root.T).toBe(hostile);
  });
});
