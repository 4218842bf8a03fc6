// loadConfig (src/config.ts) as tables: the defaults of an empty environment, values it
// accepts, each invalid value with the one line it is reported by, several invalid values
// reported together, and the rules that join settings (production needs PUBLIC_URL,
// DATABASE_URL needs ENCRYPTION_KEY for the server).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Config, ConfigError, type LoadConfigOptions, loadConfig } from '../../src/config.ts';
import { LOG_LEVELS } from '../../src/logger.ts';
import { DEFAULT_SETTINGS } from '../../src/oauth/settings.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const KEY_HEX = '6a1f3c0e9b8d7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a29';
const DAY_MS = 24 * 3600 * 1000;

/** The problems loadConfig reports for `env`: [] when it accepts it. */
function problemsOf(env: NodeJS.ProcessEnv, options?: LoadConfigOptions): readonly string[] {
  try {
    loadConfig(env, options);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('defaults', () => {
  it('an empty environment gives the documented defaults', () => {
    const expected: Config = {
      port: 4000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      dataDir: path.resolve('./data'),
      encryptionKey: undefined,
      newEncryptionKey: undefined,
      publicUrl: undefined,
      redisUrl: undefined,
      logLevel: 'info',
      production: false,
      corsOrigins: [],
      trustProxyHops: 0,
      metricsToken: undefined,
      exposeSqlCount: false,
      authCacheTtlMs: 4000,
      sync: { leaseMs: 30_000, pollMs: 1000, concurrency: 4, concurrencyPerOrg: 1 },
      outbound: { allowPrivateNetworkTargets: false, maxResponseBytes: 10 * 1024 * 1024, timeoutMs: 30_000 },
      directory: { maxUsers: 1_000_000, minSyncIntervalSeconds: 300, fullSyncIntervalHours: 24 },
      rateLimits: { perMinute: 1200, authFailuresPerMinute: 60 },
      database: { statementTimeoutMs: 10_000, poolSize: 10, connectionsPerRequest: 2 },
      limits: { maxDepth: 12, maxAliases: 30, maxTokens: 2000, maxBodyBytes: 1024 * 1024 },
      oauth: { tokenLifetimeSeconds: 3600, keyRotationMs: 30 * DAY_MS },
      webhooks: { retryScheduleSeconds: [5, 30, 120, 600, 3600, 10_800, 21_600], timeoutMs: 10_000, pollMs: 1000, concurrency: 8, leaseMs: 60_000 },
      retention: { eventDays: 30, auditLogDays: 365 },
      onboardingSandbox: false,
    };
    expect(loadConfig({})).toEqual(expected);
  });

  it('empty values are unset values', () => {
    const empty = Object.fromEntries(
      ['PORT', 'HOST', 'DATA_DIR', 'LOG_LEVEL', 'TRUST_PROXY', 'CORS_ORIGINS', 'OAUTH_KEY_ROTATION_DAYS', 'EXPOSE_SQL_COUNT'].map((name) => [
        name,
        '',
      ]),
    );
    expect(loadConfig(empty)).toEqual(loadConfig({}));
  });

  it('the admin command logs at warn unless LOG_LEVEL says otherwise', () => {
    expect(loadConfig({}, { program: 'admin' }).logLevel).toBe('warn');
    expect(loadConfig({ LOG_LEVEL: 'debug' }, { program: 'admin' }).logLevel).toBe('debug');
  });

  it("the OAuth defaults are the configuration's", () => {
    expect(DEFAULT_SETTINGS).toEqual({ tokenLifetimeSeconds: 3600, keyRotationMs: 30 * DAY_MS, trustProxyHops: 0 });
  });
});

describe('accepted values', () => {
  const cases: [name: string, env: NodeJS.ProcessEnv, pick: (config: Config) => unknown, expected: unknown][] = [
    ['PORT 0 (any free port)', { PORT: '0' }, (c) => c.port, 0],
    [
      'WEBHOOK_RETRY_SCHEDULE_SECONDS with blanks and fractions',
      { WEBHOOK_RETRY_SCHEDULE_SECONDS: '0.5, 1,2' },
      (c) => c.webhooks.retryScheduleSeconds,
      [0.5, 1, 2],
    ],
    ['EVENT_RETENTION_DAYS above its minimum', { EVENT_RETENTION_DAYS: '90' }, (c) => c.retention.eventDays, 90],
    ['PORT at its maximum', { PORT: '65535' }, (c) => c.port, 65_535],
    ['PORT with surrounding blanks', { PORT: ' 8080 ' }, (c) => c.port, 8080],
    ['HOST', { HOST: '127.0.0.1' }, (c) => c.host, '127.0.0.1'],
    ['DATABASE_URL postgres://', { DATABASE_URL: 'postgres://u@h/db', ENCRYPTION_KEY: KEY_HEX }, (c) => c.databaseUrl, 'postgres://u@h/db'],
    ['DATABASE_URL postgresql://', { DATABASE_URL: 'postgresql://u@h/db', ENCRYPTION_KEY: KEY_HEX }, (c) => c.databaseUrl, 'postgresql://u@h/db'],
    ['DATA_DIR, resolved', { DATA_DIR: 'some/dir' }, (c) => c.dataDir, path.resolve('some/dir')],
    ['ENCRYPTION_KEY in hex', { ENCRYPTION_KEY: KEY_HEX }, (c) => c.encryptionKey, KEY_HEX],
    [
      'ENCRYPTION_KEY in base64',
      { ENCRYPTION_KEY: Buffer.from(KEY_HEX, 'hex').toString('base64') },
      (c) => c.encryptionKey,
      Buffer.from(KEY_HEX, 'hex').toString('base64'),
    ],
    ['PUBLIC_URL without its trailing slashes', { PUBLIC_URL: 'https://api.example.com//' }, (c) => c.publicUrl, 'https://api.example.com'],
    ['PUBLIC_URL with a path', { PUBLIC_URL: 'http://localhost:4000/api/' }, (c) => c.publicUrl, 'http://localhost:4000/api'],
    ['REDIS_URL redis://', { REDIS_URL: 'redis://localhost:6379' }, (c) => c.redisUrl, 'redis://localhost:6379'],
    ['REDIS_URL rediss://', { REDIS_URL: 'rediss://cache.example.com' }, (c) => c.redisUrl, 'rediss://cache.example.com'],
    ['NODE_ENV=production with PUBLIC_URL', { NODE_ENV: 'production', PUBLIC_URL: 'https://api.example.com' }, (c) => c.production, true],
    ['NODE_ENV other than production', { NODE_ENV: 'test' }, (c) => c.production, false],
    [
      'CORS_ORIGINS trimmed, slashes dropped, blanks skipped',
      { CORS_ORIGINS: ' https://a.example.com/ ,, http://b.example:8080 ' },
      (c) => c.corsOrigins,
      ['https://a.example.com', 'http://b.example:8080'],
    ],
    ['TRUST_PROXY at its maximum', { TRUST_PROXY: '10' }, (c) => c.trustProxyHops, 10],
    ['METRICS_TOKEN', { METRICS_TOKEN: 'scrape-me' }, (c) => c.metricsToken, 'scrape-me'],
    ['EXPOSE_SQL_COUNT=1', { EXPOSE_SQL_COUNT: '1' }, (c) => c.exposeSqlCount, true],
    ['EXPOSE_SQL_COUNT=0', { EXPOSE_SQL_COUNT: '0' }, (c) => c.exposeSqlCount, false],
    ['ALLOW_PRIVATE_NETWORK_TARGETS=true', { ALLOW_PRIVATE_NETWORK_TARGETS: 'true' }, (c) => c.outbound.allowPrivateNetworkTargets, true],
    ['ALLOW_PRIVATE_NETWORK_TARGETS=false', { ALLOW_PRIVATE_NETWORK_TARGETS: 'false' }, (c) => c.outbound.allowPrivateNetworkTargets, false],
    ['RATE_LIMIT_PER_MINUTE=0 (off)', { RATE_LIMIT_PER_MINUTE: '0' }, (c) => c.rateLimits.perMinute, 0],
    ['DB_STATEMENT_TIMEOUT_MS=0 (off)', { DB_STATEMENT_TIMEOUT_MS: '0' }, (c) => c.database.statementTimeoutMs, 0],
    ['DB_POOL_SIZE at its minimum', { DB_POOL_SIZE: '2' }, (c) => c.database.poolSize, 2],
    [
      'SYNC_* settings',
      { SYNC_LEASE_MS: '5', SYNC_POLL_MS: '6', SYNC_CONCURRENCY: '7', SYNC_CONCURRENCY_PER_ORG: '8' },
      (c) => c.sync,
      { leaseMs: 5, pollMs: 6, concurrency: 7, concurrencyPerOrg: 8 },
    ],
    [
      'MAX_QUERY_* and MAX_BODY_BYTES',
      { MAX_QUERY_DEPTH: '3', MAX_QUERY_ALIASES: '4', MAX_QUERY_TOKENS: '5', MAX_BODY_BYTES: '6' },
      (c) => c.limits,
      { maxDepth: 3, maxAliases: 4, maxTokens: 5, maxBodyBytes: 6 },
    ],
    ['OAUTH_TOKEN_LIFETIME_SECONDS at its bounds', { OAUTH_TOKEN_LIFETIME_SECONDS: '60' }, (c) => c.oauth.tokenLifetimeSeconds, 60],
    ['OAUTH_TOKEN_LIFETIME_SECONDS at its maximum', { OAUTH_TOKEN_LIFETIME_SECONDS: '86400' }, (c) => c.oauth.tokenLifetimeSeconds, 86_400],
    ['OAUTH_KEY_ROTATION_DAYS in milliseconds', { OAUTH_KEY_ROTATION_DAYS: '1' }, (c) => c.oauth.keyRotationMs, DAY_MS],
    ['OAUTH_KEY_ROTATION_DAYS at its maximum', { OAUTH_KEY_ROTATION_DAYS: '365' }, (c) => c.oauth.keyRotationMs, 365 * DAY_MS],
    ...LOG_LEVELS.map((level): [string, NodeJS.ProcessEnv, (config: Config) => unknown, unknown] => [
      `LOG_LEVEL=${level}`,
      { LOG_LEVEL: level },
      (c) => c.logLevel,
      level,
    ]),
  ];

  it.each(cases)('%s', (_name, env, pick, expected) => {
    expect(pick(loadConfig(env))).toEqual(expected);
  });

  it("LOG_LEVEL takes exactly pino's levels", () => {
    expect([...LOG_LEVELS]).toEqual(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
  });
});

describe('invalid values: one line each', () => {
  const cases: [env: NodeJS.ProcessEnv, line: string][] = [
    [{ PORT: 'abc' }, 'PORT must be an integer from 0 to 65535, got "abc"'],
    [{ PORT: '65536' }, 'PORT must be an integer from 0 to 65535, got "65536"'],
    [{ PORT: '-1' }, 'PORT must be an integer from 0 to 65535, got "-1"'],
    [{ PORT: '80.5' }, 'PORT must be an integer from 0 to 65535, got "80.5"'],
    [{ PORT: '1e3' }, 'PORT must be an integer from 0 to 65535, got "1e3"'],
    [{ PORT: '   ' }, 'PORT must be an integer from 0 to 65535, got "   "'],
    [{ DATABASE_URL: 'mysql://db/x', ENCRYPTION_KEY: KEY_HEX }, 'DATABASE_URL must start with postgres:// or postgresql://'],
    [{ ENCRYPTION_KEY: 'abcd' }, 'ENCRYPTION_KEY must be 32 bytes (64 hex characters or 44 base64 characters)'],
    [{ ENCRYPTION_KEY: `${KEY_HEX}00` }, 'ENCRYPTION_KEY must be 32 bytes (64 hex characters or 44 base64 characters)'],
    [{ DATABASE_URL: 'postgres://db/x' }, 'ENCRYPTION_KEY is required with DATABASE_URL (32 bytes, hex or base64; e.g. `openssl rand -hex 32`)'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL must start with redis:// or rediss://'],
    [{ PUBLIC_URL: 'api.example.com' }, 'PUBLIC_URL must be an http(s) URL, got "api.example.com"'],
    [{ PUBLIC_URL: 'ftp://api.example.com' }, 'PUBLIC_URL must be an http(s) URL, got "ftp://api.example.com"'],
    [{ PUBLIC_URL: 'http://exa mple.com' }, 'PUBLIC_URL must be an http(s) URL, got "http://exa mple.com"'],
    [{ NODE_ENV: 'production' }, 'PUBLIC_URL is required with NODE_ENV=production (for example https://api.example.com)'],
    [{ NODE_ENV: 'production', PUBLIC_URL: 'nope' }, 'PUBLIC_URL must be an http(s) URL, got "nope"'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"'],
    [{ LOG_LEVEL: 'INFO' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "INFO"'],
    [
      { CORS_ORIGINS: 'https://ok.example.com,app.example.com,https://x.example.com/path' },
      'CORS_ORIGINS entries must be origins like https://app.example.com, got "app.example.com", "https://x.example.com/path"',
    ],
    [{ TRUST_PROXY: '11' }, 'TRUST_PROXY must be an integer from 0 to 10, got "11"'],
    [
      { WEBHOOK_RETRY_SCHEDULE_SECONDS: '5,,30' },
      'WEBHOOK_RETRY_SCHEDULE_SECONDS must be a comma-separated list of 1 to 50 numbers of seconds (each 0 to 604800), got "5,,30"',
    ],
    [
      { WEBHOOK_RETRY_SCHEDULE_SECONDS: '5,-1' },
      'WEBHOOK_RETRY_SCHEDULE_SECONDS must be a comma-separated list of 1 to 50 numbers of seconds (each 0 to 604800), got "5,-1"',
    ],
    [{ EVENT_RETENTION_DAYS: '7' }, 'EVENT_RETENTION_DAYS must be an integer of at least 30, got "7"'],
    [{ WEBHOOK_LEASE_MS: '5000', WEBHOOK_TIMEOUT_MS: '5000' }, 'WEBHOOK_LEASE_MS (5000) must be more than WEBHOOK_TIMEOUT_MS (5000)'],
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY must be an integer from 0 to 10, got "yes"'],
    [{ EXPOSE_SQL_COUNT: 'true' }, 'EXPOSE_SQL_COUNT must be 1 or 0, got "true"'],
    [{ ALLOW_PRIVATE_NETWORK_TARGETS: '1' }, 'ALLOW_PRIVATE_NETWORK_TARGETS must be true or false, got "1"'],
    [{ SYNC_LEASE_MS: '0' }, 'SYNC_LEASE_MS must be an integer of at least 1, got "0"'],
    [{ SYNC_POLL_MS: 'soon' }, 'SYNC_POLL_MS must be an integer of at least 1, got "soon"'],
    [{ SYNC_CONCURRENCY: '0' }, 'SYNC_CONCURRENCY must be an integer of at least 1, got "0"'],
    [{ SYNC_CONCURRENCY_PER_ORG: '0' }, 'SYNC_CONCURRENCY_PER_ORG must be an integer of at least 1, got "0"'],
    [{ DIRECTORY_MAX_USERS: '0' }, 'DIRECTORY_MAX_USERS must be an integer of at least 1, got "0"'],
    [{ OUTBOUND_MAX_RESPONSE_BYTES: '0' }, 'OUTBOUND_MAX_RESPONSE_BYTES must be an integer of at least 1, got "0"'],
    [{ OUTBOUND_TIMEOUT_MS: '0' }, 'OUTBOUND_TIMEOUT_MS must be an integer of at least 1, got "0"'],
    [{ RATE_LIMIT_PER_MINUTE: '-5' }, 'RATE_LIMIT_PER_MINUTE must be an integer of at least 0, got "-5"'],
    [{ AUTH_FAILURES_PER_MINUTE: '0' }, 'AUTH_FAILURES_PER_MINUTE must be an integer of at least 1, got "0"'],
    [{ DB_STATEMENT_TIMEOUT_MS: '10s' }, 'DB_STATEMENT_TIMEOUT_MS must be an integer of at least 0, got "10s"'],
    [{ DB_POOL_SIZE: '1' }, 'DB_POOL_SIZE must be an integer of at least 2, got "1"'],
    [{ DB_CONNECTIONS_PER_REQUEST: '0' }, 'DB_CONNECTIONS_PER_REQUEST must be an integer of at least 1, got "0"'],
    [{ MAX_QUERY_DEPTH: 'deep' }, 'MAX_QUERY_DEPTH must be an integer of at least 0, got "deep"'],
    [{ MAX_QUERY_ALIASES: '1.5' }, 'MAX_QUERY_ALIASES must be an integer of at least 0, got "1.5"'],
    [{ MAX_QUERY_TOKENS: '99999999999999999999' }, 'MAX_QUERY_TOKENS must be an integer of at least 0, got "99999999999999999999"'],
    [{ MAX_BODY_BYTES: '1MB' }, 'MAX_BODY_BYTES must be an integer of at least 0, got "1MB"'],
    [{ OAUTH_TOKEN_LIFETIME_SECONDS: '59' }, 'OAUTH_TOKEN_LIFETIME_SECONDS must be an integer from 60 to 86400, got "59"'],
    [{ OAUTH_TOKEN_LIFETIME_SECONDS: '86401' }, 'OAUTH_TOKEN_LIFETIME_SECONDS must be an integer from 60 to 86400, got "86401"'],
    [{ OAUTH_KEY_ROTATION_DAYS: '0' }, 'OAUTH_KEY_ROTATION_DAYS must be an integer from 1 to 365, got "0"'],
    [{ OAUTH_KEY_ROTATION_DAYS: '366' }, 'OAUTH_KEY_ROTATION_DAYS must be an integer from 1 to 365, got "366"'],
  ];

  it.each(cases)('%o', (env, line) => {
    expect(problemsOf(env)).toEqual([line]);
    expect(() => loadConfig(env)).toThrow(new ConfigError(line));
  });
});

describe('several invalid values', () => {
  it('are reported together: one ConfigError, one line per invalid setting', () => {
    const env = { PORT: 'abc', LOG_LEVEL: 'loud', TRUST_PROXY: '11', OAUTH_TOKEN_LIFETIME_SECONDS: '5', NODE_ENV: 'production', DB_POOL_SIZE: '1' };
    let caught: unknown;
    try {
      loadConfig(env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    const lines = error.message.split('\n');
    expect(lines).toEqual([...error.problems]);
    expect(lines).toHaveLength(6);
    expect(new Set(lines)).toEqual(
      new Set([
        'PORT must be an integer from 0 to 65535, got "abc"',
        'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
        'TRUST_PROXY must be an integer from 0 to 10, got "11"',
        'OAUTH_TOKEN_LIFETIME_SECONDS must be an integer from 60 to 86400, got "5"',
        'PUBLIC_URL is required with NODE_ENV=production (for example https://api.example.com)',
        'DB_POOL_SIZE must be an integer of at least 2, got "1"',
      ]),
    );
  });

  it('every line names its variable first', () => {
    const env = {
      PORT: 'x',
      REDIS_URL: 'x',
      EXPOSE_SQL_COUNT: 'x',
      ALLOW_PRIVATE_NETWORK_TARGETS: 'x',
      SYNC_POLL_MS: 'x',
      MAX_BODY_BYTES: 'x',
      OAUTH_KEY_ROTATION_DAYS: 'x',
    };
    const names = problemsOf(env).map((line) => line.split(' ')[0]);
    expect(names.sort()).toEqual([
      'ALLOW_PRIVATE_NETWORK_TARGETS',
      'EXPOSE_SQL_COUNT',
      'MAX_BODY_BYTES',
      'OAUTH_KEY_ROTATION_DAYS',
      'PORT',
      'REDIS_URL',
      'SYNC_POLL_MS',
    ]);
  });

  it('ConfigError made from one message (as src/domain/crypto.ts throws it) is one problem', () => {
    const error = new ConfigError('ENCRYPTION_KEY must be 32 bytes');
    expect(error.problems).toEqual(['ENCRYPTION_KEY must be 32 bytes']);
    expect(error.message).toBe('ENCRYPTION_KEY must be 32 bytes');
    expect(error.name).toBe('ConfigError');
  });
});

describe('settings that go together', () => {
  const cases: [name: string, env: NodeJS.ProcessEnv, options: LoadConfigOptions, problems: string[]][] = [
    [
      'production without PUBLIC_URL',
      { NODE_ENV: 'production' },
      {},
      ['PUBLIC_URL is required with NODE_ENV=production (for example https://api.example.com)'],
    ],
    [
      'production with an empty PUBLIC_URL',
      { NODE_ENV: 'production', PUBLIC_URL: '' },
      {},
      ['PUBLIC_URL is required with NODE_ENV=production (for example https://api.example.com)'],
    ],
    [
      'production with PUBLIC_URL "/" (nothing left once slashes go)',
      { NODE_ENV: 'production', PUBLIC_URL: '/' },
      {},
      ['PUBLIC_URL is required with NODE_ENV=production (for example https://api.example.com)'],
    ],
    ['production with PUBLIC_URL', { NODE_ENV: 'production', PUBLIC_URL: 'https://api.example.com' }, {}, []],
    [
      'production without PUBLIC_URL, admin command too',
      { NODE_ENV: 'production' },
      { program: 'admin' },
      ['PUBLIC_URL is required with NODE_ENV=production (for example https://api.example.com)'],
    ],
    ['not production, no PUBLIC_URL', { NODE_ENV: 'development' }, {}, []],
    [
      'DATABASE_URL without ENCRYPTION_KEY (server)',
      { DATABASE_URL: 'postgres://db/x' },
      {},
      ['ENCRYPTION_KEY is required with DATABASE_URL (32 bytes, hex or base64; e.g. `openssl rand -hex 32`)'],
    ],
    ['DATABASE_URL without ENCRYPTION_KEY (admin command: stores no credential)', { DATABASE_URL: 'postgres://db/x' }, { program: 'admin' }, []],
    ['DATABASE_URL with ENCRYPTION_KEY', { DATABASE_URL: 'postgres://db/x', ENCRYPTION_KEY: KEY_HEX }, {}, []],
    ['embedded without ENCRYPTION_KEY (generated into DATA_DIR)', { DATA_DIR: '/tmp/x' }, {}, []],
  ];

  it.each(cases)('%s', (_name, env, options, problems) => {
    expect(problemsOf(env, options)).toEqual(problems);
  });
});

describe('messages never repeat a secret', () => {
  const cases: [env: NodeJS.ProcessEnv, secret: string][] = [
    [{ DATABASE_URL: 'mysql://admin:hunter2@db/x', ENCRYPTION_KEY: KEY_HEX }, 'hunter2'],
    [{ REDIS_URL: 'http://:hunter2@cache' }, 'hunter2'],
    [{ ENCRYPTION_KEY: 'hunter2-is-not-a-key' }, 'hunter2'],
  ];

  it.each(cases)('%o', (env, secret) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).not.toContain(secret);
  });
});

describe('one place', () => {
  it('no module of src/ but src/config.ts reads the environment (others may only hand process.env to loadConfig)', () => {
    const src = path.join(ROOT, 'src');
    const readers = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.startsWith(`generated${path.sep}`) && file !== 'config.ts')
      .filter((file) => /process\.env\b/.test(readFileSync(path.join(src, file), 'utf8').replace(/\bloadConfig\(process\.env\b/g, '')));
    expect(readers).toEqual([]);
  });
});
