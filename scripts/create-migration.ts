// Creates a new migration from the difference between prisma/migrations and
// schema.prisma, offline, with the WebAssembly schema engine over an in-memory PGlite
// (the shadow database). Usage: npm run migrate:create -- <name>
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { createPGlite } from '../src/db/embedded.ts';
import { MIGRATIONS_DIR, diffMigrationsToSchema } from '../src/db/schema-engine.ts';

const name = (process.argv[2] ?? '').trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run migrate:create -- <name>   (lowercase letters, digits, _)');
  process.exit(2);
}
// createPGlite: with the extensions the migrations create (pg_trgm) loaded.
const pglite = createPGlite();
const sql = await diffMigrationsToSchema(new PrismaPGlite(pglite));
await pglite.close();
if (!sql || sql === '-- This is an empty migration.') {
  console.error('schema.prisma and prisma/migrations already agree: nothing to create.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, 'migration.sql'), `${sql}\n`);
console.error(`created ${path.relative(process.cwd(), dir)}/migration.sql`);
