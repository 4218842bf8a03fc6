// Start-up shortcuts keep start-up's promises. A new DATA_DIR is copied from a prepared
// image (src/db/embedded.ts): complete, with every migration recorded, owner-only, and
// without a secret (each directory generates its own encryption key). Applied migrations
// are checked with one query before the WASM engine is loaded (src/db/schema-engine.ts):
// a database that lacks one still gets it, on both storages.
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import { afterAll, expect, inject, it } from 'vitest';
import type { Config } from '../src/config.ts';
import { acquireEmbedded, preparedImage } from '../src/db/embedded.ts';
import { applyPendingMigrations, folderMigrations } from '../src/db/schema-engine.ts';
import { loadCipher } from '../src/domain/crypto.ts';
import { createDatabase } from './support/databases.ts';

const storage = inject('storage');
const SLOW = 180_000;

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});
async function freshDir() {
  const dir = await mkdtemp(path.join(tmpdir(), 'integrations-embedded-start-'));
  dirs.push(dir);
  return dir;
}

/** Files (and directories) under dir that someone other than the owner could read or write. */
async function openToOthers(dir: string): Promise<string[]> {
  const found: string[] = [];
  if ((await stat(dir)).mode & 0o077) found.push(dir);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await openToOthers(full)));
    else if (entry.isFile() && (await stat(full)).mode & 0o077) found.push(full);
  }
  return found;
}

/** Undoes the last migration of the folder by hand: what a database one version behind looks like. */
/**
 * Makes the database one migration older: what the last migration created (indexes,
 * tables, columns, types) is dropped and its record deleted, so it is pending again.
 */
async function forgetLastMigration(query: (sql: string) => Promise<unknown>) {
  const migrations = (await folderMigrations())!;
  const last = migrations[migrations.length - 1].name;
  const sql = await readFile(path.join(import.meta.dirname, '../prisma/migrations', last, 'migration.sql'), 'utf8');
  const undo: string[] = [];
  for (const [, index] of sql.matchAll(/CREATE (?:UNIQUE )?INDEX "([^"]+)"/g)) undo.push(`DROP INDEX IF EXISTS "${index}"`);
  for (const [, table] of sql.matchAll(/CREATE TABLE "([^"]+)"/g)) undo.push(`DROP TABLE IF EXISTS "${table}" CASCADE`);
  for (const [, table, columns] of sql.matchAll(/ALTER TABLE "([^"]+)" ((?:,?\s*ADD COLUMN\s+"[^"]+"[^,;]*)+);/g)) {
    for (const [, column] of columns.matchAll(/ADD COLUMN\s+"([^"]+)"/g))
      undo.push(`ALTER TABLE "${table}" DROP COLUMN IF EXISTS "${column}" CASCADE`);
  }
  for (const [, type] of sql.matchAll(/CREATE TYPE "([^"]+)"/g)) undo.push(`DROP TYPE IF EXISTS "${type}" CASCADE`);
  // A dropped column comes back (nullable, its rows lost) with the type an earlier migration gave it.
  const earlier = await Promise.all(
    migrations.slice(0, -1).map((m) => readFile(path.join(import.meta.dirname, '../prisma/migrations', m.name, 'migration.sql'), 'utf8')),
  );
  for (const [, table, columns] of sql.matchAll(/ALTER TABLE "([^"]+)" ((?:,?\s*DROP COLUMN\s+"[^"]+")+);/g)) {
    for (const [, column] of columns.matchAll(/DROP COLUMN\s+"([^"]+)"/g)) {
      const type = earlier.join('\n').match(new RegExp(`"${column}"\\s+([A-Z]+(?:\\(\\d+\\))?)`))?.[1];
      if (!type) throw new Error(`no earlier migration gives "${table}"."${column}" a type`);
      undo.unshift(`ALTER TABLE "${table}" ADD COLUMN IF NOT EXISTS "${column}" ${type}`);
    }
  }
  for (const statement of undo) await query(statement);
  await query(`DELETE FROM _prisma_migrations WHERE migration_name = '${last}'`);
  return last;
}

if (storage === 'pglite') {
  it(
    'a new DATA_DIR starts from the prepared image: migrated, owner-only, no secret in it, a key of its own',
    async () => {
      const image = await preparedImage();
      expect(image, 'the image cache under node_modules/.cache is writable here').toBeDefined();
      expect(await readdir(image!)).not.toContain('encryption.key');

      const keys: string[] = [];
      for (let i = 0; i < 2; i++) {
        const dataDir = await freshDir();
        const owner = (await acquireEmbedded(dataDir, 0))!;
        try {
          const { rows } = await owner.pglite.query<{ migration_name: string; checksum: string }>(
            'SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name',
          );
          expect(rows.map((r) => ({ name: r.migration_name, checksum: r.checksum }))).toEqual(await folderMigrations());
          // Nothing is pending, so nothing is applied.
          expect(await applyPendingMigrations(new PrismaPGlite(owner.pglite))).toEqual([]);
          // Schema only: no organization, key or signing key came with the copy.
          for (const table of ['Organization', 'ApiKey', 'Integration', 'SigningKey']) {
            const { rows: counted } = await owner.pglite.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
            expect(counted[0].n, table).toBe(0);
          }
        } finally {
          await owner.release();
        }
        expect(await openToOthers(dataDir)).toEqual([]);
        const config = { dataDir, databaseUrl: undefined, encryptionKey: undefined } as Config;
        await loadCipher(config);
        keys.push(await readFile(path.join(dataDir, 'encryption.key'), 'utf8'));
        // The directory opens again (a warm start) with its data.
        const again = (await acquireEmbedded(dataDir, 0))!;
        await again.release();
      }
      expect(keys[0]).not.toBe(keys[1]);
    },
    SLOW,
  );

  it(
    'a data directory that lacks a migration gets it on open, through the engine',
    async () => {
      const dataDir = await freshDir();
      const owner = (await acquireEmbedded(dataDir, 0))!;
      try {
        const last = await forgetLastMigration((sql) => owner.pglite.exec(sql));
        expect(await applyPendingMigrations(new PrismaPGlite(owner.pglite))).toEqual([last]);
        expect(await applyPendingMigrations(new PrismaPGlite(owner.pglite))).toEqual([]);
      } finally {
        await owner.release();
      }
    },
    SLOW,
  );
}

if (storage === 'postgres') {
  it(
    'PostgreSQL: every migration on a new database, none on a current one, the missing one on an older one',
    async () => {
      const database = await createDatabase(process.env.TEST_DATABASE_URL!, 'integrations_embedded_start');
      const client = new pg.Client({ connectionString: database.url });
      try {
        const factory = () => new PrismaPg({ connectionString: database.url });
        const all = (await folderMigrations())!.map((m) => m.name);
        expect(await applyPendingMigrations(factory())).toEqual(all);
        expect(await applyPendingMigrations(factory())).toEqual([]);
        await client.connect();
        const last = await forgetLastMigration((sql) => client.query(sql));
        expect(await applyPendingMigrations(factory())).toEqual([last]);
      } finally {
        await client.end().catch(() => {});
        await database.drop();
      }
    },
    SLOW,
  );
}
