import {
  canonicalTimezone,
  deepFreeze,
  hideUrlCredentials,
  isBareUrl,
  isCronExpression,
  isHttpUrl,
  parseStoreUrl,
  redisPasswordOf,
  splitList,
  withTrailingSlash,
} from './config-values';
import { LOG_LEVELS, type LogLevel } from './logger';

// The only module that reads environment values. Everything else receives the frozen Config it returns, so a
// bad setting fails at startup with every problem and its fix, never halfway through an operator's request.

export const SECRET_SETTINGS = [
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'STATE_SECRET',
  'OT_INSTANCE_KEY',
  'OT_API_SECRET',
  'OT_OPERATOR_PASSWORD',
  'OT_CUSTOMER_PASSWORD',
] as const;

const DEFAULTS = {
  SLACK_COMMAND: '/ot',
  PORT: '3000',
  OT_API_URL: 'https://otapi.net/service/',
  OT_LANGUAGE: 'en',
  OT_PROVIDER_TYPE: 'Taobao',
  REMINDER_TIME: '09:00',
  REMINDER_TIMEZONE: 'UTC',
  ACTIVITY_POLL_SECONDS: '5',
  STORE_URL: 'sqlite://data/bot.sqlite',
  LOG_LEVEL: 'info',
} as const;

const SLACK_COMMAND_PATTERN = /^\/[a-z0-9_-]{1,31}$/;
const CHANNEL_ID_PATTERN = /^[CG][A-Z0-9]{6,}$/;
const USER_ID_PATTERN = /^[UW][A-Z0-9]{6,}$/;
const USER_GROUP_ID_PATTERN = /^S[A-Z0-9]{6,}$/;
const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[a-z]{2,4})?$/i;
const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

// How to fix each required setting when it is missing.
const MISSING_FIXES = {
  SLACK_BOT_TOKEN: 'copy the Bot User OAuth Token (xoxb-...) from the OAuth & Permissions page of your Slack app',
  SLACK_SIGNING_SECRET:
    'HTTP mode needs it; copy the Signing Secret from the Basic Information page of your Slack app, ' +
    'or set SLACK_APP_TOKEN to use Socket Mode instead',
  OPS_CHANNEL_ID: "set it to the id of the operators' channel, such as C0123ABCD (shown in the channel's details)",
  OPERATORS:
    'list the Slack user ids (U...) and user-group ids (S...) allowed to use the bot, comma-separated, ' +
    'or * to allow every member',
  PUBLIC_URL: 'set it to the public https address of this bot, such as https://bot.example.com',
  STATE_SECRET: 'set it to at least 32 random characters, for example the output of: openssl rand -hex 32',
  OT_INSTANCE_KEY: 'set it to the instance key of your OT Commerce installation',
  OT_OPERATOR_LOGIN: 'set it to the login of an OT operator (admin) account',
  OT_OPERATOR_PASSWORD: 'set it to the password of the OT_OPERATOR_LOGIN account',
  OT_CUSTOMER_LOGIN: 'set it to the login of the OT customer whose orders the bot adds',
  OT_DELIVERY_MODE_ID: 'set it to the id of the zero-cost external delivery mode in the OT admin panel',
} as const;

const ALLOW_ALL_WARNING = 'OPERATORS is *: every member of the workspace can use the bot';

// Typed so that a new secret setting cannot be added without saying where its value lives.
const SECRET_VALUES: Record<SecretSetting, (config: Config) => string | undefined> = {
  SLACK_BOT_TOKEN: (config) => config.slack.botToken,
  SLACK_SIGNING_SECRET: (config) => config.slack.signingSecret,
  SLACK_APP_TOKEN: (config) => config.slack.appToken,
  STATE_SECRET: (config) => config.http.stateSecret,
  OT_INSTANCE_KEY: (config) => config.ot.instanceKey,
  OT_API_SECRET: (config) => config.ot.apiSecret,
  OT_OPERATOR_PASSWORD: (config) => config.ot.operator.password,
  OT_CUSTOMER_PASSWORD: (config) => config.ot.customer.password,
};

export type Environment = Readonly<Record<string, string | undefined>>;
export type SecretSetting = (typeof SECRET_SETTINGS)[number];

export interface SlackConfig {
  readonly botToken: string;
  /** Required in HTTP mode; optional in Socket Mode. */
  readonly signingSecret?: string;
  readonly appToken?: string;
  /** True when an app token is set: Slack connects over a socket and needs no public URL. */
  readonly socketMode: boolean;
  /** Web API base URL ending in `/`; unset means Slack's own. */
  readonly apiUrl?: string;
  readonly command: string;
  readonly opsChannelId: string;
}

