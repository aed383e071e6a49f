import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

import { OtBadAnswerError } from './errors';

export const ATTRIBUTE_PREFIX = '@';
export const TEXT_KEY = '#text';

// Characters XML 1.0 forbids even when escaped; text from Slack may carry them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point here.
const FORBIDDEN_XML_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const PREDEFINED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY_REFERENCE = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g;

export type XmlNode = Record<string, unknown>;

/** An element tree for the builder: a string or number is element text, an array repeats the element. */
export type XmlValue = string | number | boolean | undefined | null | XmlElement | XmlValue[];
export interface XmlElement {
  [name: string]: XmlValue;
}

export interface ParsedAnswer {
  rootName: string;
  root: XmlNode;
}

// Entity processing is off: DOCTYPE entities are never expanded, so an entity bomb or an external entity
// cannot cost memory or read a file. The five predefined entities and character references are decoded
// by hand below, since they are plain text escapes, not expansions.
const parser = new XMLParser({
  processEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  textNodeName: TEXT_KEY,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  removeNSPrefix: true,
  tagValueProcessor: (_name, value) => decodeEntities(value),
  attributeValueProcessor: (_name, value) => decodeEntities(value),
});

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  textNodeName: TEXT_KEY,
  suppressEmptyNode: false,
  format: false,
});

/** Builds an XML parameter fragment (no declaration); every text and attribute value is escaped. */
export function buildXml(rootName: string, content: XmlElement): string {
  return builder.build({ [rootName]: cleanForXml(content) });
}

/**
 * Parses an OT answer and returns its root element. Refuses what a real answer never is: an empty body,
 * a DOCTYPE, text that is no XML, or a document that is not well-formed (cut off, tags mismatched).
 */
export function parseAnswer(method: string, body: string): ParsedAnswer {
  const text = body.trim();
  if (text === '') throw new OtBadAnswerError(method, 'the answer is empty');
  if (/<!DOCTYPE/i.test(text.slice(0, 4096))) throw new OtBadAnswerError(method, 'the answer declares a DOCTYPE');
  if (!text.startsWith('<')) throw new OtBadAnswerError(method, 'the answer is not XML');

  // The parser itself forgives mismatched and unclosed tags, so a cut-off answer would read as a short one.
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    const detail = msg.replace(/\s+/g, ' ');
    throw new OtBadAnswerError(method, `the answer is not well-formed XML (line ${line}, column ${col}: ${detail})`);
  }

  const document = parseDocument(method, text);
  const rootName = Object.keys(document).find((key) => !key.startsWith('?'));
  if (!rootName) throw new OtBadAnswerError(method, 'the answer has no root element');

  const root = document[rootName];
  return { rootName, root: isNode(root) ? root : {} };
}

export function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseDocument(method: string, text: string): XmlNode {
  try {
    return parser.parse(text) as XmlNode;
  } catch (error) {
    throw new OtBadAnswerError(method, 'the answer is not well-formed XML', { cause: error });
  }
}

function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(ENTITY_REFERENCE, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name) return PREDEFINED_ENTITIES[name] ?? whole;
    const codePoint = Number.parseInt(decimal ?? hex ?? '', decimal ? 10 : 16);
    return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
  });
}

function cleanForXml(value: XmlValue): XmlValue {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.replace(FORBIDDEN_XML_CHARACTERS, '');
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map(cleanForXml);
  const result: XmlElement = {};
  for (const [name, child] of Object.entries(value)) {
    if (child !== undefined && child !== null) result[name] = cleanForXml(child);
  }
  return result;
}
