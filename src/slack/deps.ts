import type { Config } from '../config';
import type { Logger } from '../logger';
import type { OtClient } from '../ot/client';
import type { Store } from '../store';
import type { OperatorCheck } from './operators';

/** What every listener works with; built once in app.ts and passed in, never imported as a global. */
export interface BotDeps {
  config: Config;
  ot: OtClient;
  store: Store;
  logger: Logger;
  isOperator: OperatorCheck;
  /** Our provider return URL, with a signed state naming the account and the person who asked. */
  returnUrlFor: (accountName: string, userId: string) => string;
}
