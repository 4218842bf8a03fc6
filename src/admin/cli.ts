// `npm run admin -- <command>`: operator tasks that are not part of the API. Works with
// the server running or not, on the same storage (DATABASE_URL or DATA_DIR). Results go
// to stdout; logs and errors to stderr.
import { parseArgs } from 'node:util';
import { type Config, ConfigError, loadConfig } from '../config.ts';
import { DatabaseUnavailableError, openDatabase } from '../db/client.ts';
import { FEATURES, createApiKeyFor, createOrganization, isFeature, listOrganizations, setFeature } from '../domain/organizations.ts';
import { UserErrors } from '../domain/errors.ts';
import { isIdOf } from '../domain/ids.ts';
import { type Logger, createLogger } from '../logger.ts';
import { RotationRefused, UnreadableValue, rotateEncryptionKey, rotationCiphers } from './rotate-encryption-key.ts';
import { syncCommand } from './sync.ts';

const HELP = `Usage: npm run admin -- <command> [options]

Commands:
  create-org --name NAME [--disable-integrations] [--json]
      Creates an organization and its first admin API key. The key is printed once.
      With --json, prints {"organization":{"id","name"},"apiKey":"<secret>"} on one line.
  set-feature --org ID --feature ${FEATURES.join('|')} --enabled true|false [--json]
      Turns a feature on or off; a running server sees it within 5 seconds.
  list-orgs [--json]
      Lists every organization: ID, name, features, API keys that still work.
      With --json, prints {"organizations":[{"id","name","features","activeApiKeys","createdAt"}]} on one line.
  create-api-key --org ID --name NAME [--json]
      Makes a new API key for an organization (a way back in when every key is lost).
      The key is printed once. With --json, prints {"apiKey":{"id","name"},"secret":"<secret>"} on one line.
  sync --integration ID [--follow] [--json]
      Queues a directory sync of an Okta or Microsoft Entra integration, as the
      startDirectorySync mutation does (a sync already QUEUED or RUNNING is the one you get).
      --follow watches it to its end: a progress bar on a terminal, one line per step
      otherwise; exit code 1 when it FAILED. With no server running, --follow runs the sync
      in this process. With --json, prints {"sync":{...}} on one line (the final sync with
      --follow; step lines then go to stderr).
  rotate-encryption-key [--json]
      With NEW_ENCRYPTION_KEY set (32 bytes, hex or base64, like ENCRYPTION_KEY): re-encrypts
      every stored credential under it in one transaction, checks each decrypts under it,
      and prints a count per kind. Values already under the new key are left as they are, so
      running it again is safe. Then set ENCRYPTION_KEY to the new key and restart every server
      (README: "Rotating the encryption key"). With --json, prints
      {"kinds":[{"kind","rotated","already"}]} on one line.

Through npm, use \`npm run -s admin -- …\` (-s keeps npm's own banner off stdout) so --json
output is the only line there.

Options:
  --help      Show this help.

Storage: DATABASE_URL (PostgreSQL) when set, otherwise the embedded database in DATA_DIR
(default ./data). Works whether or not the server is running.`;

class UsageError extends Error {}

function parse(argv: string[]) {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      name: { type: 'string' },
      'disable-integrations': { type: 'boolean', default: false },
      org: { type: 'string' },
      feature: { type: 'string' },
      enabled: { type: 'string' },
      integration: { type: 'string' },
      follow: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  return { command, values };
}

