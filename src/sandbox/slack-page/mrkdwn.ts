// Slack's mrkdwn turned into HTML for the local Slack page. Text in the bot's messages comes from OT and from
// people, so it is hostile: every character that is not a formatting mark the page understands is escaped, and
// only http(s) and mailto links become links.

// Private-use characters stand in for rendered pieces while the rest of the text is escaped and formatted.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(\d+)\uE001/g;
const STRAY_PLACEHOLDERS = /[\uE000\uE001]/g;
const ENTITY = /<([^<>\n]*)>/g;
const SLACK_ENTITY = /&(amp|lt|gt);/g;
const CODE_BLOCK = /```([\s\S]*?)```/g;
const INLINE_CODE = /`([^`\n]+)`/g;
const LINK_SCHEMES = /^(https?:\/\/|mailto:)/i;
const EMOJI_CODE = /:([a-z0-9_+-]+):/g;
const HTML_SPECIALS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const DECODED: Record<string, string> = { amp: '&', lt: '<', gt: '>' };

// A mark opens after the start, a space or punctuation, and closes before the end, a space or punctuation:
// `tb_autobuy_03` stays an id, `*Total:*` turns bold.
const STYLES: Array<[RegExp, string]> = [
  [/(^|[^\p{L}\p{N}*])\*(?=\S)([^*\n]*?\S)\*(?![\p{L}\p{N}*])/gu, 'strong'],
  [/(^|[^\p{L}\p{N}_])_(?=\S)([^_\n]*?\S)_(?![\p{L}\p{N}_])/gu, 'em'],
  [/(^|[^\p{L}\p{N}~])~(?=\S)([^~\n]*?\S)~(?![\p{L}\p{N}~])/gu, 'del'],
];

// The emoji the bot writes, and a few common ones; any other :code: stays as text.
const EMOJI: Record<string, string> = {
  warning: '⚠️',
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  x: '❌',
  no_entry: '⛔',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  question: '❓',
  bell: '🔔',
  key: '🔑',
  package: '📦',
  mag: '🔍',
  link: '🔗',
  information_source: 'ℹ️',
  rotating_light: '🚨',
  arrows_counterclockwise: '🔄',
};

/** Any text made safe to put in HTML, in an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_SPECIALS[character]);
}

/** A plain_text object's text: escaped, with newlines and emoji codes shown as Slack shows them. */
export function renderPlainText(text: string): string {
  return replaceEmoji(escapeHtml(text)).replace(/\n/g, '<br>');
}

/**
 * mrkdwn as HTML: `*bold*`, `_italic_`, `~strike~`, `` `code` ``, code blocks, `<url|label>` links, `<@U…>`,
 * `<#C…|name>` and `<!here>` mentions, emoji codes and newlines. Everything else is escaped first.
 */
export function renderMrkdwn(text: string): string {
  const pieces: string[] = [];
  const hold = (html: string) => `${OPEN}${pieces.push(html) - 1}${CLOSE}`;

  const withEntities = text.replace(STRAY_PLACEHOLDERS, '\uFFFD').replace(ENTITY, (whole, inner: string) => {
    const html = renderEntity(inner);
    return html === undefined ? whole : hold(html);
  });
  let html = escapeHtml(decodeSlackEntities(withEntities));
  html = html.replace(CODE_BLOCK, (_whole, code: string) => hold(`<pre>${code.replace(/^\n/, '')}</pre>`));
  html = html.replace(INLINE_CODE, (_whole, code: string) => hold(`<code>${code}</code>`));
  for (const [pattern, tag] of STYLES) {
    html = html.replace(pattern, (_whole, before: string, inner: string) => `${before}<${tag}>${inner}</${tag}>`);
  }
  html = replaceEmoji(html).replace(/\n/g, '<br>');
  return restorePieces(html, pieces);
}

/** mrkdwn as the plain words a person reads, for browser dialogs that show text as it is. */
export function mrkdwnToPlainText(text: string): string {
  return decodeSlackEntities(
    text.replace(ENTITY, (whole, inner: string) => {
      const [target, label] = splitLabel(inner);
      if (label !== undefined) return label;
      return target.startsWith('@') || target.startsWith('#') ? target : whole;
    }),
  );
}

/** What one `<…>` entity shows; undefined when it is none Slack knows, so it stays text. */
function renderEntity(inner: string): string | undefined {
  const [target, label] = splitLabel(inner);
  if (target.startsWith('@')) return mention(`@${label ?? target.slice(1)}`);
  if (target.startsWith('#')) return mention(`#${label ?? target.slice(1)}`);
  if (target.startsWith('!')) return mention(specialMention(target.slice(1), label));

  const url = decodeSlackEntities(target);
  if (!LINK_SCHEMES.test(url)) return undefined;
  const shown = escapeHtml(decodeSlackEntities(label ?? url));
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${shown}</a>`;
}

function specialMention(name: string, label: string | undefined): string {
  if (label !== undefined) return label;
  const subteam = /^subteam\^([A-Z0-9]+)$/.exec(name);
  return subteam ? `@${subteam[1]}` : `@${name}`;
}

function mention(text: string): string {
  return `<span class="mention">${escapeHtml(decodeSlackEntities(text))}</span>`;
}

function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf('|');
  return bar === -1 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1)];
}

function decodeSlackEntities(text: string): string {
  return text.replace(SLACK_ENTITY, (_whole, name: string) => DECODED[name]);
}

function replaceEmoji(html: string): string {
  return html.replace(EMOJI_CODE, (whole, name: string) => EMOJI[name] ?? whole);
}

// Pieces may hold other pieces (a link inside inline code), so substitute until none is left.
function restorePieces(html: string, pieces: string[]): string {
  let result = html;
  for (let depth = 0; depth < 3 && result.includes(OPEN); depth++) {
    result = result.replace(PLACEHOLDER, (_whole, index: string) => pieces[Number(index)] ?? '');
  }
  return result;
}
