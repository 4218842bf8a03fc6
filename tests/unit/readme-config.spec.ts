// The README's configuration table against src/config.ts: every variable loadConfig reads
// is documented, every documented variable is read, and where the table states a default
// (a `value` at the start of its default cell) loadConfig's default is that value.
//
// Which variables loadConfig reads is observed, not listed: it is given an environment
// behind a Proxy that records every key looked up. A documented default is checked by
// setting it explicitly: the configuration must come out exactly as with the variable
// unset, so no mapping from variables to Config fields is kept here either.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, type LoadConfigOptions, loadConfig } from '../../src/config.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Row {
  variable: string;
  /** The default the table states as a value (`4000`), if it states one. */
  documentedDefault: string | undefined;
  /** The admin command's default, when the cell names one: "`info` (`warn` for the admin command)". */
  adminDefault: string | undefined;
}

/** The rows of the table in the README's "## Configuration" section. */
function configurationTable(readme: string): Row[] {
  const section = readme.split(/^## /m).find((part) => part.startsWith('Configuration\n'));
  if (!section) throw new Error('README.md has no "## Configuration" section');
  const lines = section.split('\n').filter((line) => line.startsWith('|'));
  const cells = (line: string) =>
    line
      .slice(1, line.trimEnd().endsWith('|') ? line.trimEnd().length - 1 : undefined)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim());
  const [header, separator, ...body] = lines;
  expect(cells(header)).toEqual(['variable', 'default', 'meaning']);
  expect(cells(separator).every((cell) => /^:?-+:?$/.test(cell))).toBe(true);
  return body.map((line) => {
    const [variable, defaultCell] = cells(line);
    const name = /^`([A-Z][A-Z0-9_]*)`$/.exec(variable)?.[1];
    if (!name) throw new Error(`not a variable in the configuration table: ${variable}`);
    return {
      variable: name,
      documentedDefault: /^`([^`]*)`/.exec(defaultCell)?.[1],
      adminDefault: /\(`([^`]*)` for the admin command\)/.exec(defaultCell)?.[1],
    };
  });
}

/** The variables loadConfig looks up in `env` (a valid configuration or not). */
function variablesRead(env: Record<string, string>, options?: LoadConfigOptions): { read: Set<string>; enumerated: boolean } {
  const read = new Set<string>();
  let enumerated = false;
  const recording = new Proxy(env, {
    get(target, key, receiver) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === 'string') read.add(key);
      return Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      if (typeof key === 'string') read.add(key);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    ownKeys(target) {
      enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
  try {
    loadConfig(recording, options);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
  }
  return { read, enumerated };
}

const rows = configurationTable(readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
const documented = rows.map((row) => row.variable);

// Environments that take different paths through loadConfig: empty, valid, and invalid ones.
const ENVIRONMENTS: [name: string, env: Record<string, string>, options?: LoadConfigOptions][] = [
  ['an empty environment', {}],
  ['the admin command', {}, { program: 'admin' }],
  [
    'production on PostgreSQL',
    { NODE_ENV: 'production', PUBLIC_URL: 'https://api.example.com', DATABASE_URL: 'postgres://db/x', REDIS_URL: 'redis://cache' },
  ],
  ['every setting invalid', Object.fromEntries(documented.map((name) => [name, 'not valid']))],
];

describe("the README's configuration table", () => {
  it('is parsed (one row per variable, none twice)', () => {
    expect(rows.length).toBeGreaterThan(20);
    expect(new Set(documented).size).toBe(documented.length);
  });

  it('loadConfig looks variables up one by one (never enumerates the environment), the same ones every time', () => {
    const observed = ENVIRONMENTS.map(([name, env, options]) => ({ name, ...variablesRead(env, options) }));
    for (const { name, enumerated } of observed) expect({ name, enumerated }).toEqual({ name, enumerated: false });
    const [first, ...others] = observed;
    for (const other of others)
      expect({ name: other.name, read: [...other.read].sort() }).toEqual({ name: other.name, read: [...first.read].sort() });
  });

  it('lists every variable loadConfig reads, and loadConfig reads every variable it lists', () => {
    const read = new Set(ENVIRONMENTS.flatMap(([, env, options]) => [...variablesRead(env, options).read]));
    expect({
      undocumented: [...read].filter((name) => !documented.includes(name)).sort(),
      unread: documented.filter((name) => !read.has(name)).sort(),
    }).toEqual({
      undocumented: [],
      unread: [],
    });
  });

  const withDefault = rows.filter((row) => row.documentedDefault !== undefined);

  it('states most defaults as values', () => {
    expect(withDefault.length).toBeGreaterThan(20);
  });

  it.each(withDefault.map((row): [string, string] => [row.variable, row.documentedDefault ?? '']))(
    '%s: the documented default `%s` is the default',
    (variable, value) => {
      expect(loadConfig({ [variable]: value })).toEqual(loadConfig({}));
    },
  );

  it.each(rows.filter((row) => row.adminDefault !== undefined).map((row): [string, string] => [row.variable, row.adminDefault ?? '']))(
    "%s: the admin command's documented default `%s` is its default",
    (variable, value) => {
      expect(loadConfig({ [variable]: value }, { program: 'admin' })).toEqual(loadConfig({}, { program: 'admin' }));
    },
  );
});
