import { OtBadAnswerError } from '../../src/ot/errors';
import { AnswerReader, itemsOf } from '../../src/ot/read';
import { parseAnswer } from '../../src/ot/xml';

const read = new AnswerReader('GetBackgroundActivityInfo');

function rootOf(xml: string) {
  return parseAnswer('M', xml).root;
}

describe('itemsOf', () => {
  it('reads a list of several, one or no elements alike', () => {
    expect(itemsOf(rootOf('<A><L><Item><Id>1</Id></Item><Item><Id>2</Id></Item></L></A>').L)).toEqual([
      { Id: '1' },
      { Id: '2' },
    ]);
    expect(itemsOf(rootOf('<A><L><Item><Id>1</Id></Item></L></A>').L)).toEqual([{ Id: '1' }]);
    expect(itemsOf(rootOf('<A><L/></A>').L)).toEqual([]);
    expect(itemsOf(undefined)).toEqual([]);
  });

  it('does not care what the list items are called', () => {
    expect(itemsOf(rootOf('<A><L><SalesLine><Id>1</Id></SalesLine></L></A>').L)).toEqual([{ Id: '1' }]);
  });
});

describe('AnswerReader', () => {
  it('reads ids given as text or as <Value>', () => {
    const root = rootOf('<A><X><Id>abc</Id></X><Y><Id><Value>def</Value></Id></Y></A>');

    expect(read.id(root.X, 'Id')).toBe('abc');
    expect(read.id(root.Y, 'Id')).toBe('def');
  });

  it('reads numbers and flags from text', () => {
    const root = rootOf('<A><N>12.50</N><B>true</B><I>1</I><F>false</F></A>');

    expect(read.number(root, 'N')).toBe(12.5);
    expect(read.boolean(root, 'B')).toBe(true);
    expect(read.boolean(root, 'I')).toBe(true);
    expect(read.boolean(root, 'F')).toBe(false);
    expect(read.boolean(root, 'Missing')).toBe(false);
    expect(read.optionalNumber(root, 'Missing')).toBeUndefined();
  });

  it('treats an empty element as absent', () => {
    const root = rootOf('<A><VendPurchId/></A>');

    expect(read.optionalText(root, 'VendPurchId')).toBeUndefined();
    expect(read.text(root, 'VendPurchId')).toBe('');
  });

  it('names the method and the field when a number is garbage', () => {
    const root = rootOf('<A><ProgressPercent>lots</ProgressPercent></A>');

    expect(() => read.number(root, 'ProgressPercent')).toThrow(OtBadAnswerError);
    expect(() => read.number(root, 'ProgressPercent')).toThrow(/GetBackgroundActivityInfo.*ProgressPercent "lots"/);
  });

  it('names the missing field of a required value', () => {
    expect(() => read.requiredId(rootOf('<A><Type>T</Type></A>'), 'Id')).toThrow(
      expect.objectContaining({ code: 'OT_BAD_ANSWER', reason: 'the answer has no Id' }),
    );
  });
});
