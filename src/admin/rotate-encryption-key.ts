// `admin rotate-encryption-key`: every value stored encrypted under ENCRYPTION_KEY
// (src/domain/crypto.ts) re-encrypted under NEW_ENCRYPTION_KEY, in one transaction that
// locks the rows it rewrites (a running server's concurrent change waits, it is not lost),
// and checked before it commits: every stored value must then decrypt under the new key.
//
// Safe to run again: a value that already decrypts under the new key is left as it is
// (counted as "already"), so a second run, after servers still on the old key wrote a few
// values, rotates just those. A value that decrypts under neither key stops the run, and
// nothing changes: it is not ours to guess about.
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { Cipher, loadKey, parseKey } from '../domain/crypto.ts';
import { Prisma } from '../generated/prisma/client.ts';

type Tx = Prisma.TransactionClient;

/** One stored row's encrypted values, by where they sit in it. */
interface Row {
  id: string;
  values: Map<string, string>;
}

/** A kind of stored credential: how its rows are read (locked) and written back. */
interface Kind {
  name: string;
  read(tx: Tx): Promise<Row[]>;
  write(tx: Tx, row: Row): Promise<void>;
}

const isEncrypted = (value: string | null): value is string => value !== null && value.startsWith('v1.');

/** A kind that is one or two text columns of a table. */
function columns(name: string, table: string, names: string[]): Kind {
  const [first, ...rest] = names.map((column) => Prisma.raw(`"${column}"`));
  const list = Prisma.join([first, ...rest]);
  const anyStored = Prisma.join(
    [first, ...rest].map((column) => Prisma.sql`${column} IS NOT NULL`),
    ' OR ',
  );
  const from = Prisma.raw(`"${table}"`);
  return {
    name,
    async read(tx) {
      const rows = await tx.$queryRaw<Record<string, string | null>[]>`SELECT "id", ${list} FROM ${from} WHERE ${anyStored} FOR UPDATE`;
      return rows.map((row) => ({
        id: String(row.id),
        values: new Map(names.flatMap((column) => (isEncrypted(row[column]) ? [[column, row[column]] as const] : []))),
      }));
    },
    async write(tx, row) {
      for (const [column, value] of row.values) {
        await tx.$executeRaw`UPDATE ${from} SET ${Prisma.raw(`"${column}"`)} = ${value} WHERE "id" = ${row.id}`;
      }
    },
  };
}

type SecretConfig = Record<string, { ciphertext: string; hint: string }>;

/** Integrations' secret fields: { field: { ciphertext, hint } } in a JSON column. */
const integrationSecrets: Kind = {
  name: 'integration secrets',
  async read(tx) {
    const rows = await tx.$queryRaw<{ id: string; secrets: SecretConfig }[]>`
      SELECT "id", "secrets" FROM "Integration" WHERE "secrets" <> '{}'::jsonb FOR UPDATE`;
    return rows.map((row) => ({ id: row.id, values: new Map(Object.entries(row.secrets).map(([key, secret]) => [key, secret.ciphertext])) }));
  },
  async write(tx, row) {
    for (const [key, ciphertext] of row.values) {
      await tx.$executeRaw`
        UPDATE "Integration" SET "secrets" = jsonb_set("secrets", ARRAY[${key}::text, 'ciphertext'], to_jsonb(${ciphertext}::text)) WHERE "id" = ${row.id}`;
    }
  },
};

/** Every user of the cipher (grep for `cipher.encrypt`): what a rotation must cover. */
const KINDS: Kind[] = [
  integrationSecrets,
  columns('webhook endpoint secrets', 'WebhookEndpoint', ['secret', 'previousSecret']),
  columns('OAuth signing keys', 'SigningKey', ['privateKey']),
  // Links stored in clear by an earlier version are encrypted by the server at start.
  columns('onboarding links', 'OnboardingSession', ['onboardingUrl']),
  columns('directory delta links', 'DirectorySync', ['deltaLink']),
];

/** A refusal before anything is read: exit code 2. */
export class RotationRefused extends Error {}

/** A stored value neither key opens: exit code 1, nothing changed. */
export class UnreadableValue extends Error {}

export interface RotationCount {
  kind: string;
  rotated: number;
  /** Already under the new key (an earlier run). */
  already: number;
}

function tryDecrypt(cipher: Cipher, value: string): string | undefined {
  try {
    return cipher.decrypt(value);
  } catch {
    return undefined;
  }
}

/** The ciphers for the current and the new key, or a refusal saying why not. */
export async function rotationCiphers(config: Config): Promise<{ current: Cipher; next: Cipher }> {
  const raw = config.newEncryptionKey;
  if (raw === undefined) throw new RotationRefused('NEW_ENCRYPTION_KEY is not set (32 bytes, hex or base64; e.g. `openssl rand -hex 32`)');
  const nextKey = parseKey(raw);
  if (nextKey.length !== 32) throw new RotationRefused('NEW_ENCRYPTION_KEY must be 32 bytes (64 hex characters or 44 base64 characters)');
  const currentKey = await loadKey(config);
  if (currentKey.equals(nextKey)) throw new RotationRefused('NEW_ENCRYPTION_KEY is the current key: nothing to rotate to');
  return { current: new Cipher(currentKey), next: new Cipher(nextKey) };
}

export async function rotateEncryptionKey(db: Database, { current, next }: { current: Cipher; next: Cipher }): Promise<RotationCount[]> {
  return db.prisma.$transaction(
    async (tx) => {
      const counts: RotationCount[] = [];
      for (const kind of KINDS) {
        const count = { kind: kind.name, rotated: 0, already: 0 };
        for (const row of await kind.read(tx)) {
          const rotated = new Map<string, string>();
          for (const [slot, value] of row.values) {
            const plaintext = tryDecrypt(current, value);
            if (plaintext === undefined) {
              if (tryDecrypt(next, value) === undefined) {
                throw new UnreadableValue(`a value of ${kind.name} (${row.id}) decrypts under neither ENCRYPTION_KEY nor NEW_ENCRYPTION_KEY`);
              }
              count.already++;
              continue;
            }
            rotated.set(slot, next.encrypt(plaintext));
            count.rotated++;
          }
          if (rotated.size) await kind.write(tx, { id: row.id, values: rotated });
        }
        counts.push(count);
      }
      // What is stored now, read back: every value must open under the new key, or nothing commits.
      for (const kind of KINDS) {
        for (const row of await kind.read(tx)) {
          for (const value of row.values.values()) {
            if (tryDecrypt(next, value) === undefined)
              throw new Error(`a rotated value of ${kind.name} (${row.id}) does not decrypt under NEW_ENCRYPTION_KEY`);
          }
        }
      }
      return counts;
    },
    // Every credential in one transaction: longer than a request's.
    { maxWait: 60_000, timeout: 30 * 60_000 },
  );
}
