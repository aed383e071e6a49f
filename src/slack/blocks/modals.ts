import type { InputBlock, KnownBlock, ModalView, PlainTextOption, SectionBlock } from '@slack/types';
import type { PaymentPlan } from '../../autopurchase/payment';
import type { Order, UserProfile } from '../../ot/types';
import { CALLBACK_IDS, INPUT_IDS } from '../ids';
import { contextBlock, plainText, sectionBlock } from './elements';
import { countOf, formatMoney, orNone } from './format';
import {
  MAX_INPUT_HINT,
  MAX_INPUT_LABEL,
  MAX_MODAL_BUTTON_TEXT,
  MAX_MODAL_TITLE,
  MAX_OPTION_TEXT,
  MAX_PLACEHOLDER,
  MAX_PRIVATE_METADATA,
  MAX_SECTION_TEXT,
  MAX_SELECT_OPTIONS,
  toMrkdwn,
} from './limits';

const ORDER_NEW_TITLE = 'New order';
export const MAX_ORDER_COMMENT = 1000;
export const MAX_ORDER_LINES_TEXT = 3000;
export const ORDER_LINES_HINT =
  'One line each: itemId [configurationId] quantity [comment]; weight:<kg> and promo:<id> optional';
const ORDER_LINES_EXAMPLE = '652271234567 4512345678 2 red, size M';
const MAX_NAME = 100;
// Values in the confirm dialogs' fields: a customer's name is the longest.
const MAX_FIELD_VALUE = 200;

export interface ModalOptions {
  title: string;
  blocks: KnownBlock[];
  close: string;
  submit?: string;
  callbackId?: string;
  privateMetadata?: string;
}

/** Confirms a payment simulation before any money moves: customer, amount, and what is left to pay. */
export function buildPayConfirmModal(plan: PaymentPlan, privateMetadata: string): ModalView {
  const money = (amount: number) => formatMoney(amount, plan.currencyCode);
  const left = Math.max(0, plan.remainAmount - plan.amount);
  return buildModal({
    title: 'Pay order',
    callbackId: CALLBACK_IDS.payConfirm,
    privateMetadata,
    submit: 'Pay',
    close: 'Back',
    blocks: [
      sectionBlock(`Pay *${toMrkdwn(money(plan.amount), MAX_NAME)}* on order *${toMrkdwn(plan.orderId, MAX_NAME)}*?`),
      fieldsBlock([
        ['Customer', `${plan.customerId} · ${orNone(plan.customerName)}`],
        ['Amount', money(plan.amount)],
        ['Left to pay now', money(plan.remainAmount)],
        ['Left to pay after', money(left)],
      ]),
      contextBlock("The bot deposits what the customer's balance lacks, then pays the order from the balance."),
    ],
  });
}

/** Confirms cancelling an order: which order, whose, and how much is in it. */
export function buildCancelConfirmModal(order: Order, privateMetadata: string): ModalView {
  const money = (amount: number) => formatMoney(amount, order.currencyCode);
  return buildModal({
    title: 'Cancel order',
    callbackId: CALLBACK_IDS.cancelConfirm,
    privateMetadata,
    submit: 'Cancel order',
    close: 'Keep order',
    blocks: [
      sectionBlock(`Cancel order *${toMrkdwn(order.displayId ?? order.id, MAX_NAME)}*?`),
      fieldsBlock([
        ['Customer', `${order.customerId} · ${orNone(order.customerName)}`],
        ['Status', order.statusName],
        ['Total', money(order.totalAmount)],
        ['Left to pay', money(order.remainAmount)],
        ['Items', countOf(order.itemsCount, 'item')],
      ]),
      contextBlock('OT cancels the whole order, and Slack cannot undo it.'),
    ],
  });
}

/**
 * Shown at once when an operator runs `order new`, since the trigger id expires in 3 seconds and the customer's
 * profiles come from OT; the listener then replaces it with the form.
 */
export function buildOrderNewLoadingModal(): ModalView {
  return buildModal({
    title: ORDER_NEW_TITLE,
    callbackId: CALLBACK_IDS.orderNew,
    close: 'Cancel',
    blocks: [sectionBlock("Loading the customer's delivery profiles from OT…")],
  });
}

/**
 * The new order form: the customer's delivery profile, an order comment, and the lines pasted one per line. Each
 * input's block id and action id are the same INPUT_IDS entry, which the submission listener reads back.
 */
