// Prisma's schema engine compiled to WebAssembly: migrations without the native binary
// that Prisma's CLI would download (these machines reach the npm registry only).
// The package is built for bundlers, so it is instantiated by hand here.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PROJECT_ROOT } from '../project-root.ts';
import { createPGlite } from './embedded.ts';

const require = createRequire(import.meta.url);

const PRISMA_DIR = path.join(PROJECT_ROOT, 'prisma');
const SCHEMA_PATH = path.join(PRISMA_DIR, 'schema.prisma');
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, 'migrations');

let bindings: Promise<typeof import('@prisma/schema-engine-wasm/schema_engine_bg')> | undefined;

function loadBindings() {
  bindings ??= (async () => {
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bg = await import(pathToFileURL(bgPath).href);
    const wasm = await readFile(bgPath.replace(/\.js$/, '.wasm'));
    const { instance } = await WebAssembly.instantiate(wasm, { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return bindings;
}

/**
 * pglite-prisma-adapter's shadow database (used by `diff` from the migrations folder) is a
 * bare in-memory PGlite, which cannot CREATE EXTENSION pg_trgm: give it one made by
 * createPGlite, with the extensions loaded, and close it when the engine lets it go.
 */
function withExtensionsInShadow(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  if (!(factory instanceof PrismaPGlite)) return factory;
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property === 'connectToShadowDb') {
        return async () => {
          const pglite = createPGlite();
          const adapter = await new PrismaPGlite(pglite).connect();
          return Object.assign(adapter, { dispose: () => pglite.close() });
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function openSchemaEngine(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<SchemaEngine> {
  const bg = await loadBindings();
  const datamodel = await readFile(SCHEMA_PATH, 'utf8');
  return bg.SchemaEngine.new(
    { datamodels: [['schema.prisma', datamodel]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(withExtensionsInShadow(adapterFactory)),
  );
}

async function readSchemaFile() {
  return { path: SCHEMA_PATH, content: await readFile(SCHEMA_PATH, 'utf8') };
}

/** The migrations folder in the shape the engine expects, read from disk. */
async function readMigrationList(): Promise<MigrationList> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: {
      path: 'migration_lock.toml',
      content: await readFile(lockPath, 'utf8').catch(() => null),
    },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => ({
        path: dir,
        migrationFile: {
          path: 'migration.sql',
          content: await readFile(path.join(MIGRATIONS_DIR, dir, 'migration.sql'), 'utf8').then(
            (ok) => ({ tag: 'ok' as const, value: ok }),
            (err: Error) => ({ tag: 'error' as const, value: err.message }),
          ),
        },
      })),
    ),
  };
}

const NO_FILTERS = { externalTables: [], externalEnums: [] };

/**
 * The migrations folder as Prisma records it in `_prisma_migrations`: each directory's name
 * with the SHA-256 (hex) of its migration.sql, in order. Undefined when a directory has no
 * readable migration.sql (the engine reports that).
 */
export async function folderMigrations(): Promise<Array<{ name: string; checksum: string }> | undefined> {
  const { migrationDirectories } = await readMigrationList();
  const list = [];
  for (const dir of migrationDirectories) {
    if (dir.migrationFile.content.tag !== 'ok') return undefined;
    list.push({ name: dir.path, checksum: createHash('sha256').update(dir.migrationFile.content.value).digest('hex') });
  }
  return list;
}

/**
 * True when the database has applied exactly the folder's migrations (same names and
 * checksums, none failed or unknown to the folder), found with one query, without the
 * WASM engine (loading and instantiating it costs a noticeable share of a start-up).
 * Anything else, an error included (no `_prisma_migrations` yet, an unreachable database),
 * answers false, and the engine decides and reports as it always did.
 */
async function appliedAlready(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<boolean> {
  const folder = await folderMigrations();
  if (!folder) return false;
  let adapter: Awaited<ReturnType<SqlMigrationAwareDriverAdapterFactory['connect']>> | undefined;
  try {
    adapter = await adapterFactory.connect();
    const { rows } = await adapter.queryRaw({
      sql: 'SELECT migration_name, checksum, finished_at IS NOT NULL AS finished FROM _prisma_migrations WHERE rolled_back_at IS NULL',
      args: [],
      argTypes: [],
    });
    // Sorted here, not by the database: its collation may order names differently.
    const recorded = rows.map(([name, checksum, finished]) => `${name} ${checksum} ${finished}`).sort();
    const expected = folder.map(({ name, checksum }) => `${name} ${checksum} true`).sort();
    return recorded.length === expected.length && recorded.every((row, i) => row === expected[i]);
  } catch {
    return false;
  } finally {
    await adapter?.dispose().catch(() => {});
  }
}

/** Applies the migrations the database has not seen; returns their names. */
export async function applyPendingMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  if (await appliedAlready(adapterFactory)) return [];
  const engine = await openSchemaEngine(adapterFactory);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await readMigrationList(),
      filters: NO_FILTERS,
    });
    return appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * The SQL that would take a database built from the migrations to schema.prisma.
 * Empty when they agree. Uses the adapter's shadow database.
 */
export async function diffMigrationsToSchema(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  const engine = await openSchemaEngine(adapterFactory);
  try {
    const result = await engine.diff({
      from: { tag: 'migrations', ...(await readMigrationList()) },
      to: { tag: 'schemaDatamodel', files: [await readSchemaFile()] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return (result.stdout ?? '').trim();
  } finally {
    engine.free();
  }
}
