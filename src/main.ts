// `npm start`: opens the database (applying pending migrations), serves HTTP, and shuts
// down gracefully on SIGTERM/SIGINT. Start-up problems are one clear line each (every
// invalid setting at once: src/config.ts) and exit 1.
import { createAuthenticator } from './auth/authenticator.ts';
import { CredentialCache, shareInvalidations } from './auth/credential-cache.ts';
import { apiKeyStrategy, bearerStrategy } from './auth/strategies.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DatabaseUnavailableError, openDatabase } from './db/client.ts';
import { loadCipher } from './domain/crypto.ts';
import { encryptClearOnboardingUrls } from './domain/onboarding.ts';
import { type SyncRunner, startSyncRunner } from './jobs/directory-sync.ts';
import { startRetention } from './jobs/retention.ts';
import { startDeliveryWorker } from './jobs/webhook-deliveries.ts';
import { type Logger, createLogger } from './logger.ts';
import { createMetrics } from './metrics.ts';
import { createOAuth } from './oauth/index.ts';
import { createOutboundClient } from './outbound/client.ts';
import { createEventBus } from './pubsub.ts';
import { createEdgeLimits } from './rate-limits.ts';
import { createApp } from './server/http.ts';
import { ONBOARDING_PATH, createOnboardingPage } from './server/onboarding-page.ts';

/** The logger, once the configuration (LOG_LEVEL) has been read. */
let startupLogger: Logger | undefined;

/** Start-up problems the operator can fix: one plain line each, no log noise, no stack. */
function fail(message: string): never {
  process.stderr.write(
    message
      .split('\n')
      .map((line) => `error: ${line}\n`)
      .join(''),
  );
  process.exit(1);
}

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  startupLogger = logger;
  const cipher = await loadCipher(config);
  const db = await openDatabase(config, { role: 'server', logger });
  const encrypted = await encryptClearOnboardingUrls(db.prisma, cipher);
  if (encrypted) logger.info({ sessions: encrypted }, 'encrypted onboarding URLs stored in clear by an earlier version');
  const events = createEventBus(config.redisUrl, logger);
  // The sync runner starts once the port is ours: a server that cannot listen claims no job.
  const sync: { runner?: SyncRunner } = {};
  const metrics = createMetrics();
  // Authentication verdicts, remembered for AUTH_CACHE_TTL_MS and dropped on every instance when a credential changes.
  const credentials = new CredentialCache({ ttlMs: config.authCacheTtlMs });
  const services = {
    config,
    cipher,
    pubsub: events.pubsub,
    metrics,
    wakeSyncRunner: () => sync.runner?.wake(),
    credentialsChanged: shareInvalidations(credentials, events.pubsub),
  };
  const limits = createEdgeLimits(config, (error) => logger.warn({ err: error }, 'redis connection problem (rate limits count in memory meanwhile)'));
  const oauth = createOAuth({ config, prisma: db.prisma, cipher, logger, authFailures: limits.authFailures });
  // Who is calling: API keys first, then OAuth access tokens (src/auth/).
  const authenticator = createAuthenticator([apiKeyStrategy(db.prisma), bearerStrategy(oauth.verifyBearer)], credentials);
  const routes = { ...oauth.routes, [`${ONBOARDING_PATH}*`]: createOnboardingPage({ prisma: db.prisma, cipher, config }) };
  const app = createApp({ config, services, db, logger, routes, authenticator, limits });
  let port: number;
  try {
    port = await app.listen(config.port, config.host);
  } catch (error) {
    await events.close();
    await limits.close();
    await db.close();
    const code = (error as NodeJS.ErrnoException).code;
    fail(
      code === 'EADDRINUSE'
        ? `port ${config.port} is already in use (set PORT to another one)`
        : `cannot listen on port ${config.port}: ${(error as Error).message}`,
    );
  }
  const outbound = createOutboundClient(config.outbound);
  sync.runner = startSyncRunner({
    prisma: db.prisma,
    cipher,
    pubsub: events.pubsub,
    logger,
    outbound,
    metrics,
    ...config.sync,
    maxUsers: config.directory.maxUsers,
    directory: config.directory,
    // PGlite runs one transaction at a time: a second commit in flight would only queue.
    commitsInFlight: db.mode === 'postgres' ? 2 : 1,
  });
  // Webhook receivers get WEBHOOK_TIMEOUT_MS to answer, and only the start of what they answer is read.
  const receivers = createOutboundClient({ ...config.outbound, timeoutMs: config.webhooks.timeoutMs, maxResponseBytes: 64 * 1024 });
  const deliveries = startDeliveryWorker({ prisma: db.prisma, cipher, logger, outbound: receivers, metrics, ...config.webhooks });
  const retention = startRetention(db.prisma, config.retention, logger);
  logger.info({ port, storage: db.mode, dataDir: db.mode === 'postgres' ? undefined : config.dataDir }, `serving http://localhost:${port}/graphql`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    await app.close();
    await sync.runner?.stop();
    await deliveries.stop();
    await retention.stop();
    await outbound.close();
    await receivers.close();
    await events.close();
    await limits.close();
    await db.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError) fail(error.message);
  startupLogger?.fatal({ err: error }, 'failed to start');
  process.stderr.write(`error: failed to start: ${(error as Error).message?.split('\n')[0]}\n`);
  process.exit(1);
});