export function buildOrderNewModal(profiles: UserProfile[], privateMetadata: string): ModalView {
  return buildModal({
    title: ORDER_NEW_TITLE,
    callbackId: CALLBACK_IDS.orderNew,
    privateMetadata,
    submit: 'Add order',
    close: 'Cancel',
    blocks: [...buildProfileBlocks(profiles), buildCommentInput(), buildLinesInput()],
  });
}

/** A modal that only says something, such as why a form could not open or what a submission did. */
export function buildModalNotice(title: string, text: string): ModalView {
  return buildModal({ title, close: 'Close', blocks: [sectionBlock(toMrkdwn(text, MAX_SECTION_TEXT))] });
}

/**
 * Every modal goes through here: title and buttons cut to Slack's 24 characters. private_metadata is never cut,
 * because a cut one would not parse back: a caller that passes too much gets an error.
 */
export function buildModal(options: ModalOptions): ModalView {
  if (options.privateMetadata !== undefined && options.privateMetadata.length > MAX_PRIVATE_METADATA) {
    throw new RangeError(
      `private_metadata is ${options.privateMetadata.length} characters; Slack takes at most ${MAX_PRIVATE_METADATA}`,
    );
  }

  const view: ModalView = {
    type: 'modal',
    title: plainText(options.title, MAX_MODAL_TITLE),
    close: plainText(options.close, MAX_MODAL_BUTTON_TEXT),
    blocks: options.blocks,
  };
  if (options.submit !== undefined) view.submit = plainText(options.submit, MAX_MODAL_BUTTON_TEXT);
  if (options.callbackId !== undefined) view.callback_id = options.callbackId;
  if (options.privateMetadata !== undefined) view.private_metadata = options.privateMetadata;
  return view;
}

function fieldsBlock(fields: Array<[label: string, value: string]>): SectionBlock {
  return {
    type: 'section',
    fields: fields.map(([label, value]) => ({
      type: 'mrkdwn',
      text: `*${label}*\n${toMrkdwn(value, MAX_FIELD_VALUE)}`,
    })),
  };
}

function buildProfileBlocks(profiles: UserProfile[]): KnownBlock[] {
  // Slack refuses a select without options; OT adds the order without a profile then.
  if (profiles.length === 0) {
    return [sectionBlock('The customer has no delivery profile in OT: the order is added without one.')];
  }

  const options = profiles.slice(0, MAX_SELECT_OPTIONS).map(toOption);
  const input: InputBlock = {
    type: 'input',
    block_id: INPUT_IDS.profile,
    label: plainText('Delivery profile', MAX_INPUT_LABEL),
    element: {
      type: 'static_select',
      action_id: INPUT_IDS.profile,
      placeholder: plainText('Choose a profile', MAX_PLACEHOLDER),
      options,
      ...(options.length === 1 ? { initial_option: options[0] } : {}),
    },
  };
  if (profiles.length <= MAX_SELECT_OPTIONS) return [input];

  // TODO(Slack selects hold 100 options): a customer with more profiles needs an external_select to reach the rest.
  return [input, contextBlock(`Showing the first ${MAX_SELECT_OPTIONS} of ${countOf(profiles.length, 'profile')}.`)];
}

function buildCommentInput(): InputBlock {
  return {
    type: 'input',
    block_id: INPUT_IDS.comment,
    optional: true,
    label: plainText('Order comment', MAX_INPUT_LABEL),
    element: { type: 'plain_text_input', action_id: INPUT_IDS.comment, max_length: MAX_ORDER_COMMENT },
  };
}

function buildLinesInput(): InputBlock {
  return {
    type: 'input',
    block_id: INPUT_IDS.lines,
    label: plainText('Lines', MAX_INPUT_LABEL),
    hint: plainText(ORDER_LINES_HINT, MAX_INPUT_HINT),
    element: {
      type: 'plain_text_input',
      action_id: INPUT_IDS.lines,
      multiline: true,
      max_length: MAX_ORDER_LINES_TEXT,
      placeholder: plainText(ORDER_LINES_EXAMPLE, MAX_PLACEHOLDER),
    },
  };
}

/** `Ivan Petrov, Moscow, Lenina 1`, cut to Slack's 75 characters; a profile with none of them shows its id. */
function toOption(profile: UserProfile): PlainTextOption {
  const name = [profile.firstName, profile.lastName].filter(Boolean).join(' ');
  const words = [name, profile.city, profile.address].filter((word) => word?.trim()).join(', ');
  return { text: plainText(words || `Profile ${profile.id}`, MAX_OPTION_TEXT), value: profile.id };
}