export interface OperatorsConfig {
  /** True when OPERATORS is `*`: every workspace member may use the bot. */
  readonly allowAll: boolean;
  readonly userIds: readonly string[];
  readonly userGroupIds: readonly string[];
}

export interface HttpConfig {
  readonly port: number;
  /** Public base URL without a trailing slash, ready for `${publicUrl}/provider/return`. */
  readonly publicUrl: string;
  readonly stateSecret: string;
}

export interface OtConfig {
  /** Service base URL ending in `/`, ready for `${apiUrl}${method}`. */
  readonly apiUrl: string;
  readonly instanceKey: string;
  readonly apiSecret?: string;
  readonly language: string;
  readonly operator: { readonly login: string; readonly password: string };
  /** Without a password the operator session impersonates the customer. */
  readonly customer: { readonly login: string; readonly password?: string };
  readonly deliveryModeId: string;
  readonly providerType: string;
  readonly providerAccounts: readonly string[];
}

export type ReminderConfig =
  | {
      readonly enabled: true;
      /** `HH:MM`, 24-hour clock. */
      readonly time: string;
      readonly hour: number;
      readonly minute: number;
      readonly timezone: string;
    }
  | { readonly enabled: false; readonly timezone: string };

export interface SyncConfig {
  /** Cron expression with single spaces, or null when scheduled sync is off. */
  readonly schedule: string | null;
}

export interface ActivitiesConfig {
  readonly pollSeconds: number;
}

export type StoreConfig =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'redis'; readonly url: string };

export interface Config {
  readonly slack: SlackConfig;
  readonly operators: OperatorsConfig;
  readonly http: HttpConfig;
  readonly ot: OtConfig;
  readonly reminder: ReminderConfig;
  readonly sync: SyncConfig;
  readonly activities: ActivitiesConfig;
  readonly store: StoreConfig;
  readonly logLevel: LogLevel;
  /** Accepted but risky settings; the entry point logs each one as a warning. */
  readonly warnings: readonly string[];
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(formatProblems(problems));
    this.name = 'ConfigError';
    this.problems = Object.freeze([...problems]);
  }
}

/** Reads every setting; throws one ConfigError listing every missing or bad one. */
export function readConfig(env: Environment): Config {
  const settings = new SettingsReader(env);
  const config: Config = {
    slack: readSlack(settings),
    operators: readOperators(settings),
    http: readHttp(settings),
    ot: readOt(settings),
    reminder: readReminder(settings),
    sync: { schedule: readSyncSchedule(settings) },
    activities: { pollSeconds: readInteger(settings, 'ACTIVITY_POLL_SECONDS', 1, 3600) },
    store: readStore(settings),
    logLevel: readLogLevel(settings),
    warnings: settings.warnings,
  };

  if (settings.hasProblems()) throw new ConfigError(settings.describeProblems());
  return deepFreeze(config);
}

/** The secret values of a config, for the logger to redact. */
export function secretsOf(config: Config): string[] {
  const values = [...SECRET_SETTINGS.map((name) => SECRET_VALUES[name](config)), redisPasswordOf(config.store)];
  const present = values.filter((value): value is string => value !== undefined && value !== '');
  return [...new Set(present)];
}

interface Check {
  readonly test: (value: string) => boolean;
  /** What is wrong and how to fix it, read after the setting's name. */
  readonly problem: string;
}

interface Problem {
  readonly setting: string;
  /** The offending value, echoed unless it is or contains a secret. */
  readonly value?: string;
  readonly text: string;
}

type RequiredSetting = keyof typeof MISSING_FIXES;

/** Trims values, treats blank as unset, and collects problems instead of stopping at the first. */
class SettingsReader {
  readonly warnings: string[] = [];
  private readonly problems: Problem[] = [];

  constructor(private readonly env: Environment) {}

  optional(name: string, check?: Check): string | undefined {
    const value = this.env[name]?.trim() || undefined;
    return value !== undefined && this.passes(name, value, check) ? value : undefined;
  }

  /** Returns '' when missing or bad: the caller's result is discarded because readConfig throws. */
  required(name: RequiredSetting, check?: Check): string {
    if (this.env[name]?.trim()) return this.optional(name, check) ?? '';

    this.problems.push({ setting: name, text: `is not set: ${MISSING_FIXES[name]}` });
    return '';
  }

  /** Falls back to the default when bad too, so callers can convert the result without checking again. */
  withDefault(name: keyof typeof DEFAULTS, check?: Check): string {
    return this.optional(name, check) ?? DEFAULTS[name];
  }

