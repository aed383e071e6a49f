import {
  buildCancelConfirmModal,
  buildModal,
  buildModalNotice,
  buildOrderNewLoadingModal,
  buildOrderNewModal,
  buildPayConfirmModal,
  ORDER_LINES_HINT,
} from '../../../src/slack/blocks/modals';
import { CALLBACK_IDS, INPUT_IDS } from '../../../src/slack/ids';
import { anOrder, aPaymentPlan, aProfile } from './factories';
import { checkView, findUnescapedMrkdwn, textOf } from './limits-check';

type Json = Record<string, unknown>;

function inputOf(view: { blocks: unknown[] }, blockId: string): Json {
  const block = (view.blocks as Json[]).find((candidate) => candidate.block_id === blockId);
  if (!block) throw new Error(`no block ${blockId}`);
  return block;
}

describe('buildPayConfirmModal', () => {
  it('shows customer, amount and what is left to pay, with Pay and Back', () => {
    const view = buildPayConfirmModal(
      aPaymentPlan({ amount: 50, remainAmount: 107.3 }),
      '{"orderId":"ORD-0000012345"}',
    );
    const text = textOf(view.blocks);

    expect(view.callback_id).toBe(CALLBACK_IDS.payConfirm);
    expect(view.private_metadata).toBe('{"orderId":"ORD-0000012345"}');
    expect(view.submit?.text).toBe('Pay');
    expect(view.close?.text).toBe('Back');
    expect(text).toContain('Pay *50.00 CNY* on order *ORD-0000012345*?');
    expect(text).toContain('7001 · Ivan Petrov');
    expect(text).toContain('*Left to pay now*\n107.30 CNY');
    expect(text).toContain('*Left to pay after*\n57.30 CNY');
    expect(checkView(view)).toEqual([]);
  });

  it('escapes a customer name with < and &', () => {
    const view = buildPayConfirmModal(aPaymentPlan({ customerName: '<王> & 李' }), '');

    expect(findUnescapedMrkdwn(view.blocks)).toEqual([]);
  });
});

describe('buildCancelConfirmModal', () => {
  it('names the order and customer, with Cancel order and Keep order', () => {
    const view = buildCancelConfirmModal(anOrder(), 'meta');

    expect(view.callback_id).toBe(CALLBACK_IDS.cancelConfirm);
    expect(view.submit?.text).toBe('Cancel order');
    expect(view.close?.text).toBe('Keep order');
    expect(textOf(view.blocks)).toContain('Cancel order *ORD-0000012345*?');
    expect(textOf(view.blocks)).toContain('7001 · Ivan Petrov');
    expect(checkView(view)).toEqual([]);
  });
});

describe('buildOrderNewLoadingModal', () => {
  it('says profiles are loading and offers nothing to submit', () => {
    const view = buildOrderNewLoadingModal();

    expect(view.submit).toBeUndefined();
    expect(textOf(view.blocks)).toContain('Loading');
    expect(checkView(view)).toEqual([]);
  });
});

describe('buildOrderNewModal', () => {
  it('carries the inputs the submission listener reads, under INPUT_IDS block and action ids', () => {
    const view = buildOrderNewModal([aProfile(), aProfile({ id: 'profile-2', city: 'Kazan' })], 'meta');

    expect(view.callback_id).toBe(CALLBACK_IDS.orderNew);
    for (const id of [INPUT_IDS.profile, INPUT_IDS.comment, INPUT_IDS.lines]) {
      expect((inputOf(view, id).element as Json).action_id).toBe(id);
    }
    expect(inputOf(view, INPUT_IDS.comment)).toMatchObject({ optional: true, element: { max_length: 1000 } });
    expect(inputOf(view, INPUT_IDS.lines)).toMatchObject({
      hint: { text: ORDER_LINES_HINT },
      element: { multiline: true, max_length: 3000 },
    });
    expect(checkView(view)).toEqual([]);
  });

  it('offers each profile by name, city and address, with its id as the value', () => {
    const view = buildOrderNewModal([aProfile(), aProfile({ id: 'profile-2', city: 'Kazan' })], 'meta');
    const options = (inputOf(view, INPUT_IDS.profile).element as Json).options as Json[];

    expect(options.map((option) => option.value)).toEqual(['profile-1', 'profile-2']);
    expect((options[1].text as Json).text).toBe('Ivan Petrov, Kazan, Lenina 1');
  });

  it('preselects the only profile', () => {
    const view = buildOrderNewModal([aProfile()], 'meta');

    expect((inputOf(view, INPUT_IDS.profile).element as Json).initial_option).toMatchObject({ value: 'profile-1' });
  });

  it('keeps 150 profiles with long addresses within the 100 options and 75 characters a select takes', () => {
    const profiles = Array.from({ length: 150 }, (_, index) =>
      aProfile({ id: `p${index}`, address: `北京市朝阳区${'建国路'.repeat(40)} ${index}` }),
    );

    const view = buildOrderNewModal(profiles, 'meta');

    expect(checkView(view)).toEqual([]);
    expect(textOf(view.blocks)).toContain('Showing the first 100 of 150 profiles.');
  });

  it('adds the order without a profile select when the customer has no profile', () => {
    const view = buildOrderNewModal([], 'meta');

    expect(view.blocks.some((block) => block.block_id === INPUT_IDS.profile)).toBe(false);
    expect(textOf(view.blocks)).toContain('no delivery profile');
    expect(checkView(view)).toEqual([]);
  });

  it('refuses private_metadata longer than Slack keeps', () => {
    expect(() => buildOrderNewModal([aProfile()], 'x'.repeat(3001))).toThrow(RangeError);
  });
});

describe('buildModalNotice', () => {
  it('cuts a long title to 24 characters and escapes the text', () => {
    const view = buildModalNotice('A title far longer than Slack allows', ':warning: OT said <no> & more');

    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.submit).toBeUndefined();
    expect(textOf(view.blocks)).toContain(':warning: OT said &lt;no&gt; &amp; more');
    expect(checkView(view)).toEqual([]);
  });
});

describe('buildModal', () => {
  it('takes private_metadata of exactly 3,000 characters', () => {
    const view = buildModal({ title: 'T', close: 'Close', blocks: [], privateMetadata: 'x'.repeat(3000) });

    expect(view.private_metadata).toHaveLength(3000);
  });
});
