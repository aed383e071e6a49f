import type { Json, OpenView } from './state';

// The inputs of a modal as Slack reports them to the bot: view.state.values, keyed by block_id then action_id,
// built from what the person typed or chose. Slack's client refuses to submit an empty required input itself.

export const REQUIRED_FIELD = 'Please complete this required field.';

/** The input elements the page can show and report; others are shown as unsupported. */
export const SUPPORTED_INPUTS = ['plain_text_input', 'static_select'];

export interface InputField {
  blockId: string;
  actionId: string;
  element: Json;
  optional: boolean;
}

/** Every input block of the view with an element the page supports. */
export function listInputs(open: OpenView): InputField[] {
  const blocks = (open.view.blocks ?? []) as Json[];
  return blocks
    .filter((block) => block.type === 'input')
    .map((block) => {
      const element = (block.element ?? {}) as Json;
      return {
        blockId: String(block.block_id),
        actionId: typeof element.action_id === 'string' ? element.action_id : `${String(block.block_id)}-input`,
        element,
        optional: block.optional === true,
      };
    })
    .filter((field) => SUPPORTED_INPUTS.includes(String(field.element.type)));
}

/** view.state.values: plain_text_input as `{ value }` (null when empty), static_select as `{ selected_option }`. */
export function buildStateValues(open: OpenView): Record<string, Record<string, Json>> {
  const values: Record<string, Record<string, Json>> = {};
  for (const field of listInputs(open)) {
    const typed = open.values[field.blockId];
    const entry: Json =
      field.element.type === 'static_select'
        ? { type: 'static_select', selected_option: findOption(field.element, typed) ?? null }
        : { type: 'plain_text_input', value: typed === undefined || typed === '' ? null : typed };
    values[field.blockId] = { [field.actionId]: entry };
  }
  return values;
}

/** What Slack's client says before sending anything: required inputs left empty, text over max_length. */
export function checkBeforeSubmit(open: OpenView): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of listInputs(open)) {
    const typed = open.values[field.blockId] ?? '';
    const maxLength = Number(field.element.max_length);
    if (typed.trim() === '' && !field.optional) errors[field.blockId] = REQUIRED_FIELD;
    else if (Number.isInteger(maxLength) && typed.length > maxLength) {
      errors[field.blockId] = `Please enter at most ${maxLength} characters.`;
    }
  }
  return errors;
}

/** The option with this value, or with this text (a person or a test may name either). */
export function findOption(element: Json, chosen: string | undefined): Json | undefined {
  if (chosen === undefined || chosen === '') return undefined;
  const options = listOptions(element);
  return (
    options.find((option) => option.value === chosen) ??
    options.find((option) => (option.text as Json | undefined)?.text === chosen)
  );
}

/** A select's options, including those inside option_groups. */
export function listOptions(element: Json): Json[] {
  const direct = Array.isArray(element.options) ? (element.options as Json[]) : [];
  const groups = Array.isArray(element.option_groups) ? (element.option_groups as Json[]) : [];
  return [...direct, ...groups.flatMap((group) => (Array.isArray(group.options) ? (group.options as Json[]) : []))];
}
