import { formatTime } from '../text';
import type { OrderLine, ProviderAccount, ProviderSessionRecord, World } from '../world';
import { type ActivityLog, type ActivityScript, wait, type Yielded } from './engine';

/** What every provider activity script works on. */
export interface ScriptContext {
  world: World;
  account: ProviderAccount;
  /** The session the Run* call named; the account may have a newer one by now. */
  session: ProviderSessionRecord;
  log: ActivityLog;
}

/** Checks the account's Taobao session as the activity's first step; false when it has expired. */
export function* checkProviderSession(context: ScriptContext, action: string): SubScript<boolean> {
  const { world, account, log } = context;
  yield wait(world.timings.activityStepMs);
  const expiresAt = context.session.expiresAt;
  if (expiresAt.getTime() <= world.clock.now().getTime()) {
    log.error(
      `The Taobao session of account ${account.name} expired at ${formatTime(expiresAt)}: ` +
        `log in to the account again, then ${action} again`,
    );
    return false;
  }
  log.info(`Taobao session of account ${account.name} is valid until ${formatTime(expiresAt)}`);
  return true;
}

/** `Line 48214 (2026新款女士羊毛大衣 中长款, 颜色:黑色;尺码:M)`: how steps name a line. */
export function describeLine(world: World, line: OrderLine): string {
  const offer = world.catalogue.offer(line.itemId, line.configurationId);
  const title = offer ? [offer.item.title, offer.text].filter(Boolean).join(', ') : line.itemId;
  return `line ${line.id} (${title})`;
}

/** A part of a script that returns a value to it. */
export type SubScript<T> = Generator<Yielded, T, string | undefined>;

export type { ActivityScript };
