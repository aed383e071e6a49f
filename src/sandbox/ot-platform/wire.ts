// The simulator's side of the wire: its own XML writer for answers and its own reader for XML parameters.
// It shares nothing with src/ot, so that a mistake in one shows up as a failing contract test of the other.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Element content: text, an element tree, or an array that repeats the element. `@Name` keys are attributes. */
export type XmlContent = string | number | boolean | null | undefined | XmlTree | XmlContent[];
export interface XmlTree {
  [name: string]: XmlContent;
}

/** An OT error answer: ErrorCode, SubErrorCode and a description, as OT's envelope carries them. */
export class SimError extends Error {
  constructor(
    readonly errorCode: string,
    readonly subErrorCode: string,
    description: string,
  ) {
    super(description);
    this.name = 'SimError';
  }
}

export function validationError(subErrorCode: string, description: string): SimError {
  return new SimError('ValidationError', subErrorCode, description);
}

export function notFound(subErrorCode: string, description: string): SimError {
  return new SimError('NotFound', subErrorCode, description);
}

export interface Envelope {
  answerName: string;
  requestId: string;
  requestTimeMs: number;
  error?: SimError;
  /** Root fields after the envelope: `{ Result: … }` for most answers, `{ SessionId: … }` for log-ins. */
  body?: XmlTree;
}

export function writeAnswer(envelope: Envelope): string {
  const { error } = envelope;
  const tree: XmlTree = {
    ErrorCode: error ? error.errorCode : 'Ok',
    ErrorDescription: error?.message,
    SubErrorCode: error ? error.subErrorCode : null,
    RequestId: envelope.requestId,
    RequestTime: envelope.requestTimeMs.toFixed(4),
    ...(error ? {} : envelope.body),
  };
  return `<?xml version="1.0" encoding="utf-8"?>\n${writeElement(envelope.answerName, tree)}`;
}

export function writeElement(name: string, content: XmlContent): string {
  if (content === undefined) return '';
  if (Array.isArray(content)) return content.map((item) => writeElement(name, item)).join('');
  if (content === null) return `<${name}/>`;
  if (typeof content !== 'object') return `<${name}>${escapeXml(String(content))}</${name}>`;

  let attributes = '';
  let inner = '';
  for (const [key, value] of Object.entries(content)) {
    if (key.startsWith('@')) attributes += ` ${key.slice(1)}="${escapeXml(String(value))}"`;
    else if (key === '#text') inner += escapeXml(String(value));
    else inner += writeElement(key, value);
  }
  return inner === '' ? `<${name}${attributes}/>` : `<${name}${attributes}>${inner}</${name}>`;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

// XML parameters come from the client under test: parse them strictly and refuse DOCTYPEs outright.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
});

export type XmlNode = Record<string, unknown>;

/** Reads an XML parameter and checks its root element name; a bad document is a ValidationError. */
export function readXmlParameter(parameter: string, text: string | undefined, rootName: string): XmlNode {
  if (text === undefined || text.trim() === '') {
    throw validationError('InvalidInputValue', `Parameter ${parameter} is required`);
  }
  if (/<!DOCTYPE/i.test(text) || XMLValidator.validate(text) !== true) {
    throw validationError('InvalidInputValue', `Parameter ${parameter} is not well-formed XML`);
  }
  const document = parser.parse(text) as XmlNode;
  const root = document[rootName];
  if (root === undefined) {
    throw validationError('InvalidInputValue', `Parameter ${parameter} must have the root element ${rootName}`);
  }
  return typeof root === 'object' && root !== null ? (root as XmlNode) : {};
}

/** Text of a child element, or undefined when it is absent or empty. */
export function childText(node: XmlNode, name: string): string | undefined {
  const value = textOf(node[name]);
  return value === '' ? undefined : value;
}

/** Texts of the repeated children of a list element, whatever the children are called. */
export function childTexts(node: XmlNode, listName: string): string[] {
  return childNodes(node, listName)
    .map(textOf)
    .filter((text) => text !== '');
}

/** The repeated children of a list element, whatever they are called. */
export function childNodes(node: XmlNode, listName: string): unknown[] {
  const list = node[listName];
  if (list === undefined || list === null || typeof list !== 'object') return [];
  return Object.entries(list as XmlNode)
    .filter(([key]) => !key.startsWith('@') && key !== '#text')
    .flatMap(([, value]) => (Array.isArray(value) ? value : [value]));
}

export function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return textOf((value as XmlNode)['#text']);
  return String(value);
}
