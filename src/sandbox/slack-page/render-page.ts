import { createHash } from 'node:crypto';

import { escapeHtml, renderMrkdwn, renderPlainText } from './mrkdwn';
import { renderBlocks, renderTextObject } from './render-blocks';
import { directChannelOf, type Json, type LogEntry, type OpenView, type PageMessage, type SlackState } from './state';
import { anchorOf } from './web-api';

// The page itself: the channel with the command box and the messages (newest last), the App Home tab, and the top
// modal over either. Plain HTML; the one script asks for confirmation, and reloads the page when something changed
// unless the person is typing.

const POLL_MS = 1500;

const SCRIPT = `(() => {
  const shown = Number(document.body.dataset.version);
  let typed = false;
  document.addEventListener('input', () => { typed = true; });
  document.addEventListener('submit', (event) => {
    const question = event.submitter && event.submitter.dataset.confirm;
    if (question && !window.confirm(question)) event.preventDefault();
  });
  setInterval(async () => {
    try {
      const { version } = await (await fetch('/version', { cache: 'no-store' })).json();
      if (version === shown) return;
      if (typed) document.getElementById('stale').hidden = false;
      else window.location.reload();
    } catch {}
  }, ${POLL_MS});
})();`;

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 0; background: #f8f8f8; color: #1d1c1d; }
header { background: #3f0e40; color: #fff; padding: 8px 16px; display: flex; gap: 16px; align-items: center; }
header a { color: #fff; } header h1 { font-size: 17px; margin: 0; }
main { max-width: 860px; margin: 0 auto; padding: 12px 16px 80px; }
.message { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
.message.ephemeral { border-style: dashed; background: #fbfbfd; } .message.person { background: #eef6ff; }
.meta, .context, .hint, .log { color: #616061; font-size: 13px; } .log.warn { color: #a3290a; }
.section { display: flex; gap: 12px; justify-content: space-between; }
.fields { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 16px; }
.block { margin: 6px 0; } h3.header { margin: 4px 0; font-size: 18px; }
.button {
  display: inline-block;
  padding: 3px 12px;
  border: 1px solid #bbb;
  border-radius: 4px;
  background: #fff;
  color: #1d1c1d;
  text-decoration: none;
  font: inherit;
  cursor: pointer;
}
.button.primary { background: #007a5a; color: #fff; border-color: #007a5a; }
.button.danger { color: #e01e5a; border-color: #e01e5a; }
.mention { background: #e8f5fa; color: #1264a3; border-radius: 3px; padding: 0 2px; }
code { background: #f1f1f1; border: 1px solid #ddd; border-radius: 3px; padding: 0 3px; color: #c01343; }
pre { background: #f8f8f8; border: 1px solid #ddd; padding: 8px; white-space: pre-wrap; }
.unsupported { color: #a3290a; font-size: 13px; } .error { color: #e01e5a; font-size: 13px; white-space: pre-wrap; }
.overlay {
  position: fixed;
  inset: 0;
  background: rgba(0,0,0,.45);
  display: flex;
  align-items: flex-start;
  justify-content: center;
  overflow: auto;
}
.modal { background: #fff; border-radius: 8px; width: min(560px, 94vw); margin: 48px 0; padding: 0 20px 16px; }
.modal footer { display: flex; justify-content: flex-end; gap: 8px; margin-top: 16px; }
.input label { display: block; font-weight: 600; }
.input input, .input textarea, .input select { width: 100%; box-sizing: border-box; font: inherit; }
.has-error input, .has-error textarea, .has-error select { border: 1px solid #e01e5a; }
.problem { background: #fde8ec; padding: 6px 10px; border-radius: 4px; } form.inline { display: inline; }
.composer {
  position: fixed;
  bottom: 0;
  left: 0;
  right: 0;
  background: #fff;
  border-top: 1px solid #ddd;
  padding: 8px 16px;
}
.composer input[name=text] { width: min(600px, 60vw); font: inherit; }`;

/** The Content-Security-Policy of every page: only the page's own script and style run. */
export const PAGE_CSP = [
  "default-src 'none'",
  `script-src 'sha256-${hashOf(SCRIPT)}'`,
  `style-src 'sha256-${hashOf(STYLE)}'`,
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface PageModel {
  state: SlackState;
  userId: string;
  channelId: string;
  channelName: string;
  /** The slash command a line without one runs. */
  command: string;
  shortcuts: Array<{ callbackId: string; name: string }>;
}

/** The channel: what the bot posted and what only the person sees, with the person's own commands in between. */
export function renderChannelPage(model: PageModel): string {
  const messages = model.state.messages.filter(
    (message) => !message.ephemeralTo || message.ephemeralTo === model.userId,
  );
  const entries: Array<{ seq: number; html: string }> = [
    ...messages.map((message) => ({ seq: message.seq, html: renderMessage(model, message) })),
    ...model.state.log.map((entry) => ({ seq: entry.seq, html: renderLogEntry(entry) })),
  ].sort((a, b) => a.seq - b.seq);
  const timeline =
    entries.length > 0 ? entries.map((entry) => entry.html).join('\n') : '<p class="meta">Nothing yet.</p>';
  const composer = `<div class="composer">
<form method="post" action="/command" class="inline">
<input name="text" autofocus autocomplete="off" placeholder="${escapeHtml(model.command)} help">
<button class="button primary">Send command</button></form>
<form method="post" action="/say" class="inline">
<input name="text" autocomplete="off" placeholder="a message to #${escapeHtml(model.channelName)}">
<button class="button">Post</button></form>
</div>`;
  return layout(model, `#${model.channelName}`, `${timeline}\n${composer}`, '/');
}

/** The App Home tab as the bot last published it. */
export function renderHomePage(model: PageModel): string {
  const home = model.state.homes.get(model.userId);
  const body = home
    ? `<form method="post" action="/press"><input type="hidden" name="view" value="${escapeHtml(home.id)}">` +
      `<input type="hidden" name="back" value="/home">${renderBlocks(blocksOf(home.view), { view: home })}</form>`
    : '<p class="meta">The bot has published no App Home yet; it draws it when the tab opens. Wait a moment.</p>';
  return layout(model, 'App Home', body, '/home');
}

function layout(model: PageModel, title: string, content: string, back: string): string {
  const top = model.state.topModal();
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · sandbox Slack</title>
<style>${STYLE}</style></head><body data-version="${model.state.version}">
<header><h1>Sandbox Slack</h1><a href="/">#${escapeHtml(model.channelName)}</a>
<a href="/home/open">App Home</a><a href="${back}">Refresh</a>
<span>you are ${escapeHtml(model.userId)}</span></header>
<main><p id="stale" class="problem" hidden>
Something new arrived: <a href="${back}">refresh</a> (your typing is not sent yet).</p>
<h2>${escapeHtml(title)}</h2>
${content}</main>
${top ? renderModal(top, model.state.modals.length, back) : ''}
<script>${SCRIPT}</script></body></html>`;
}

// TODO(flat timeline): thread replies show in time order marked "reply in thread", not folded under their parent.
function renderMessage(model: PageModel, message: PageMessage): string {
  const where =
    message.ephemeralTo !== undefined
      ? 'only visible to you'
      : message.channel === directChannelOf(model.userId)
        ? 'direct message'
        : `#${model.channelName}`;
  const who = message.author === 'bot' ? 'autopurchase (bot)' : 'you';
  const notes = [
    where,
    message.threadTs ? `reply in thread ${message.threadTs}` : '',
    message.edits > 0 ? 'edited' : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const content = message.blocks.length > 0 ? renderBlocks(message.blocks) : renderMrkdwn(message.text);
  const classes = ['message', message.ephemeralTo ? 'ephemeral' : '', message.author === 'person' ? 'person' : ''];
  return `<article class="${classes.join(' ').trim()}" id="${anchorOf(message)}">
<div class="meta"><strong>${who}</strong> · ${escapeHtml(notes)} · ${escapeHtml(message.ts)}</div>
<form method="post" action="/press">
<input type="hidden" name="message" value="${escapeHtml(message.ts)}">${content}</form>
${message.ephemeralTo ? '' : renderShortcuts(model, message)}</article>`;
}

function renderShortcuts(model: PageModel, message: PageMessage): string {
  return model.shortcuts
    .map(
      (shortcut) =>
        '<form method="post" action="/shortcut" class="inline">' +
        `<input type="hidden" name="message" value="${escapeHtml(message.ts)}">` +
        `<input type="hidden" name="callback" value="${escapeHtml(shortcut.callbackId)}">` +
        `<button class="button">⋮ ${escapeHtml(shortcut.name)}</button></form>`,
    )
    .join(' ');
}

function renderLogEntry(entry: LogEntry): string {
  return `<div class="log ${entry.level}">${entry.level === 'warn' ? '⚠️ ' : '› '}${renderPlainText(entry.text)}</div>`;
}

function renderModal(open: OpenView, depth: number, back: string): string {
  const { view } = open;
  const submit = view.submit
    ? `<button type="submit" class="button primary">${renderTextObject(view.submit)}</button>`
    : '';
  const close =
    '<button type="submit" class="button" formaction="/modal/close" formnovalidate>' +
    `${renderTextObject(view.close) || 'Close'}</button>`;
  const problem = open.problem ? `<p class="problem">${renderPlainText(open.problem)}</p>` : '';
  const stack = depth > 1 ? ` <span class="meta">(${depth} modals stacked)</span>` : '';
  return `<div class="overlay"><form class="modal" method="post" action="/modal/submit" id="modal">
<input type="hidden" name="view" value="${escapeHtml(open.id)}"><input type="hidden" name="back" value="${back}">
<h2>${renderTextObject(view.title)}${stack}</h2>${problem}
${renderBlocks(blocksOf(view), { view: open, buttonAction: '/press' })}
<footer>${close}${submit}</footer></form></div>`;
}

function blocksOf(view: Json): Json[] {
  return Array.isArray(view.blocks) ? (view.blocks as Json[]) : [];
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}
