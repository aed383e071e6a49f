import { escapeXml } from './wire';
import type { LoginTicket, World } from './world';

// The provider's log-in page, as GetProviderOrdersIntegrationSessionAuthenticationInfo links to it. A person
// picks an account (or a failure); the browser then goes back to the caller's return URL. OT's names for
// what the return URL carries are not public: the simulator sends these query parameters.
export const RETURN_PARAMS = { sessionId: 'providerSessionId', account: 'providerAccount', error: 'error' } as const;

const MAX_ACCOUNT_NAME = 64;
const FAILURES: Record<string, string> = {
  'wrong-password': '登录失败：账号或密码错误 (wrong account name or password)',
  'sms-timeout': '短信验证码已过期 (the SMS code expired)',
  refused: '用户拒绝授权 (the person did not allow OT Commerce to use the account)',
};

export interface PageAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function showLoginPage(world: World, ticketId: string | undefined): PageAnswer {
  const ticket = liveTicket(world, ticketId);
  if (!ticket) return expiredPage();
  const accounts = [...world.providerAccounts.keys()];
  const accountChoices = accounts
    .map((name, index) => radio('account', name, name, index === 0))
    .concat(
      '<label><input type="radio" name="account" value=""> another account: ' +
        `<input name="newAccount" maxlength="${MAX_ACCOUNT_NAME}"></label>`,
    )
    .join('<br>');
  const outcomeChoices = [radio('outcome', 'success', 'log in and allow OT Commerce to use the account', true)]
    .concat(Object.entries(FAILURES).map(([value, text]) => radio('outcome', value, `fail: ${text}`, false)))
    .join('<br>');
  return html(
    200,
    'Taobao 登录 (OT simulator)',
    `<p>OT Commerce asks to work with a Taobao account (${escapeXml(ticket.providerType)}).</p>
<form method="post" action="/provider/login">
<input type="hidden" name="ticket" value="${escapeXml(ticket.id)}">
<fieldset><legend>淘宝账号 (account)</legend>${accountChoices}</fieldset>
<fieldset><legend>Outcome</legend>${outcomeChoices}</fieldset>
<p><button type="submit">登录 (log in)</button></p>
</form>`,
  );
}

/** The form's answer: completes or fails the log-in and sends the browser back to the return URL. */
export function submitLogin(world: World, form: URLSearchParams): PageAnswer {
  const ticket = liveTicket(world, form.get('ticket') ?? undefined);
  if (!ticket) return expiredPage();
  world.loginTickets.delete(ticket.id);

  const back = new URL(ticket.returnUrl);
  const outcome = form.get('outcome') ?? '';
  const accountName = (form.get('account') || form.get('newAccount') || '').trim();
  if (outcome !== 'success') {
    back.searchParams.set(RETURN_PARAMS.error, FAILURES[outcome] ?? FAILURES.refused);
  } else if (accountName === '' || accountName.length > MAX_ACCOUNT_NAME) {
    back.searchParams.set(RETURN_PARAMS.error, FAILURES['wrong-password']);
  } else {
    const account = world.providerAccounts.get(accountName) ?? { name: accountName, balance: 0, bookingLimit: 20 };
    world.providerAccounts.set(accountName, account);
    const session = world.renewProviderSession(account);
    back.searchParams.set(RETURN_PARAMS.sessionId, session.id);
    back.searchParams.set(RETURN_PARAMS.account, account.name);
  }
  return { status: 303, headers: { location: back.toString() }, body: '' };
}

function liveTicket(world: World, ticketId: string | undefined): LoginTicket | undefined {
  const ticket = ticketId ? world.loginTickets.get(ticketId) : undefined;
  if (!ticket || ticket.expiresAt.getTime() <= world.clock.now().getTime()) return undefined;
  return ticket;
}

function expiredPage(): PageAnswer {
  return html(
    410,
    'Link expired',
    '<p>This log-in link has expired or was already used. Ask the bot for a new one.</p>',
  );
}

function radio(name: string, value: string, label: string, checked: boolean): string {
  const on = checked ? ' checked' : '';
  return `<label><input type="radio" name="${name}" value="${escapeXml(value)}"${on}> ${escapeXml(label)}</label>`;
}

function html(status: number, title: string, content: string): PageAnswer {
  const body = `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>${escapeXml(title)}</title></head>
<body><h1>${escapeXml(title)}</h1>${content}</body></html>`;
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body };
}