async function run(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(`${HELP}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { command, values } = parsed;
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }

  let task: (db: Awaited<ReturnType<typeof openDatabase>>, config: Config, logger: Logger) => Promise<number>;
  if (command === 'create-org') {
    const name = values.name;
    if (name === undefined) throw new UsageError('create-org needs --name NAME');
    task = async (db, config) => {
      const { organization, secret } = await createOrganization(db.prisma, { name, integrations: !values['disable-integrations'] });
      if (values.json) {
        process.stdout.write(`${JSON.stringify({ organization: { id: organization.id, name: organization.name }, apiKey: secret })}\n`);
      } else {
        process.stdout.write(
          `Created organization ${organization.name} (${organization.id}).\n` +
            `Admin API key (shown once, store it now):\n  ${secret}\n` +
            `Try it: open ${config.publicUrl ?? `http://localhost:${config.port}`}/graphql and send the header x-api-key.\n`,
        );
      }
      return 0;
    };
  } else if (command === 'set-feature') {
    const org = values.org?.trim();
    if (!org) throw new UsageError('set-feature needs --org ID');
    if (!values.feature || !isFeature(values.feature)) throw new UsageError(`--feature must be one of ${FEATURES.join(', ')}`);
    if (values.enabled !== 'true' && values.enabled !== 'false') throw new UsageError('--enabled must be true or false');
    const feature = values.feature;
    const enabled = values.enabled === 'true';
    task = async (db) => {
      const updated = isIdOf('Organization', org) ? await setFeature(db.prisma, org, feature, enabled) : undefined;
      if (!updated) {
        process.stderr.write(`error: no organization with ID ${org}\n`);
        return 1;
      }
      process.stdout.write(
        values.json
          ? `${JSON.stringify({ organization: { id: updated.id, name: updated.name, features: updated.features } })}\n`
          : `${feature} is now ${enabled ? 'enabled' : 'disabled'} for ${updated.name} (${updated.id}).\n`,
      );
      return 0;
    };
  } else if (command === 'list-orgs') {
    task = async (db) => {
      const organizations = await listOrganizations(db.prisma);
      if (values.json) {
        const rows = organizations.map((o) => ({
          id: o.id,
          name: o.name,
          features: o.features,
          activeApiKeys: o.activeApiKeys,
          createdAt: o.createdAt,
        }));
        process.stdout.write(`${JSON.stringify({ organizations: rows })}\n`);
      } else if (!organizations.length) {
        process.stdout.write('No organizations yet (create one with create-org).\n');
      } else {
        for (const o of organizations) {
          process.stdout.write(`${o.id}  ${o.name}  features: ${o.features.join(',') || 'none'}  API keys: ${o.activeApiKeys}\n`);
        }
      }
      return 0;
    };
  } else if (command === 'create-api-key') {
    const org = values.org?.trim();
    if (!org) throw new UsageError('create-api-key needs --org ID');
    const name = values.name;
    if (name === undefined) throw new UsageError('create-api-key needs --name NAME');
    task = async (db) => {
      const made = isIdOf('Organization', org) ? await createApiKeyFor(db.prisma, org, name) : undefined;
      if (!made) {
        process.stderr.write(`error: no organization with ID ${org}\n`);
        return 1;
      }
      process.stdout.write(
        values.json
          ? `${JSON.stringify({ apiKey: { id: made.apiKey.id, name: made.apiKey.name }, secret: made.secret })}\n`
          : `Created API key ${made.apiKey.name} (${made.apiKey.id}) for ${made.organization.name} (${made.organization.id}).\n` +
              `The key (shown once, store it now):\n  ${made.secret}\n`,
      );
      return 0;
    };
  } else if (command === 'sync') {
    const integrationId = values.integration?.trim();
    if (!integrationId) throw new UsageError('sync needs --integration ID');
    task = (db, config, logger) => syncCommand(db, config, logger, { integrationId, follow: values.follow, json: values.json });
  } else if (command === 'rotate-encryption-key') {
    task = async (db, config) => {
      let ciphers;
      try {
        ciphers = await rotationCiphers(config);
      } catch (error) {
        if (!(error instanceof RotationRefused)) throw error;
        process.stderr.write(`error: ${error.message}; nothing was changed\n`);
        return 2;
      }
      let counts;
      try {
        counts = await rotateEncryptionKey(db, ciphers);
      } catch (error) {
        if (!(error instanceof UnreadableValue)) throw error;
        process.stderr.write(`error: ${error.message}; nothing was changed\n`);
        return 1;
      }
      const swap = config.encryptionKey
        ? 'set ENCRYPTION_KEY to the new key'
        : `put the new key in ${config.dataDir}/encryption.key (or set ENCRYPTION_KEY to it)`;
      const next =
        `Next: ${swap} on every server instance and restart them. Then run this command once more with the old key ` +
        'still as ENCRYPTION_KEY: it re-encrypts what servers still on the old key wrote meanwhile (nothing, if they were stopped).\n';
      if (values.json) {
        process.stdout.write(`${JSON.stringify({ kinds: counts })}\n`);
        process.stderr.write(next);
      } else {
        process.stdout.write(
          'Re-encrypted under NEW_ENCRYPTION_KEY, every stored value checked to decrypt under it:\n' +
            counts.map((c) => `  ${c.kind}: ${c.rotated} re-encrypted, ${c.already} already under the new key\n`).join('') +
            next,
        );
      }
      return 0;
    };
  } else {
    throw new UsageError(`unknown command "${command}" (see --help)`);
  }

  // Every setting from src/config.ts (LOG_LEVEL defaults to warn here); all problems at once.
  const config = loadConfig(process.env, { program: 'admin' });
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config, { role: 'client', logger });
  try {
    return await task(db, config, logger);
  } finally {
    await db.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    // The domain's input rules (the organization's name) answer as usage errors do.
    if (error instanceof UserErrors) error = new UsageError(error.errors.map((e) => `--${e.field?.join('.')}: ${e.message}`).join('\n'));
    const known = error instanceof UsageError || error instanceof ConfigError || error instanceof DatabaseUnavailableError;
    // A ConfigError has one line per invalid setting: each its own `error:` line.
    const lines = known ? error.message.split('\n') : [`unexpected failure: ${String(error?.message ?? error).split('\n')[0]}`];
    process.stderr.write(lines.map((line: string) => `error: ${line}\n`).join(''));
    process.exit(known && error instanceof UsageError ? 2 : 1);
  },
);
