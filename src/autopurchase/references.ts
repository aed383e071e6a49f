/**
 * The most references one message yields. A pasted message is a handful of orders, not a ledger; the cap keeps
 * one shortcut from turning into hundreds of OT searches.
 */
export const MAX_LINE_REFERENCES = 50;

const MIN_REFERENCE_LENGTH = 10;
const MAX_REFERENCE_LENGTH = 30;
const MIN_REFERENCE_DIGITS = 8;

// Each alternative scans forward without nested repetition, so a hostile message costs linear time.
const LINK_OR_URL_PATTERN = /<([^<>]*)>|https?:\/\/[^\s<>]+/gi;
const TOKEN_PATTERN = /[A-Za-z0-9]+/g;
const SCHEME_PATTERN = /^[a-z][a-z0-9+.-]*:/i;

/**
 * URL query parameters that carry a provider order id or a tracking number: Taobao and Tmall trade links
 * (`id`, `bizOrderId`, `biz_order_id`, `tradeId`, `orderId`) and carrier tracking pages (`mailNo`, `nu`, ...).
 * Names are compared lower-cased without `_` and `-`.
 */
const ID_PARAMETERS = new Set([
  'id',
  'orderid',
  'bizorderid',
  'tradeid',
  'mailno',
  'nu',
  'waybill',
  'waybillno',
  'trackingno',
  'trackingnumber',
]);

/**
 * Provider order ids and tracking numbers in a message, for the "Find order lines" shortcut.
 *
 * The rule, so that operators can predict it: after NFKC (full-width digits and letters count as ASCII ones),
 * a reference is a run of ASCII letters and digits, 10 to 30 long, with at least 8 digits, split from its
 * neighbours by anything else (spaces, punctuation, Chinese text, mrkdwn marks). That covers Taobao order ids
 * (15 to 20 digits) and tracking numbers such as SF1234567890123 or 773012345678901. Letters are upper-cased,
 * as carriers print them. OT order ids (`ORD-0000012345`) are skipped. Inside a link or a bare URL only the
 * values of the ID_PARAMETERS above are read, never paths or other parameters; a link's label is read as text;
 * mentions (`<@U…>`, `<#C…>`, `<!here>`) are skipped. Each reference appears once, in order of first
 * appearance, and at most MAX_LINE_REFERENCES are returned. A phone number or a product id may match too: it
 * simply finds no order line.
 */
export function findLineReferences(text: string): string[] {
  const found = new Set<string>();
  const message = text.normalize('NFKC');
  let readUpTo = 0;

  for (const match of message.matchAll(LINK_OR_URL_PATTERN)) {
    collectTokens(message.slice(readUpTo, match.index), found);
    if (match[1] === undefined) collectFromUrl(match[0], found);
    else collectFromLink(match[1], found);
    readUpTo = match.index + match[0].length;
    if (found.size >= MAX_LINE_REFERENCES) break;
  }
  collectTokens(message.slice(readUpTo), found);

  return [...found].slice(0, MAX_LINE_REFERENCES);
}

function collectFromLink(content: string, found: Set<string>): void {
  if (/^[@#!]/.test(content)) return;

  const bar = content.indexOf('|');
  const target = bar === -1 ? content : content.slice(0, bar);
  if (!SCHEME_PATTERN.test(target)) {
    collectTokens(content, found);
    return;
  }

  collectFromUrl(target, found);
  if (bar !== -1) collectTokens(content.slice(bar + 1), found);
}

function collectFromUrl(url: string, found: Set<string>): void {
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return;

  // Slack escapes & as &amp; in message text, links included.
  const query = url
    .slice(queryStart + 1)
    .split('#')[0]
    .replaceAll('&amp;', '&');
  for (const pair of query.split(/[&;]/)) {
    const equals = pair.indexOf('=');
    if (equals === -1) continue;
    const name = pair.slice(0, equals).toLowerCase().replace(/[-_]/g, '');
    if (ID_PARAMETERS.has(name)) collectTokens(pair.slice(equals + 1), found);
  }
}

function collectTokens(text: string, found: Set<string>): void {
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    if (found.size >= MAX_LINE_REFERENCES) return;
    if (isReference(match[0]) && !isOrderIdNumber(text, match.index)) found.add(match[0].toUpperCase());
  }
}

function isReference(token: string): boolean {
  if (token.length < MIN_REFERENCE_LENGTH || token.length > MAX_REFERENCE_LENGTH) return false;

  let digits = 0;
  for (const character of token) if (character >= '0' && character <= '9') digits += 1;
  return digits >= MIN_REFERENCE_DIGITS;
}

/** The number of an OT order id (`ORD-0000012345`) is ten digits too, but it is our id, not the provider's. */
function isOrderIdNumber(text: string, index: number): boolean {
  return index >= 4 && text.slice(index - 4, index).toUpperCase() === 'ORD-';
}