  reject(setting: string, value: string | undefined, text: string): void {
    this.problems.push({ setting, value, text });
  }

  warn(text: string): void {
    this.warnings.push(text);
  }

  hasProblems(): boolean {
    return this.problems.length > 0;
  }

  describeProblems(): string[] {
    const secrets = SECRET_SETTINGS.map((name) => this.optional(name)).filter((value) => value !== undefined);
    return this.problems.map((problem) => describeProblem(problem, secrets));
  }

  private passes(name: string, value: string, check: Check | undefined): boolean {
    if (!check || check.test(value)) return true;

    this.reject(name, value, check.problem);
    return false;
  }
}

function readSlack(settings: SettingsReader): SlackConfig {
  const appToken = settings.optional('SLACK_APP_TOKEN', {
    test: (value) => value.startsWith('xapp-'),
    problem:
      'is not an app-level token (it must start with xapp-): create one with the connections:write scope under ' +
      'Basic Information > App-Level Tokens, or unset it to use HTTP mode',
  });

  return {
    botToken: settings.required('SLACK_BOT_TOKEN', {
      test: (value) => value.startsWith('xoxb-'),
      problem: `is not a bot token (it must start with xoxb-): ${MISSING_FIXES.SLACK_BOT_TOKEN}`,
    }),
    signingSecret: appToken ? settings.optional('SLACK_SIGNING_SECRET') : settings.required('SLACK_SIGNING_SECRET'),
    appToken,
    socketMode: appToken !== undefined,
    apiUrl: readSlackApiUrl(settings),
    command: settings.withDefault('SLACK_COMMAND', {
      test: (value) => SLACK_COMMAND_PATTERN.test(value),
      problem: 'is not a slash command: use / and up to 31 lowercase letters, digits, - or _, such as /ot',
    }),
    opsChannelId: settings.required('OPS_CHANNEL_ID', {
      test: (value) => CHANNEL_ID_PATTERN.test(value),
      problem: "is not a channel id: use the channel's id (such as C0123ABCD) shown in its details, not its name",
    }),
  };
}

function readSlackApiUrl(settings: SettingsReader): string | undefined {
  const url = settings.optional('SLACK_API_URL', {
    test: isHttpUrl,
    problem: 'is not an http(s) URL: use the Web API base URL, such as https://slack.com/api/, or unset it',
  });
  return url === undefined ? undefined : withTrailingSlash(url);
}

function readOperators(settings: SettingsReader): OperatorsConfig {
  const value = settings.required('OPERATORS');
  const entries = splitList(value);
  if (entries.length === 1 && entries[0] === '*') {
    settings.warn(ALLOW_ALL_WARNING);
    return { allowAll: true, userIds: [], userGroupIds: [] };
  }

  if (value !== '' && entries.length === 0) {
    settings.reject('OPERATORS', value, `lists no ids: ${MISSING_FIXES.OPERATORS}`);
  }
  for (const entry of entries) checkOperatorEntry(settings, entry);
  return {
    allowAll: false,
    userIds: entries.filter((entry) => USER_ID_PATTERN.test(entry)),
    userGroupIds: entries.filter((entry) => USER_GROUP_ID_PATTERN.test(entry)),
  };
}

function checkOperatorEntry(settings: SettingsReader, entry: string): void {
  if (USER_ID_PATTERN.test(entry) || USER_GROUP_ID_PATTERN.test(entry)) return;

  const text =
    entry === '*'
      ? 'must stand alone: use * by itself to allow every member, or list ids only'
      : 'is not a Slack user id (U... or W...) or user-group id (S...): use ids, not names; ' +
        "a member's id is under Copy member ID in their profile";
  settings.reject('OPERATORS entry', entry, text);
}

function readHttp(settings: SettingsReader): HttpConfig {
  const publicUrl = settings.required('PUBLIC_URL', {
    test: (value) => isHttpUrl(value) && isBareUrl(value),
    problem:
      'is not an absolute http(s) URL without query or fragment: use the public address of this bot, ' +
      'such as https://bot.example.com',
  });

  return {
    port: readInteger(settings, 'PORT', 1, 65535),
    publicUrl: publicUrl.replace(/\/+$/, ''),
    stateSecret: settings.required('STATE_SECRET', {
      test: (value) => value.length >= 32,
      problem: `is shorter than 32 characters: ${MISSING_FIXES.STATE_SECRET}`,
    }),
  };
}

