// Every id Slack sends back to the bot: action ids of buttons, callback ids of modals and shortcuts.
// Block builders put them in; listeners register on them. One list, so the two cannot drift apart.

export const ACTION_IDS = {
  /** Order card buttons; the value is the order id. */
  payOrder: 'order_pay',
  cancelOrder: 'order_cancel',
  refreshOrder: 'order_refresh',
  /** Order card: show the next page of lines; the value is `${orderId}|${firstLine}`, firstLine counted from 0. */
  moreLines: 'order_more_lines',
  /** Search results and lists: open the order card; the value is the order id. */
  openOrder: 'order_open',
  /** Accounts list: a URL button to the provider's log-in page; Slack still sends the click. */
  providerLogin: 'provider_login',
} as const;

export const CALLBACK_IDS = {
  orderNew: 'order_new',
  payConfirm: 'order_pay_confirm',
  cancelConfirm: 'order_cancel_confirm',
  /** The message shortcut, as manifest.yml names it. */
  findOrderLines: 'find_order_lines',
} as const;

/** Block and input ids inside modals, read back from view_submission state. */
export const INPUT_IDS = {
  profile: 'profile',
  comment: 'comment',
  lines: 'lines',
} as const;
