import { randomBytes } from 'node:crypto';

// What the local Slack holds: the messages the person can see, the modal stack, App Home tabs, and the short-lived
// trigger ids and response URLs it hands to the bot. Every change bumps a version, which the page polls to know
// when to reload.

/** Slack lets a trigger id open a modal within 3 seconds, once. */
export const TRIGGER_LIFETIME_MS = 3_000;
/** Slack takes up to 5 answers through one response_url within 30 minutes. */
const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;
const RESPONSE_URL_USES = 5;
const MAX_LOG_ENTRIES = 100;
/** Slack keeps up to 3 modals stacked. */
export const MAX_MODAL_STACK = 3;

export type Json = Record<string, unknown>;

export interface PageMessage {
  /** Slack's message timestamp: the message's id within its channel. */
  ts: string;
  channel: string;
  /** Set on an ephemeral message: the only person who sees it. */
  ephemeralTo?: string;
  author: 'bot' | 'person';
  text: string;
  blocks: Json[];
  threadTs?: string;
  /** How often it was rewritten (chat.update, replace_original). */
  edits: number;
  /** Position on the page among messages and log entries. */
  seq: number;
}

export interface OpenView {
  id: string;
  hash: string;
  /** The view as the bot sent it, every block with a block_id. */
  view: Json;
  /** What the person typed or chose so far, by input block_id: text, or the chosen option's value. */
  values: Record<string, string>;
  /** Errors the bot answered with (response_action errors), by block_id. */
  errors: Record<string, string>;
  /** A problem the page shows over the modal, such as the bot not answering its submission. */
  problem?: string;
}

export interface LogEntry {
  seq: number;
  level: 'info' | 'warn';
  text: string;
}

/** Where answers to one response_url go: the message the button was on, if any. */
export interface ResponseTarget {
  channel: string;
  messageTs?: string;
  createdAt: number;
  uses: number;
}

export type TriggerCheck = 'ok' | 'invalid_trigger_id' | 'expired_trigger_id' | 'exchanged_trigger_id';

export interface SlackStateOptions {
  now: () => number;
  triggerLifetimeMs: number;
}

export class SlackState {
  readonly messages: PageMessage[] = [];
  readonly modals: OpenView[] = [];
  readonly homes = new Map<string, OpenView>();
  readonly log: LogEntry[] = [];
  version = 0;
  private seq = 0;
  private readonly triggers = new Map<string, { createdAt: number; used: boolean }>();
  private readonly responseTargets = new Map<string, ResponseTarget>();

  constructor(private readonly options: SlackStateOptions) {}

  now(): number {
    return this.options.now();
  }

  touch(): void {
    this.version++;
  }

  note(level: LogEntry['level'], text: string): void {
    this.log.push({ seq: ++this.seq, level, text });
    if (this.log.length > MAX_LOG_ENTRIES) this.log.shift();
    this.touch();
  }

  addMessage(fields: Omit<PageMessage, 'ts' | 'seq' | 'edits'>): PageMessage {
    const seq = ++this.seq;
    const ts = `${Math.floor(this.now() / 1000)}.${String(seq % 1_000_000).padStart(6, '0')}`;
    const message: PageMessage = { ...fields, ts, seq, edits: 0 };
    this.messages.push(message);
    this.touch();
    return message;
  }

  findMessage(channel: string, ts: string): PageMessage | undefined {
    return this.messages.find((message) => message.ts === ts && message.channel === channel);
  }

  rewriteMessage(message: PageMessage, text: string, blocks: Json[]): void {
    message.text = text;
    message.blocks = blocks;
    message.edits++;
    this.touch();
  }

  deleteMessage(message: PageMessage): void {
    this.messages.splice(this.messages.indexOf(message), 1);
    this.touch();
  }

  issueTrigger(): string {
    const id = `${Math.floor(this.now() / 1000)}.${++this.seq}.${randomHex(8)}`;
    this.triggers.set(id, { createdAt: this.now(), used: false });
    return id;
  }

  useTrigger(id: unknown): TriggerCheck {
    const trigger = typeof id === 'string' ? this.triggers.get(id) : undefined;
    if (!trigger) return 'invalid_trigger_id';
    if (trigger.used) return 'exchanged_trigger_id';
    if (this.now() - trigger.createdAt > this.options.triggerLifetimeMs) return 'expired_trigger_id';
    trigger.used = true;
    return 'ok';
  }

  issueResponseUrl(target: Omit<ResponseTarget, 'createdAt' | 'uses'>): string {
    const id = randomHex(12);
    this.responseTargets.set(id, { ...target, createdAt: this.now(), uses: 0 });
    return id;
  }

  /** The target of one answer through a response_url, or Slack's reason to refuse it. */
  useResponseUrl(id: string): ResponseTarget | 'expired_url' | 'used_url' {
    const target = this.responseTargets.get(id);
    if (!target || this.now() - target.createdAt > RESPONSE_URL_LIFETIME_MS) return 'expired_url';
    if (target.uses >= RESPONSE_URL_USES) return 'used_url';
    target.uses++;
    return target;
  }

  /** A view the bot sent, made ready to show: block ids filled in and the inputs' initial values as drafts. */
  createView(view: Json, previous?: OpenView): OpenView {
    const blocks = Array.isArray(view.blocks) ? (view.blocks as Json[]) : [];
    const withIds = blocks.map((block, index) => ({ ...block, block_id: block.block_id ?? `block-${index}` }));
    const shown: OpenView = {
      id: previous?.id ?? `V${randomHex(5).toUpperCase()}`,
      hash: `${this.now()}.${randomHex(4)}`,
      view: { ...view, blocks: withIds },
      values: {},
      errors: {},
    };
    // Slack keeps what the person typed in an input whose block_id survives an update.
    for (const block of withIds) {
      const blockId = String(block.block_id);
      const kept = previous?.values[blockId];
      const initial = initialValueOf(block);
      if (kept !== undefined) shown.values[blockId] = kept;
      else if (initial !== undefined) shown.values[blockId] = initial;
    }
    this.touch();
    return shown;
  }

  findView(id: unknown): OpenView | undefined {
    return this.modals.find((view) => view.id === id) ?? [...this.homes.values()].find((view) => view.id === id);
  }

  topModal(): OpenView | undefined {
    return this.modals.at(-1);
  }

  replaceModal(old: OpenView, next: OpenView): void {
    const index = this.modals.indexOf(old);
    if (index !== -1) this.modals[index] = next;
    this.touch();
  }

  closeModals(count: number): void {
    this.modals.splice(Math.max(0, this.modals.length - count), count);
    this.touch();
  }
}

/** The person's direct-message channel with the bot; posting to the person's user id lands there too. */
export function directChannelOf(userId: string): string {
  return `D${userId.slice(1)}`;
}

function initialValueOf(block: Json): string | undefined {
  if (block.type !== 'input') return undefined;
  const element = (block.element ?? {}) as Json;
  if (typeof element.initial_value === 'string') return element.initial_value;
  const option = element.initial_option as Json | undefined;
  return typeof option?.value === 'string' ? option.value : undefined;
}

function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}
