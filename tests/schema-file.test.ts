// The checked-in artefacts that are derived from code must not drift from it:
// schema.graphql from the Pothos schema, prisma/migrations from prisma/schema.prisma.
// Neither needs the server, so both run once, in the pglite project. On both storages, the
// migration history the server recorded at start-up is checked against the folder.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { expect, inject, it } from 'vitest';
import { MIGRATIONS_DIR, diffMigrationsToSchema } from '../src/db/schema-engine.ts';
import { databaseClient } from './support/databases.ts';
import { ROOT } from './support/process.ts';

// printedSchema() runs under tsx, as `npm run schema:print` does: inside vitest the
// script's `graphql` import resolves to graphql's ESM build while Pothos (loaded by Node)
// builds the schema with the CommonJS one, and graphql refuses to mix the two.
async function printedSchema(): Promise<string> {
  const script = "import('./scripts/print-schema.ts').then((m) => process.stdout.write(m.printedSchema()))";
  const { stdout } = await promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsx'), ['-e', script], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

const storage = inject('storage');

if (storage === 'pglite') {
  it('schema.graphql is the printed schema (run `npm run schema:print` when this fails)', async () => {
    const checkedIn = await readFile(path.join(ROOT, 'schema.graphql'), 'utf8');
    const printed = await printedSchema();
    expect(printed).toContain('type Query');
    expect(checkedIn).toBe(printed);
  }, 60_000);

  it('prisma/schema.prisma and prisma/migrations agree (run `npm run migrate:create -- <name>` when this fails)', async () => {
    const sql = await diffMigrationsToSchema(new PrismaPGlite(new PGlite()));
    // The engine answers this placeholder, not an empty string, when there is nothing to do.
    expect(sql).toBe('-- This is an empty migration.');
  }, 120_000);
}

// Both storages: the migrations the server applied at start-up are recorded the way
// Prisma's CLI records them, so a connected user's `prisma migrate deploy` sees the same
// history (same names, same checksums, nothing failed or rolled back).
it('the running server applied every migration, recorded as prisma migrate deploy expects', async () => {
  const client = databaseClient(inject('storageEnv'));
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name',
    );
    const dirs = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(dirs.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.migration_name)).toEqual(dirs);
    for (const row of rows) {
      const sql = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum, row.migration_name).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.finished_at, row.migration_name).not.toBeNull();
      expect(row.rolled_back_at, row.migration_name).toBeNull();
    }
  } finally {
    await client.end();
  }
});
