// Configuration comes from the environment only; every setting is listed in the README.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** postgres://... when set; otherwise the embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** 32-byte key (hex or base64) for secrets at rest; generated into dataDir when embedded. */
  encryptionKey: string | undefined;
  /** Issuer and base of onboarding URLs; the request's origin when unset. */
  publicUrl: string | undefined;
  redisUrl: string | undefined;
  logLevel: string;
  production: boolean;
  /** Origins allowed to call /graphql from a browser (CORS_ORIGINS); empty: none. */
  corsOrigins: string[];
  /** Reverse proxies in front that append to X-Forwarded-For (TRUST_PROXY, 0–10): how the client address is found. */
  trustProxyHops: number;
  /** Bearer token for GET /metrics; unset: /metrics answers 404. */
  metricsToken: string | undefined;
  /** Adds extensions.sqlStatements to results (tests and benchmarks). */
  exposeSqlCount: boolean;
  /** Directory sync runner: lease length (a dead runner's sync is retried after it), poll
   * interval, syncs one instance works at once, and syncs one organization runs at once
   * across every instance. */
  sync: { leaseMs: number; pollMs: number; concurrency: number; concurrencyPerOrg: number };
  /** Calls to tenant-supplied URLs (src/outbound/). */
  outbound: { allowPrivateNetworkTargets: boolean; maxResponseBytes: number; timeoutMs: number };
  /** Bounds on what one directory sync may ingest. */
  directory: { maxUsers: number };
  /** Requests per minute per credential (0: off), and failed authentications per minute per client address (contract 6.1.3). */
  rateLimits: { perMinute: number; authFailuresPerMinute: number };
  /** Bounds on the database work of one request (contract 6.7.2). */
  database: { statementTimeoutMs: number; poolSize: number; connectionsPerRequest: number };
  /** Limits on hostile queries (CONTRACT rule 9). */
  limits: { maxDepth: number; maxAliases: number; maxTokens: number; maxBodyBytes: number };
}

export class ConfigError extends Error {}

function integer(name: string, fallback: number, env: NodeJS.ProcessEnv, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new ConfigError(`${name} must be an integer of at least ${min}, got "${raw}"`);
  return value;
}

function boolean(name: string, env: NodeJS.ProcessEnv): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function trustProxy(env: NodeJS.ProcessEnv): number {
  const hops = integer('TRUST_PROXY', 0, env);
  if (hops > 10) throw new ConfigError(`TRUST_PROXY must be an integer from 0 to 10, got "${hops}"`);
  return hops;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const port = integer('PORT', 4000, env);
  if (port > 65535) throw new ConfigError(`PORT must be at most 65535, got ${port}`);
  const production = env.NODE_ENV === 'production';
  const publicUrl = env.PUBLIC_URL?.replace(/\/+$/, '') || undefined;
  if (publicUrl && !/^https?:\/\/[^/]+/.test(publicUrl)) throw new ConfigError(`PUBLIC_URL must be an http(s) URL, got "${publicUrl}"`);
  // In production the Host header must never decide an issuer or a link (contract 6.7.7).
  if (production && !publicUrl) throw new ConfigError('PUBLIC_URL is required with NODE_ENV=production (for example https://api.example.com)');
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new ConfigError(`CORS_ORIGINS entries must be origins like https://app.example.com, got "${origin}"`);
  }
  return {
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR || './data'),
    encryptionKey: env.ENCRYPTION_KEY || undefined,
    publicUrl,
    redisUrl: env.REDIS_URL || undefined,
    logLevel: env.LOG_LEVEL || 'info',
    production,
    corsOrigins,
    metricsToken: env.METRICS_TOKEN || undefined,
    trustProxyHops: trustProxy(env),
    exposeSqlCount: env.EXPOSE_SQL_COUNT === '1',
    sync: {
      leaseMs: integer('SYNC_LEASE_MS', 30_000, env, 1),
      pollMs: integer('SYNC_POLL_MS', 1000, env, 1),
      concurrency: integer('SYNC_CONCURRENCY', 4, env, 1),
      concurrencyPerOrg: integer('SYNC_CONCURRENCY_PER_ORG', 1, env, 1),
    },
    outbound: {
      allowPrivateNetworkTargets: boolean('ALLOW_PRIVATE_NETWORK_TARGETS', env),
      maxResponseBytes: integer('OUTBOUND_MAX_RESPONSE_BYTES', 10 * 1024 * 1024, env, 1),
      timeoutMs: integer('OUTBOUND_TIMEOUT_MS', 30_000, env, 1),
    },
    directory: { maxUsers: integer('DIRECTORY_MAX_USERS', 1_000_000, env, 1) },
    rateLimits: {
      perMinute: integer('RATE_LIMIT_PER_MINUTE', 1200, env),
      authFailuresPerMinute: integer('AUTH_FAILURES_PER_MINUTE', 60, env, 1),
    },
    database: {
      statementTimeoutMs: integer('DB_STATEMENT_TIMEOUT_MS', 10_000, env),
      poolSize: integer('DB_POOL_SIZE', 10, env, 2),
      connectionsPerRequest: integer('DB_CONNECTIONS_PER_REQUEST', 2, env, 1),
    },
    limits: {
      maxDepth: integer('MAX_QUERY_DEPTH', 12, env),
      maxAliases: integer('MAX_QUERY_ALIASES', 30, env),
      maxTokens: integer('MAX_QUERY_TOKENS', 2000, env),
      maxBodyBytes: integer('MAX_BODY_BYTES', 1024 * 1024, env),
    },
  };
}
