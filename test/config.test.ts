import { ConfigError, type Environment, readConfig, SECRET_SETTINGS, secretsOf } from '../src/config';

const BOT_TOKEN = 'xoxb-1111-2222-bottokenvalue';
const SIGNING_SECRET = 'signing-secret-0123456789abcdef';
const STATE_SECRET = 'state-secret-0123456789abcdef-0123456789';
const INSTANCE_KEY = 'instance-key-4f1c9a';
const OPERATOR_PASSWORD = 'operator-password-9z8y';

function validEnv(overrides: Environment = {}): Environment {
  return {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    OPS_CHANNEL_ID: 'C0123ABCD',
    OPERATORS: 'U0123ABCD',
    PUBLIC_URL: 'https://bot.example.com',
    STATE_SECRET,
    OT_INSTANCE_KEY: INSTANCE_KEY,
    OT_OPERATOR_LOGIN: 'operator',
    OT_OPERATOR_PASSWORD: OPERATOR_PASSWORD,
    OT_CUSTOMER_LOGIN: 'customer',
    OT_DELIVERY_MODE_ID: '42',
    ...overrides,
  };
}

function configErrorOf(env: Environment): ConfigError {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('readConfig accepted the environment');
}

describe('readConfig', () => {
  it('reads a complete environment into a typed config with every default', () => {
    const config = readConfig(validEnv());

    expect(config).toEqual({
      slack: {
        botToken: BOT_TOKEN,
        signingSecret: SIGNING_SECRET,
        appToken: undefined,
        socketMode: false,
        apiUrl: undefined,
        command: '/ot',
        opsChannelId: 'C0123ABCD',
      },
      operators: { allowAll: false, userIds: ['U0123ABCD'], userGroupIds: [] },
      http: { port: 3000, publicUrl: 'https://bot.example.com', stateSecret: STATE_SECRET },
      ot: {
        apiUrl: 'https://otapi.net/service/',
        instanceKey: INSTANCE_KEY,
        apiSecret: undefined,
        language: 'en',
        operator: { login: 'operator', password: OPERATOR_PASSWORD },
        customer: { login: 'customer', password: undefined },
        deliveryModeId: '42',
        providerType: 'Taobao',
        providerAccounts: [],
      },
      reminder: { enabled: true, time: '09:00', hour: 9, minute: 0, timezone: 'UTC' },
      sync: { schedule: null },
      activities: { pollSeconds: 5 },
      store: { kind: 'sqlite', path: 'data/bot.sqlite' },
      logLevel: 'info',
      warnings: [],
    });
  });

  it('reads every optional setting when given', () => {
    const config = readConfig(
      validEnv({
        SLACK_API_URL: 'http://127.0.0.1:4010/api',
        SLACK_COMMAND: '/autopurchase',
        PORT: '8080',
        PUBLIC_URL: 'https://bot.example.com/',
        OT_API_URL: 'http://127.0.0.1:4010/service',
        OT_API_SECRET: 'api-secret',
        OT_LANGUAGE: 'zh-CN',
        OT_CUSTOMER_PASSWORD: 'customer-password',
        OT_PROVIDER_TYPE: 'Alibaba',
        PROVIDER_ACCOUNTS: ' shop-a, ,shop-b ,',
        REMINDER_TIME: '17:45',
        REMINDER_TIMEZONE: 'Europe/Berlin',
        SYNC_SCHEDULE: '0  */2 * * MON-FRI',
        ACTIVITY_POLL_SECONDS: '30',
        LOG_LEVEL: 'DEBUG',
      }),
    );

    expect(config.slack).toMatchObject({ apiUrl: 'http://127.0.0.1:4010/api/', command: '/autopurchase' });
    expect(config.http).toMatchObject({ port: 8080, publicUrl: 'https://bot.example.com' });
    expect(config.ot).toMatchObject({
      apiUrl: 'http://127.0.0.1:4010/service/',
      apiSecret: 'api-secret',
      language: 'zh-CN',
      customer: { login: 'customer', password: 'customer-password' },
      providerType: 'Alibaba',
      providerAccounts: ['shop-a', 'shop-b'],
    });
    expect(config.reminder).toEqual({ enabled: true, time: '17:45', hour: 17, minute: 45, timezone: 'Europe/Berlin' });
    expect(config.sync.schedule).toBe('0 */2 * * MON-FRI');
    expect(config.activities.pollSeconds).toBe(30);
    expect(config.logLevel).toBe('debug');
  });

  it('trims values and treats blank ones as unset', () => {
    const config = readConfig(validEnv({ OPS_CHANNEL_ID: '  C0123ABCD \n', PORT: '   ', SLACK_APP_TOKEN: '' }));

    expect(config.slack.opsChannelId).toBe('C0123ABCD');
    expect(config.http.port).toBe(3000);
    expect(config.slack.socketMode).toBe(false);
  });

  it.each([
    'SLACK_BOT_TOKEN',
    'SLACK_SIGNING_SECRET',
    'OPS_CHANNEL_ID',
    'OPERATORS',
    'PUBLIC_URL',
    'STATE_SECRET',
    'OT_INSTANCE_KEY',
    'OT_OPERATOR_LOGIN',
    'OT_OPERATOR_PASSWORD',
    'OT_CUSTOMER_LOGIN',
    'OT_DELIVERY_MODE_ID',
  ])('lists %s as not set when it is missing', (name) => {
    const error = configErrorOf(validEnv({ [name]: undefined }));

    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(new RegExp(`^${name} is not set: \\w`));
  });

  it('lists every problem in one error, with a count and one line each', () => {
    const error = configErrorOf(
      validEnv({ SLACK_BOT_TOKEN: undefined, PORT: '0', REMINDER_TIME: '25:00', LOG_LEVEL: 'verbose' }),
    );

    expect(error).toBeInstanceOf(ConfigError);
    expect(error.name).toBe('ConfigError');
    expect(error.problems).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN is not set: /),
      expect.stringMatching(/^PORT "0" is not a whole number from 1 to 65535: /),
      'REMINDER_TIME "25:00" is not a time of day: use HH:MM on a 24-hour clock, such as 09:00, or off',
      expect.stringMatching(/^LOG_LEVEL "verbose" is not a log level: /),
    ]);
    expect(error.message.split('\n')).toEqual([
      'Configuration has 4 problems:',
      ...error.problems.map((problem) => `  - ${problem}`),
    ]);
  });

  it('says "1 problem" when there is one', () => {
    expect(configErrorOf(validEnv({ PORT: 'http' })).message).toMatch(/^Configuration has 1 problem:\n/);
  });

  describe('Slack settings', () => {
    it('rejects a bot token that is not an xoxb- token', () => {
      const error = configErrorOf(validEnv({ SLACK_BOT_TOKEN: 'xoxp-user-token' }));

      expect(error.problems).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN is not a bot token \(it must start/)]);
    });

    it('runs in Socket Mode without a signing secret when an app token is set', () => {
      const config = readConfig(validEnv({ SLACK_SIGNING_SECRET: undefined, SLACK_APP_TOKEN: 'xapp-1-app-token' }));

      expect(config.slack).toMatchObject({ socketMode: true, appToken: 'xapp-1-app-token', signingSecret: undefined });
    });

    it('rejects an app token that is not an xapp- token', () => {
      const error = configErrorOf(validEnv({ SLACK_APP_TOKEN: 'xoxb-wrong-kind' }));

      expect(error.problems).toEqual([expect.stringMatching(/^SLACK_APP_TOKEN is not an app-level token/)]);
    });

    it.each(['ot', '/OT', '/with space', `/${'a'.repeat(32)}`])('rejects the slash command %j', (command) => {
      const error = configErrorOf(validEnv({ SLACK_COMMAND: command }));

      expect(error.problems).toEqual([expect.stringContaining(`SLACK_COMMAND "${command}" is not a slash command`)]);
    });

    it('rejects a channel name in place of a channel id', () => {
      const error = configErrorOf(validEnv({ OPS_CHANNEL_ID: '#operators' }));

      expect(error.problems).toEqual([expect.stringMatching(/^OPS_CHANNEL_ID "#operators" is not a channel id/)]);
    });

    it('rejects a Slack API URL that is not http(s)', () => {
      const error = configErrorOf(validEnv({ SLACK_API_URL: 'ftp://slack.example.com/api/' }));

      expect(error.problems).toEqual([expect.stringMatching(/^SLACK_API_URL ".*" is not an http\(s\) URL/)]);
    });
  });

  describe('OPERATORS', () => {
    it('splits user ids from user-group ids', () => {
      const config = readConfig(validEnv({ OPERATORS: ' U0123ABCD, S0456EFGH ,W0789IJKL,,' }));

      expect(config.operators).toEqual({
        allowAll: false,
        userIds: ['U0123ABCD', 'W0789IJKL'],
        userGroupIds: ['S0456EFGH'],
      });
      expect(config.warnings).toEqual([]);
    });

    it('rejects an entry that is no Slack id and names it', () => {
      const error = configErrorOf(validEnv({ OPERATORS: 'U0123ABCD,bob' }));

      expect(error.problems).toEqual([expect.stringMatching(/^OPERATORS entry "bob" is not a Slack user id/)]);
    });

    it('allows every member with * and reports it as a warning', () => {
      const config = readConfig(validEnv({ OPERATORS: '*' }));

      expect(config.operators).toEqual({ allowAll: true, userIds: [], userGroupIds: [] });
      expect(config.warnings).toEqual([expect.stringContaining('every member of the workspace can use the bot')]);
    });

    it('rejects * mixed with ids', () => {
      const error = configErrorOf(validEnv({ OPERATORS: '*,U0123ABCD' }));

      expect(error.problems).toEqual([expect.stringMatching(/^OPERATORS entry "\*" must stand alone/)]);
    });

    it('rejects a list without any id', () => {
      const error = configErrorOf(validEnv({ OPERATORS: ' , ,' }));

      expect(error.problems).toEqual([expect.stringMatching(/^OPERATORS ", ," lists no ids/)]);
    });
  });

  describe('HTTP settings', () => {
    it.each(['not a url', 'bot.example.com', 'ftp://bot.example.com', 'https://bot.example.com/?a=1'])(
      'rejects the public URL %j',
      (url) => {
        const error = configErrorOf(validEnv({ PUBLIC_URL: url }));

        expect(error.problems).toEqual([expect.stringContaining(`PUBLIC_URL "${url}" is not an absolute http(s) URL`)]);
      },
    );

    it.each(['0', '65536', '80.5', 'abc', '-1'])('rejects the port %j', (port) => {
      const error = configErrorOf(validEnv({ PORT: port }));

      expect(error.problems).toEqual([`PORT "${port}" is not a whole number from 1 to 65535: use, for example, 3000`]);
    });

    it('rejects a state secret shorter than 32 characters', () => {
      const error = configErrorOf(validEnv({ STATE_SECRET: 'too-short' }));

      expect(error.problems).toEqual([expect.stringMatching(/^STATE_SECRET is shorter than 32 characters: /)]);
    });
  });

  describe('OT settings', () => {
    it('impersonates the customer when no customer password is set', () => {
      expect(readConfig(validEnv()).ot.customer).toEqual({ login: 'customer', password: undefined });
    });

    it('rejects an OT API URL that is not http(s)', () => {
      const error = configErrorOf(validEnv({ OT_API_URL: 'otapi.net/service' }));

      expect(error.problems).toEqual([expect.stringMatching(/^OT_API_URL "otapi.net\/service" is not an http/)]);
    });

    it('rejects a language that is not a language code', () => {
      const error = configErrorOf(validEnv({ OT_LANGUAGE: 'english' }));

      expect(error.problems).toEqual([expect.stringMatching(/^OT_LANGUAGE "english" is not a language code/)]);
    });
  });

  describe('reminder', () => {
    it.each(['25:00', '9:7', '09:60', 'nine'])('rejects REMINDER_TIME %j', (time) => {
      const error = configErrorOf(validEnv({ REMINDER_TIME: time }));

      expect(error.problems).toEqual([
        `REMINDER_TIME "${time}" is not a time of day: use HH:MM on a 24-hour clock, such as 09:00, or off`,
      ]);
    });

    it('is disabled by off', () => {
      expect(readConfig(validEnv({ REMINDER_TIME: 'off' })).reminder).toEqual({ enabled: false, timezone: 'UTC' });
    });

    it('rejects a time zone that is not an IANA zone', () => {
      const error = configErrorOf(validEnv({ REMINDER_TIMEZONE: 'Mars/Olympus_Mons' }));

      expect(error.problems).toEqual([
        expect.stringMatching(/^REMINDER_TIMEZONE "Mars\/Olympus_Mons" is not a time zone/),
      ]);
    });
  });

  describe('SYNC_SCHEDULE', () => {
    it.each(['*/15 * * * *', '0 30 6 * * *', '0 8,20 1-15 JAN-MAR sun'])('accepts %j', (schedule) => {
      expect(readConfig(validEnv({ SYNC_SCHEDULE: schedule })).sync.schedule).toBe(schedule);
    });

    it.each(['every hour', '* * * *', '* * * * * * *', '0 8 * * FUNDAY', '0 8 * * 1;rm'])('rejects %j', (schedule) => {
      const error = configErrorOf(validEnv({ SYNC_SCHEDULE: schedule }));

      expect(error.problems).toEqual([expect.stringContaining('is not a cron expression')]);
    });
  });

  it.each(['0', '3601', 'fast'])('rejects ACTIVITY_POLL_SECONDS %j', (seconds) => {
    const error = configErrorOf(validEnv({ ACTIVITY_POLL_SECONDS: seconds }));

    expect(error.problems).toEqual([
      expect.stringMatching(/^ACTIVITY_POLL_SECONDS ".*" is not a whole number from 1 to 3600/),
    ]);
  });

  describe('STORE_URL', () => {
    it('reads a SQLite file path', () => {
      expect(readConfig(validEnv({ STORE_URL: 'sqlite:///var/lib/bot.sqlite' })).store).toEqual({
        kind: 'sqlite',
        path: '/var/lib/bot.sqlite',
      });
    });

    it.each(['redis://cache:6379', 'redis://cache:6379/2', 'rediss://cache.example.com:6380/0'])(
      'reads the Redis URL %j',
      (url) => {
        expect(readConfig(validEnv({ STORE_URL: url })).store).toEqual({ kind: 'redis', url });
      },
    );

    it.each(['postgres://db/bot', 'sqlite://', 'redis://cache:6379/db', 'data/bot.sqlite'])('rejects %j', (url) => {
      const error = configErrorOf(validEnv({ STORE_URL: url }));

      expect(error.problems).toEqual([expect.stringContaining(`STORE_URL "${url}" is not a supported store URL`)]);
    });

    it('hides the Redis password when it echoes a bad store URL', () => {
      const error = configErrorOf(validEnv({ STORE_URL: 'redis://:hunter2hunter2@cache:port' }));

      expect(error.message).not.toContain('hunter2hunter2');
      expect(error.problems).toEqual([expect.stringContaining('STORE_URL "redis://***@cache:port"')]);
    });
  });

  it('never shows a secret value in the error', () => {
    const env = validEnv({
      SLACK_BOT_TOKEN: 'xoxp-not-a-bot-token-secret',
      SLACK_APP_TOKEN: 'wrong-app-token-secret',
      STATE_SECRET: 'short-state-secret',
      OPS_CHANNEL_ID: `C-${INSTANCE_KEY}`,
    });

    const error = configErrorOf(env);

    expect(error.problems).toHaveLength(4);
    for (const secret of [
      'xoxp-not-a-bot-token-secret',
      'wrong-app-token-secret',
      'short-state-secret',
      INSTANCE_KEY,
    ]) {
      expect(error.message).not.toContain(secret);
      expect(error.problems.join('\n')).not.toContain(secret);
    }
  });

  it('returns a deeply frozen config', () => {
    const config = readConfig(validEnv({ OPERATORS: 'U0123ABCD,S0456EFGH' }));

    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.slack)).toBe(true);
    expect(Object.isFrozen(config.ot.operator)).toBe(true);
    expect(Object.isFrozen(config.operators.userIds)).toBe(true);
    expect(Object.isFrozen(config.warnings)).toBe(true);
    expect(() => {
      (config.operators.userIds as string[]).push('U9999ZZZZ');
    }).toThrow(TypeError);
  });
});

describe('secretsOf', () => {
  it('returns every secret value that is set, including a Redis password', () => {
    const env = validEnv({
      OT_API_SECRET: 'api-secret',
      OT_CUSTOMER_PASSWORD: 'customer-password',
      STORE_URL: 'redis://:p%40ss-word@cache:6379',
    });

    expect(secretsOf(readConfig(env)).sort()).toEqual(
      [
        BOT_TOKEN,
        SIGNING_SECRET,
        STATE_SECRET,
        INSTANCE_KEY,
        'api-secret',
        OPERATOR_PASSWORD,
        'customer-password',
        'p@ss-word',
      ].sort(),
    );
  });

  it('skips secrets that are not set', () => {
    expect(secretsOf(readConfig(validEnv()))).toHaveLength(5);
  });

  it('names every secret setting', () => {
    expect([...SECRET_SETTINGS].sort()).toEqual(
      [
        'SLACK_BOT_TOKEN',
        'SLACK_SIGNING_SECRET',
        'SLACK_APP_TOKEN',
        'STATE_SECRET',
        'OT_INSTANCE_KEY',
        'OT_API_SECRET',
        'OT_OPERATOR_PASSWORD',
        'OT_CUSTOMER_PASSWORD',
      ].sort(),
    );
  });
});