function readOt(settings: SettingsReader): OtConfig {
  return {
    apiUrl: readOtApiUrl(settings),
    instanceKey: settings.required('OT_INSTANCE_KEY'),
    apiSecret: settings.optional('OT_API_SECRET'),
    language: settings.withDefault('OT_LANGUAGE', {
      test: (value) => LANGUAGE_PATTERN.test(value),
      problem: 'is not a language code: use a code such as en, ru or zh-CN',
    }),
    operator: { login: settings.required('OT_OPERATOR_LOGIN'), password: settings.required('OT_OPERATOR_PASSWORD') },
    customer: { login: settings.required('OT_CUSTOMER_LOGIN'), password: settings.optional('OT_CUSTOMER_PASSWORD') },
    deliveryModeId: settings.required('OT_DELIVERY_MODE_ID'),
    providerType: settings.withDefault('OT_PROVIDER_TYPE'),
    providerAccounts: splitList(settings.optional('PROVIDER_ACCOUNTS') ?? ''),
  };
}

function readOtApiUrl(settings: SettingsReader): string {
  const url = settings.withDefault('OT_API_URL', {
    test: (value) => isHttpUrl(value) && isBareUrl(value),
    problem: `is not an http(s) URL: use the OT API service address, such as ${DEFAULTS.OT_API_URL}, or unset it`,
  });
  return withTrailingSlash(url);
}

function readReminder(settings: SettingsReader): ReminderConfig {
  const timezone = readTimezone(settings);
  const time = settings.withDefault('REMINDER_TIME', {
    test: (value) => value.toLowerCase() === 'off' || TIME_OF_DAY_PATTERN.test(value),
    problem: 'is not a time of day: use HH:MM on a 24-hour clock, such as 09:00, or off',
  });
  if (time.toLowerCase() === 'off') return { enabled: false, timezone };

  const [hour, minute] = time.split(':').map(Number);
  return { enabled: true, time, hour, minute, timezone };
}

function readTimezone(settings: SettingsReader): string {
  const timezone = settings.withDefault('REMINDER_TIMEZONE', {
    test: (value) => canonicalTimezone(value) !== undefined,
    problem: 'is not a time zone: use an IANA zone name, such as UTC or Europe/Berlin',
  });
  return canonicalTimezone(timezone) ?? DEFAULTS.REMINDER_TIMEZONE;
}

function readSyncSchedule(settings: SettingsReader): string | null {
  const schedule = settings.optional('SYNC_SCHEDULE', {
    test: isCronExpression,
    problem:
      'is not a cron expression: use 5 fields (minute hour day month weekday) or 6 with seconds first, ' +
      'such as 0 */2 * * *, or unset it to turn scheduled sync off',
  });
  return schedule === undefined ? null : schedule.split(/\s+/).join(' ');
}

function readStore(settings: SettingsReader): StoreConfig {
  const url = settings.withDefault('STORE_URL', {
    test: (value) => parseStoreUrl(value) !== undefined,
    problem:
      'is not a supported store URL: use sqlite://<file path>, such as sqlite://data/bot.sqlite, ' +
      'or redis://host:port[/db] (rediss:// for TLS)',
  });
  return parseStoreUrl(url) ?? { kind: 'sqlite', path: 'data/bot.sqlite' };
}

function readLogLevel(settings: SettingsReader): LogLevel {
  const level = settings.withDefault('LOG_LEVEL', {
    test: (value) => LOG_LEVELS.some((known) => known === value.toLowerCase()),
    problem: `is not a log level: use one of ${LOG_LEVELS.join(', ')}`,
  });
  return LOG_LEVELS.find((known) => known === level.toLowerCase()) ?? DEFAULTS.LOG_LEVEL;
}

function readInteger(
  settings: SettingsReader,
  name: 'PORT' | 'ACTIVITY_POLL_SECONDS',
  min: number,
  max: number,
): number {
  const value = settings.withDefault(name, {
    test: (text) => /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max,
    problem: `is not a whole number from ${min} to ${max}: use, for example, ${DEFAULTS[name]}`,
  });
  return Number(value);
}

function describeProblem(problem: Problem, secrets: readonly string[]): string {
  const { setting, value, text } = problem;
  const echo = value !== undefined && !isSecretSetting(setting) && !secrets.some((secret) => value.includes(secret));
  return echo ? `${setting} ${JSON.stringify(hideUrlCredentials(value))} ${text}` : `${setting} ${text}`;
}

function isSecretSetting(name: string): boolean {
  return SECRET_SETTINGS.some((secret) => secret === name);
}

function formatProblems(problems: readonly string[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return [`Configuration has ${count}:`, ...problems.map((problem) => `  - ${problem}`)].join('\n');
}
