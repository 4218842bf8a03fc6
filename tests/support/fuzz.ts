// Generated hostile input for tests/fuzz.test.ts: a seeded PRNG, GraphQL documents built
// from schema.graphql (then mutated), odd values, and odd HTTP around them, plus the
// sender and the checks of every answer. Each request is generated from (seed, index)
// alone, so one failing request can be regenerated and replayed (FUZZ_ONLY=index,...).
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  GraphQLUnionType,
  type FieldNode,
  type OperationDefinitionNode,
  Kind,
  buildSchema,
  getNamedType,
  isLeafType,
  parse,
  print,
  validate,
  visit,
} from 'graphql';
import { Agent, request } from 'undici';
import { ROOT } from './process.ts';

// ---------------------------------------------------------------------------------------
// PRNG: sfc32, seeded from a string (FNV-1a), so a seed reproduces a run exactly.

export function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  next(): number {
    const t0 = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    const t = (t0 + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Inclusive. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

// ---------------------------------------------------------------------------------------
// What the generator may name: the IDs of the organization whose key is used ("own") and
// of the other one ("foreign", which must behave like unknown IDs), and cursors.

export interface OrgIds {
  workflows: string[];
  integrations: string[];
  directoryIntegrations: string[];
  sessions: string[];
  apiKeys: string[];
  syncs: string[];
  cursors: string[];
}

export interface FuzzContext {
  own: OrgIds;
  foreign: OrgIds;
}

export type AuthMode = 'fuzz' | 'sentinel' | 'none' | 'bad';

export interface FuzzRequest {
  index: number;
  /** Category, for the summary. */
  kind: string;
  auth: AuthMode;
  /** For auth "bad": which bad credential. */
  badAuth?: string;
  method: string;
  /** Path and query string. */
  path: string;
  headers: Record<string, string | string[]>;
  body?: string | Uint8Array | { chunks: Uint8Array[] };
  /** Raw bytes (latin1) written to a socket instead; "\u0001KEY\u0001" becomes the key. */
  raw?: string;
  /** Sentinel requests are invalid by construction: they must be refused (errors, or 4xx). */
  mustRefuse?: boolean;
  /** Valid but for a NUL or lone surrogate string: must be a top-level BAD_USER_INPUT (6.7.4). */
  expectBadUserInput?: boolean;
  /** An unsupported method on /graphql: 405 with Allow (6.7.4). */
  expect405?: boolean;
}

// ---------------------------------------------------------------------------------------
// Values.

/** Words a response may legitimately echo back are checked against the request, but the
 * generator never writes the internals markers itself. */
const WORDS = ['Acme', 'KYC', 'flow', 'back office', 'crm-42', 'x', 'name', 'test', 'DOCUMENT', 'SELFIE', 'LIVENESS', 'okta', 'entra'];

const ODD_PIECES = [
  '',
  ' ',
  '   padded   ',
  '\t\n\r',
  '\u0001\u001f\u007f',
  '\u00ff\u00fe',
  'é',
  'e\u0301',
  '\u200b\u200d',
  '\ufeff',
  '\u2028\u2029',
  '\u202eevil',
  '😀',
  '𝕏𝕐',
  '\uffff\ufffe',
  '\\',
  '"',
  "'",
  '`',
  '%',
  '_',
  '\\%_',
  "' OR '1'='1",
  '"; DROP TABLE "Integration"; --',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  '0x10',
  '../../etc/passwd',
  'int_01jzzzzzzzzzzzzzzzzzzzzzzz',
  'iapi_',
  '••••',
  'ÿ'.repeat(20),
  'A'.repeat(101),
  'ß'.repeat(60),
];

const BAD_PIECES = ['\u0000', 'a\u0000b', '\u0000\u0000', '\ud800', '\udfff', 'x\ud83d', '\ude00y', '\udc00\ud800', '\ud800\u0000'];

/** A string that is not too odd: a valid-looking value. */
export function saneString(rng: Rng): string {
  const n = rng.range(1, 3);
  return Array.from({ length: n }, () => rng.pick(WORDS)).join(' ') + (rng.chance(0.5) ? ` ${rng.int(100000)}` : '');
}

/** Any string: sane, odd, sometimes NUL or a lone surrogate (when `bad`), sometimes long. */
export function oddString(rng: Rng, bad = 0.15): string {
  const roll = rng.next();
  if (roll < 0.25) return saneString(rng);
  if (roll < 0.3) return rng.pick(['a', 'x', 'é', '😀']).repeat(rng.pick([101, 256, 1000, 3000, 10_000]));
  const n = rng.range(1, 3);
  let out = '';
  for (let i = 0; i < n; i++) out += rng.chance(bad) ? rng.pick(BAD_PIECES) : rng.chance(0.5) ? rng.pick(ODD_PIECES) : rng.pick(WORDS);
  return out;
}

export function badString(rng: Rng): string {
  const bad = rng.pick(BAD_PIECES);
  return rng.pick([bad, `${saneString(rng)}${bad}`, `${bad}${saneString(rng)}`, `${saneString(rng)}${bad}${saneString(rng)}`]);
}

function ulidish(rng: Rng): string {
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  return `01${Array.from({ length: 24 }, () => alphabet[rng.int(alphabet.length)]).join('')}`;
}

type IdHint = 'workflow' | 'integration' | 'directoryIntegration' | 'session' | 'apiKey' | 'directoryUser' | 'any';

const PREFIX: Record<IdHint, string> = {
  workflow: 'wf',
  integration: 'int',
  directoryIntegration: 'int',
  session: 'ses',
  apiKey: 'key',
  directoryUser: 'dus',
  any: 'org',
};

function poolFor(ids: OrgIds, hint: IdHint): string[] {
  switch (hint) {
    case 'workflow':
      return ids.workflows;
    case 'integration':
      return ids.integrations;
    case 'directoryIntegration':
      return ids.directoryIntegrations;
    case 'session':
      return ids.sessions;
    case 'apiKey':
      return ids.apiKeys;
    case 'directoryUser':
      return [];
    default:
      return [...ids.workflows, ...ids.integrations, ...ids.sessions, ...ids.syncs];
  }
}

export function idValue(rng: Rng, ctx: FuzzContext, hint: IdHint, sane: boolean): string {
  const own = poolFor(ctx.own, hint);
  const foreign = poolFor(ctx.foreign, hint);
  const roll = rng.next();
  if (sane || roll < 0.45) {
    if (own.length) return rng.pick(own);
  }
  if (roll < 0.65 && foreign.length) return rng.pick(foreign);
  if (roll < 0.8) return `${rng.pick([PREFIX[hint], 'wf', 'int', 'ses', 'key', 'dus', 'org', 'sync', 'nope'])}_${ulidish(rng)}`;
  const real = own.length ? rng.pick(own) : `int_${ulidish(rng)}`;
  return rng.pick([
    '',
    ' ',
    real.toUpperCase(),
    `${real} `,
    real.slice(0, -1),
    `${real}0`,
    `${real}\u0000`,
    'int_',
    '_',
    'int_01ILLEGALCHARSOUUUUUUUUUU',
    'int_' + 'z'.repeat(500),
    '1',
    '-1',
    'null',
    '😀',
    oddString(rng),
  ]);
}

const CURSOR_JUNK = [
  '',
  'abc',
  '====',
  'R1BDOlM6',
  'R1BDOlM6aW50XzAx',
  'R1BDOk46MTIz',
  'R1BDOko6e30=',
  Buffer.from('GPC:S:int_').toString('base64'),
  '%%%',
  '\u0000',
];

function cursorValue(rng: Rng, ctx: FuzzContext, sane: boolean): string {
  if ((sane || rng.chance(0.4)) && ctx.own.cursors.length) return rng.pick(ctx.own.cursors);
  if (rng.chance(0.3) && ctx.foreign.cursors.length) return rng.pick(ctx.foreign.cursors);
  if (rng.chance(0.3))
    return Buffer.from(`GPC:${rng.pick(['S', 'N', 'J', 'D', 'X'])}:${rng.pick([`int_${ulidish(rng)}`, '{}', '1', '', oddString(rng, 0)])}`).toString(
      'base64',
    );
  return rng.pick([...CURSOR_JUNK, oddString(rng)]);
}

const TEMPLATE_KEYS = ['API', 'OIDC_CLIENT_CREDENTIALS', 'OKTA', 'MICROSOFT_ENTRA'];
/** The only reachable URL a directory may get: refused at once on loopback, no outbound wait. */
const SAFE_URL = 'http://127.0.0.1:9';
const BAD_URLS = [
  'not a url',
  'ftp://example.test/x',
  'javascript:alert(1)',
  '',
  'http://',
  'http://[::1',
  'file:///etc/passwd',
  '//x',
  'http:// spaces .test',
];

function configValue(rng: Rng, templateKey: string | undefined, sane: boolean): unknown {
  const key = templateKey && TEMPLATE_KEYS.includes(templateKey) ? templateKey : rng.pick(TEMPLATE_KEYS);
  const str = () => (sane ? saneString(rng) : oddString(rng));
  const url = () => (sane || rng.chance(0.5) ? SAFE_URL : rng.pick(BAD_URLS));
  let config: Record<string, unknown>;
  switch (key) {
    case 'OKTA':
      config = { orgUrl: url(), apiToken: rng.chance(0.8) ? `okta-token-${rng.int(1e6)}` : str() };
      break;
    case 'MICROSOFT_ENTRA':
      // Both URLs always set: the defaults are on the internet.
      config = { tenantId: str(), clientId: str(), clientSecret: str(), authorityUrl: url(), graphUrl: url() };
      break;
    case 'OIDC_CLIENT_CREDENTIALS':
      config = rng.chance(0.5)
        ? {}
        : {
            redirectUris: Array.from({ length: rng.range(0, 3) }, () =>
              rng.pick(['https://app.example.test/cb', 'http://localhost:3000/cb', ...BAD_URLS]),
            ),
          };
      break;
    default:
      config = {};
  }
  if (sane) return config;
  const roll = rng.next();
  if (roll < 0.1) return rng.pick([[], 'config', 42, true, [config], null]);
  if (roll < 0.25)
    config[rng.pick(['unknown', 'orgUrl', '__proto__', 'constructor', '', 'a b', oddString(rng)])] = rng.pick([
      1,
      'x',
      null,
      [],
      {},
      oddString(rng),
      { nested: { deeper: [oddString(rng)] } },
    ]);
  if (roll < 0.35) {
    const field = rng.pick(Object.keys(config));
    // A wrong type for a known field, never a reachable URL.
    if (field) config[field] = rng.pick([1, true, [], {}, ['a'], 1.5, -1, oddString(rng)]);
  }
  return config;
}

/** JS value of an enum, so the literal printer writes it bare. */
export class EnumValue {
  constructor(readonly name: string) {}
  toJSON() {
    return this.name;
  }
}

/** GraphQL literal text for a value. */
export function printLiteral(value: unknown, rng: Rng): string {
  if (value instanceof EnumValue) return value.name;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return printStringLiteral(value, rng);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => printLiteral(item, rng)).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${/^[_A-Za-z][_0-9A-Za-z]*$/.test(k) ? k : JSON.stringify(k)}: ${printLiteral(v, rng)}`);
    return `{${entries.join(', ')}}`;
  }
  return 'null';
}

function printStringLiteral(value: string, rng: Rng): string {
  const roll = rng.next();
  // JSON escapes: \u0000 is a valid GraphQL escape (a NUL value), \ud800 alone is not.
  if (roll < 0.75) return JSON.stringify(value);
  if (roll < 0.9) return `"${value.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
  return `"""${value.replace(/"""/g, '\\"""')}"""`;
}

// ---------------------------------------------------------------------------------------
// Documents from the schema.

export const schema: GraphQLSchema = buildSchema(readFileSync(path.join(ROOT, 'schema.graphql'), 'utf8'));

interface VarDef {
  name: string;
  type: string;
  inputType: GraphQLInputType;
  value: unknown;
  omit?: boolean;
}

export interface BuiltDocument {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
  /** Whether a NUL or lone surrogate was put in a used String/ID/JSON position. */
  poisoned: boolean;
  vars: VarDef[];
  operationType: 'query' | 'mutation' | 'subscription';
}

interface BuildOptions {
  /** Valid values (the document should execute). */
  sane: boolean;
  /** Put exactly one NUL / lone surrogate in a used String, ID or JSON position. */
  poison?: boolean;
  operationType?: 'query' | 'mutation' | 'subscription';
  /** Longest strings: a huge one somewhere. */
  hugeString?: number;
  maxDepth?: number;
}

function idHintFor(parent: string, field: string): IdHint {
  const key = `${parent}.${field}`;
  if (/workflowId$/.test(field) || /Workflow/.test(parent)) return 'workflow';
  if (field === 'sessionId' || /Session/.test(parent)) return 'session';
  if (field === 'directoryUserId' || parent === 'Query.directoryUser') return 'directoryUser';
  if (/RevokeApiKey/.test(parent)) return 'apiKey';
  if (/StartDirectorySync|directorySyncProgress|directoryUsers/.test(key)) return 'directoryIntegration';
  if (/integrationId$/.test(field) || /Integration/.test(parent) || parent === 'Query.integration') return 'integration';
  return 'any';
}

class DocumentBuilder {
  vars: VarDef[] = [];
  poisoned = false;
  private hugeLeft: number;

  constructor(
    readonly rng: Rng,
    readonly ctx: FuzzContext,
    readonly options: BuildOptions,
  ) {
    this.hugeLeft = options.hugeString ?? 0;
  }

  private stringLeaf(parent: string, field: string, scalar: string, sane: boolean): string {
    const { rng } = this;
    if (this.options.poison && !this.poisoned && ['String', 'ID'].includes(scalar)) {
      this.poisoned = true;
      return badString(rng);
    }
    if (this.hugeLeft > 0 && ['String', 'ID'].includes(scalar)) {
      const size = this.hugeLeft;
      this.hugeLeft = 0;
      return rng.pick(['x', 'é', '😀', 'a\u0000']).repeat(Math.max(1, Math.floor(size / 4)));
    }
    if (scalar === 'ID') return idValue(rng, this.ctx, idHintFor(parent, field), sane);
    if (field === 'after' || field === 'before') return cursorValue(rng, this.ctx, sane);
    if (field === 'templateKey') return sane || rng.chance(0.7) ? rng.pick(TEMPLATE_KEYS) : rng.pick(['api', 'NOPE', '', oddString(rng)]);
    if (scalar === 'EmailAddress')
      return sane || rng.chance(0.5) ? `person${rng.int(1000)}@example.test` : rng.pick(['not-an-email', '@', 'a@', oddString(rng)]);
    // A webhook endpoint's URL is called: only the loopback address that refuses at once.
    if (scalar === 'URL' && field === 'url') return sane || rng.chance(0.5) ? SAFE_URL : rng.pick(BAD_URLS);
    if (scalar === 'URL')
      return sane || rng.chance(0.5) ? rng.pick(['https://app.example.test/cb', 'https://app.example.test/done?x=1']) : rng.pick(BAD_URLS);
    if (scalar === 'DateTime') return sane ? new Date(0).toISOString() : rng.pick(['2024-13-45T99:99:99Z', 'yesterday', '', '0']);
    if (field === 'idempotencyKey' && !sane && rng.chance(0.3)) return 'k'.repeat(rng.pick([200, 3000, 10_000]));
    return sane ? saneString(rng) : oddString(rng);
  }

  /** A value (JS) for an input type. */
  inputValue(type: GraphQLInputType, parent: string, field: string, sane: boolean, depth = 0): unknown {
    const { rng } = this;
    if (type instanceof GraphQLNonNull) return this.inputValue(type.ofType, parent, field, sane, depth);
    if (type instanceof GraphQLList) {
      if (!sane && rng.chance(0.1)) return this.inputValue(type.ofType, parent, field, sane, depth + 1); // a single item coerces to a list
      const n = field === 'steps' ? rng.range(sane ? 1 : 0, sane ? 3 : 60) : rng.range(0, 3);
      return Array.from({ length: n }, () =>
        field === 'steps' && (sane || rng.chance(0.6))
          ? rng.pick(['DOCUMENT', 'SELFIE', 'LIVENESS'])
          : this.inputValue(type.ofType, parent, field, sane, depth + 1),
      );
    }
    if (type instanceof GraphQLEnumType) {
      const values = type.getValues().map((v) => v.name);
      return new EnumValue(rng.pick(values));
    }
    if (type instanceof GraphQLInputObjectType) {
      const out: Record<string, unknown> = {};
      const fields = Object.values(type.getFields());
      // Config follows templateKey when both are present.
      let templateKey: string | undefined;
      for (const f of fields) {
        const required = f.type instanceof GraphQLNonNull;
        if (!required && !(rng.chance(sane ? 0.5 : 0.6) || f.name === 'config')) continue;
        if (f.name === 'config') continue;
        out[f.name] = this.inputValue(f.type, type.name, f.name, sane, depth + 1);
        if (f.name === 'templateKey') templateKey = out[f.name] as string;
      }
      if (fields.some((f) => f.name === 'config') && (rng.chance(0.7) || type.name.startsWith('Create'))) {
        out.config = configValue(rng, templateKey, sane);
        if (this.options.poison && !this.poisoned && rng.chance(0.3)) {
          this.poisoned = true;
          (out as Record<string, unknown>).config = {
            ...(typeof out.config === 'object' && out.config ? out.config : {}),
            [rng.chance(0.5) ? 'apiToken' : 'x\u0000']: badString(rng),
          };
        }
      }
      return out;
    }
    if (type instanceof GraphQLScalarType) {
      switch (type.name) {
        case 'Int':
          if (field === 'first' || field === 'last')
            return sane ? rng.range(0, 20) : rng.pick([-1, 0, 1, 5, 20, 100, 101, 1000, 2 ** 31 - 1, -(2 ** 31)]);
          return rng.range(-5, 100);
        case 'Float':
          return rng.next() * 100;
        case 'Boolean':
          return rng.chance(0.5);
        case 'JSON':
          return configValue(rng, undefined, sane);
        default:
          return this.stringLeaf(parent, field, type.name, sane);
      }
    }
    return null;
  }

  private argText(parentName: string, arg: GraphQLArgument): string {
    const { rng } = this;
    const value = this.inputValue(arg.type, parentName, arg.name, this.options.sane);
    if (rng.chance(0.45)) {
      const name = `v${this.vars.length}`;
      this.vars.push({ name, type: String(arg.type), inputType: arg.type, value });
      return `${arg.name}: $${name}`;
    }
    return `${arg.name}: ${printLiteral(value, rng)}`;
  }

  private args(parentName: string, field: GraphQLField<unknown, unknown>, all: boolean): string {
    const chosen = field.args.filter((arg) => arg.type instanceof GraphQLNonNull || all || this.rng.chance(this.options.sane ? 0.3 : 0.4));
    if (!chosen.length) return '';
    return `(${chosen.map((arg) => this.argText(`${parentName}.${field.name}`, arg)).join(', ')})`;
  }

  /** `prefix`: aliases for the fields of an inline fragment, so that same-named fields of
   * different types (Integration.workflow vs OnboardingSession.workflow) never conflict. */
  selection(type: GraphQLOutputType, depth: number, prefix?: string): string {
    const { rng } = this;
    const named = getNamedType(type) as GraphQLNamedType;
    if (isLeafType(named)) return '';
    const maxDepth = this.options.maxDepth ?? 4;
    if (named instanceof GraphQLInterfaceType || named instanceof GraphQLUnionType) {
      const possible = schema.getPossibleTypes(named);
      const parts = ['__typename'];
      if (named instanceof GraphQLInterfaceType) parts.push('id');
      for (const object of rng.shuffle([...possible]).slice(0, rng.range(1, 2)))
        parts.push(
          `... on ${object.name} ${this.selection(object, depth + 1, `${object.name[0].toLowerCase()}${object.name.slice(1)}_`) || '{ __typename }'}`,
        );
      return `{ ${parts.join(' ')} }`;
    }
    const object = named as GraphQLObjectType;
    const fields = Object.values(object.getFields());
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)) && !f.args.some((a) => a.type instanceof GraphQLNonNull));
    const pool = depth >= maxDepth ? leaves : fields;
    const picked = new Set<GraphQLField<unknown, unknown>>();
    const userErrors = fields.find((f) => f.name === 'userErrors');
    if (userErrors && rng.chance(0.8)) picked.add(userErrors);
    const count = rng.range(1, Math.min(4, Math.max(1, pool.length)));
    for (let i = 0; i < count && pool.length; i++) picked.add(rng.pick(pool));
    const parts: string[] = [];
    if (!picked.size || rng.chance(0.1)) parts.push('__typename');
    for (const field of picked) {
      const alias = prefix ? `${prefix}${field.name}: ` : rng.chance(0.08) ? `a${rng.int(1000)}_${field.name}: ` : '';
      parts.push(`${alias}${field.name}${this.args(object.name, field, false)} ${this.selection(field.type, depth + 1)}`.trim());
    }
    return `{ ${parts.join(' ')} }`;
  }

  /** One root field with its arguments and selection. */
  rootField(root: GraphQLObjectType, field: GraphQLField<unknown, unknown>): string {
    const alias = this.rng.chance(0.1) ? `r${this.rng.int(100)}_${field.name}: ` : '';
    return `${alias}${field.name}${this.args(root.name, field, false)} ${this.selection(field.type, 1)}`.trim();
  }
}

/** Root fields that take a String/ID somewhere in their arguments (where a poison can go). */
function takesStrings(field: GraphQLField<unknown, unknown>): boolean {
  const seen = new Set<string>();
  const walk = (type: GraphQLInputType): boolean => {
    const named = getNamedType(type);
    if (named instanceof GraphQLScalarType) return ['String', 'ID'].includes(named.name);
    if (named instanceof GraphQLInputObjectType) {
      if (seen.has(named.name)) return false;
      seen.add(named.name);
      return Object.values(named.getFields()).some((f) => f.type instanceof GraphQLNonNull && walk(f.type));
    }
    return false;
  };
  return field.args.some((arg) => arg.type instanceof GraphQLNonNull && walk(arg.type));
}

export function buildDocument(rng: Rng, ctx: FuzzContext, options: BuildOptions): BuiltDocument {
  const operationType =
    options.operationType ??
    rng.weighted([
      ['query', 55],
      ['mutation', 40],
      ['subscription', 5],
    ] as const);
  const root = (
    operationType === 'query' ? schema.getQueryType() : operationType === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType()
  )!;
  let fields = Object.values(root.getFields());
  if (options.poison) fields = fields.filter(takesStrings);
  const builder = new DocumentBuilder(rng, ctx, options);
  const count = operationType === 'query' && !options.poison ? rng.range(1, 3) : 1;
  const chosen = rng.shuffle([...fields]).slice(0, count);
  const body = chosen.map((field) => builder.rootField(root, field)).join(' ');
  const named = rng.chance(0.4);
  const operationName = named ? `Fuzz${rng.int(1000)}` : undefined;
  const varDefs = builder.vars.map((v) => `$${v.name}: ${v.type}`);
  const head =
    named || varDefs.length || operationType !== 'query' || rng.chance(0.3)
      ? `${operationType}${named ? ` ${operationName}` : ''}${varDefs.length ? `(${varDefs.join(', ')})` : ''} `
      : '';
  const query = `${head}{ ${body} }`;
  // Through JSON and back: enum values become their names, as they travel.
  const variables = JSON.parse(JSON.stringify(Object.fromEntries(builder.vars.map((v) => [v.name, v.value])))) as Record<string, unknown>;
  return {
    query,
    variables,
    operationName: named && rng.chance(0.7) ? operationName : undefined,
    poisoned: builder.poisoned,
    vars: builder.vars,
    operationType,
  };
}

// ---------------------------------------------------------------------------------------
// Mutations of document text.

const PUNCTUATION = ['{', '}', '(', ')', '[', ']', ':', '!', '$', '@', '.', '...', ',', '|', '&', '=', '#', '"', '"""', '\\'];
const KEYWORDS = ['query', 'mutation', 'subscription', 'fragment', 'on', 'schema', 'type', 'extend', 'directive', 'input'];
const DIRECTIVES = [
  '@skip(if: true)',
  '@include(if: false)',
  '@skip(if: "yes")',
  '@include(if: $nope)',
  '@deprecated',
  '@nope',
  '@specifiedBy(url: "x")',
  '@defer',
  '@stream(initialCount: 1)',
  '@skip',
  '@skip(if: true) @skip(if: true)',
];
const LITERALS = [
  '123',
  '-1',
  '1.5',
  '1e400',
  '"s"',
  '""',
  'true',
  'null',
  '[1, 2]',
  '[[]]',
  '{a: 1}',
  '{}',
  'ACTIVE',
  'NOPE',
  '$undefinedVar',
  '"\\u0000"',
  '"\\ud800"',
  '9007199254740993',
];
const TYPES = ['Int', 'Int!', 'String', '[String!]!', 'ID!', 'Boolean', 'JSON', 'Nope', 'CreateWorkflowInput', 'Integration', '[[ID]]'];

/** One to three random edits of a document's text. */
export function mutateDocument(rng: Rng, text: string): string {
  let out = text;
  const edits = rng.range(1, 3);
  for (let e = 0; e < edits; e++) {
    const kind = rng.int(11);
    const pos = rng.int(out.length + 1);
    switch (kind) {
      case 0: {
        // typo in a name
        const names = [...out.matchAll(/[_A-Za-z][_0-9A-Za-z]*/g)];
        if (!names.length) break;
        const m = rng.pick(names);
        const name = m[0];
        const variants = [
          name.slice(0, -1),
          `${name}x`,
          name.toUpperCase(),
          name[0] === name[0].toLowerCase() ? name[0].toUpperCase() + name.slice(1) : name[0].toLowerCase() + name.slice(1),
          `${name}_`,
          rng.pick(Object.keys(schema.getTypeMap())),
          rng.pick(['id', 'name', '__typename', '__schema', '__type', 'viewer', 'node', 'edges']),
        ];
        out = out.slice(0, m.index!) + rng.pick(variants) + out.slice(m.index! + name.length);
        break;
      }
      case 1: {
        // another literal
        const literals = [...out.matchAll(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|\btrue\b|\bfalse\b|\bnull\b/g)];
        if (!literals.length) break;
        const m = rng.pick(literals);
        out = out.slice(0, m.index!) + rng.pick(LITERALS) + out.slice(m.index! + m[0].length);
        break;
      }
      case 2:
        out = out.slice(0, pos) + out.slice(pos + rng.range(1, 20));
        break;
      case 3:
        out = out.slice(0, pos) + rng.pick(PUNCTUATION) + out.slice(pos);
        break;
      case 4: {
        const len = rng.range(1, 40);
        out = out.slice(0, pos) + out.slice(pos, pos + len) + out.slice(pos);
        break;
      }
      case 5: {
        const m = [...out.matchAll(/\b(query|mutation|subscription)\b/g)];
        if (m.length) {
          const hit = rng.pick(m);
          out = out.slice(0, hit.index!) + rng.pick(KEYWORDS) + out.slice(hit.index! + hit[0].length);
        } else out = `${rng.pick(KEYWORDS)} ${out}`;
        break;
      }
      case 6: {
        // a directive after a name
        const names = [...out.matchAll(/[_A-Za-z][_0-9A-Za-z]*(?=\s*[{}])/g)];
        if (!names.length) break;
        const m = rng.pick(names);
        const at = m.index! + m[0].length;
        out = `${out.slice(0, at)} ${rng.pick(DIRECTIVES)}${out.slice(at)}`;
        break;
      }
      case 7:
        out += rng.pick([
          ' }',
          ' {',
          ' query { viewer { apiKey { id } } }',
          ' { viewer { organization { id } } }',
          ' fragment X on Query { viewer { apiKey { id } } }',
          ' ...X',
          ' query Fuzz0 { __typename }',
          ' extend type Query { x: Int }',
          ' schema { query: Query }',
        ]);
        break;
      case 8: {
        const m = [...out.matchAll(/\$\w+: ([^,)=]+)/g)];
        if (!m.length) break;
        const hit = rng.pick(m);
        const start = hit.index! + hit[0].length - hit[1].length;
        out = out.slice(0, start) + rng.pick(TYPES) + out.slice(hit.index! + hit[0].length);
        break;
      }
      case 9:
        out = out.slice(0, pos) + rng.pick(['\u0000', '\ud800', '\u00a0', '\u2028', '\ufeff', '😀', '\u0007', '\r', 'é']) + out.slice(pos);
        break;
      default:
        out = out.slice(0, rng.int(out.length));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Special documents.

export function deepSelection(depth: number, field = 'node'): string {
  return `{ ${`${field} { `.repeat(depth)}id${' }'.repeat(depth)} }`;
}

/** A real path in the schema, repeated: nesting that only the depth limit refuses. */
export function deepRealQuery(depth: number, integrationId: string): string {
  // Integration.onboardingSessions.edges.node.integration... : 4 levels per round.
  let inner = 'id';
  for (let d = 0; d < depth; d++) inner = `onboardingSessions(first: 1) { edges { node { integration { ${inner} } } } }`;
  return `{ integration(id: ${JSON.stringify(integrationId)}) { ${inner} } }`;
}

export function nestedList(depth: number, open = '[', close = ']', leaf = '1'): string {
  return `${open.repeat(depth)}${leaf}${close.repeat(depth)}`;
}

/** JSON text nested `depth` deep (as text: JSON.stringify itself would overflow the stack). */
export function nestedJsonText(depth: number, rng: Rng): string {
  const opens: string[] = [];
  for (let i = 0; i < depth; i++) opens.push(rng.chance(0.5) ? '[' : '{"a":');
  const leaf = rng.pick(['"x"', '1', 'null', '"\\u0000"', '"\\ud800"']);
  return (
    opens.join('') +
    leaf +
    opens
      .reverse()
      .map((o) => (o === '[' ? ']' : '}'))
      .join('')
  );
}

export function aliases(count: number, field: string): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
}

export function circularFragments(rng: Rng): string {
  const variants = [
    '{ viewer { ...A } } fragment A on Viewer { ...B } fragment B on Viewer { ...A }',
    '{ viewer { ...A } } fragment A on Viewer { organization { id } ...A }',
    '{ ...Q } fragment Q on Query { viewer { organization { id } } ...Q }',
    '{ viewer { ...A } } fragment A on Viewer { ...B } fragment B on Viewer { ...C } fragment C on Viewer { apiKey { id } ...A }',
    '{ viewer { ...A } } fragment A on Viewer { ... on Viewer { ...A } }',
    '{ viewer { ...A } } fragment A on Viewer { organization { ...O } } fragment O on Organization { id } fragment B on Viewer { ...B }',
    'query { viewer { ...A } } fragment A on Viewer { ...A @skip(if: true) }',
  ];
  if (rng.chance(0.3)) {
    // A long chain that closes into a cycle.
    const n = rng.range(3, 60);
    const frags = Array.from({ length: n }, (_, i) => `fragment F${i} on Viewer { ...F${(i + 1) % n} }`);
    return `{ viewer { ...F0 } } ${frags.join(' ')}`;
  }
  if (rng.chance(0.2)) {
    // Fragments spreading each other many times (an exponential expansion, no cycle).
    const n = rng.range(5, 25);
    const frags = Array.from({ length: n }, (_, i) =>
      i === n - 1 ? `fragment F${i} on Viewer { apiKey { id } }` : `fragment F${i} on Viewer { ...F${i + 1} ...F${i + 1} }`,
    );
    return `{ viewer { ...F0 } } ${frags.join(' ')}`;
  }
  return rng.pick(variants);
}

// ---------------------------------------------------------------------------------------
// Sending, reading, checking.

export interface FuzzResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** A connection error or timeout instead of a response. */
  error?: string;
  ms: number;
}

/** Client addresses on loopback for the fuzz, so its failed authentications (limited per
 * address) never spend the budget of other test files, which connect from 127.0.0.1. */
export class AgentPool {
  private agents: Agent[];
  private next = 0;

  constructor(
    readonly seedByte: number,
    count = 48,
  ) {
    this.agents = Array.from(
      { length: count },
      (_, i) => new Agent({ localAddress: this.address(i), connections: 4, keepAliveTimeout: 2_000, headersTimeout: 30_000, bodyTimeout: 30_000 }),
    );
  }

  address(i: number): string {
    return `127.${100 + (this.seedByte % 100)}.${1 + Math.floor(i / 200)}.${1 + (i % 200)}`;
  }

  take(): { agent: Agent; localAddress: string } {
    const i = this.next++ % this.agents.length;
    return { agent: this.agents[i], localAddress: this.address(i) };
  }

  async close() {
    await Promise.all(this.agents.map((agent) => agent.close().catch(() => {})));
  }
}

const STREAMING = /text\/event-stream|multipart\/mixed/i;
const MAX_READ = 4 * 1024 * 1024;

export async function sendHttp(
  base: string,
  req: FuzzRequest,
  headers: Record<string, string | string[]>,
  pool: AgentPool,
  timeoutMs = 30_000,
): Promise<FuzzResponse> {
  const started = Date.now();
  const { agent } = pool.take();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let body: string | Uint8Array | Readable | undefined;
    // Chunks: a streamed body without a content-length (transfer-encoding: chunked).
    if (req.body && typeof req.body === 'object' && 'chunks' in req.body) body = Readable.from(req.body.chunks);
    else body = req.body as string | Uint8Array | undefined;
    const response = await request(`${base}${req.path}`, {
      method: req.method as 'GET',
      headers,
      body,
      dispatcher: agent,
      signal: controller.signal,
    });
    const streaming = STREAMING.test(String(response.headers['content-type'] ?? ''));
    const chunks: Buffer[] = [];
    let size = 0;
    const streamTimer = streaming ? setTimeout(() => response.body.destroy(), 2_000) : undefined;
    try {
      for await (const chunk of response.body) {
        chunks.push(chunk as Buffer);
        size += (chunk as Buffer).length;
        // A stream: its first event is enough.
        if (size > MAX_READ || (streaming && /\n\n|\r\n--/.test(Buffer.concat(chunks).toString('utf8')) && size > 0 && chunks.length > 1)) {
          response.body.destroy();
          break;
        }
      }
    } catch {
      // destroyed on purpose (a stream), or cut off
    } finally {
      clearTimeout(streamTimer);
    }
    return { status: response.statusCode, headers: response.headers, text: Buffer.concat(chunks).toString('utf8'), ms: Date.now() - started };
  } catch (error) {
    const message = controller.signal.aborted
      ? `no answer within ${timeoutMs} ms`
      : `${(error as { code?: string }).code ?? ''} ${(error as Error).message}`.trim();
    return { status: 0, headers: {}, text: '', error: message, ms: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

export async function sendRaw(host: string, port: number, bytes: Buffer, localAddress: string, timeoutMs = 10_000): Promise<FuzzResponse> {
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, localAddress });
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (error?: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      const headerEnd = text.indexOf('\r\n\r\n');
      const headers: Record<string, string> = {};
      for (const line of text
        .slice(0, headerEnd < 0 ? text.length : headerEnd)
        .split('\r\n')
        .slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({
        status: match ? Number(match[1]) : 0,
        headers,
        text: Buffer.from(text, 'latin1').toString('utf8'),
        error: match ? undefined : (error ?? (chunks.length ? 'unparsable response' : 'connection closed without a response')),
        ms: Date.now() - started,
      });
    };
    const timer = setTimeout(() => finish('no answer (raw)'), timeoutMs);
    socket.on('data', (d) => {
      chunks.push(d);
      const text = Buffer.concat(chunks).toString('latin1');
      // One response is enough; for a response with a length, stop once it is complete.
      const headerEnd = text.indexOf('\r\n\r\n');
      if (headerEnd >= 0) {
        const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, headerEnd));
        if (length && Buffer.byteLength(text.slice(headerEnd + 4), 'latin1') >= Number(length[1])) finish();
        if (/\r\ntransfer-encoding: *chunked/i.test(text.slice(0, headerEnd)) && text.endsWith('0\r\n\r\n')) finish();
      }
    });
    socket.on('error', (e) => finish(`${(e as { code?: string }).code ?? ''} ${e.message}`));
    socket.on('close', () => finish());
    socket.write(bytes);
  });
}

// Internals that must never reach a caller. Each counts only when the request did not itself
// contain it (an error message may quote the caller's own input).
export const LEAK_PATTERNS: [string, RegExp][] = [
  ['stack frame', /(?:^|\\n|\n)\s*at [^\n"]*?\(?(?:file:\/\/|\/|node:)[^\s)"]*:\d+:\d+\)?/],
  ['stack frame', / {4}at /],
  ['Prisma', /prisma/i],
  ['node_modules', /node_modules/],
  ['SQL', /SELECT /],
  ['/work/', /\/work\//],
  ['.ts:', /\.ts:/],
];

export function leaksIn(responseText: string, requestText: string): string[] {
  return LEAK_PATTERNS.filter(([, re]) => re.test(responseText) && !re.test(requestText)).map(([name]) => name);
}

export function errorCodes(text: string): string[] {
  return [...new Set([...text.matchAll(/"code"\s*:\s*"([A-Z_]+)"/g)].map((m) => m[1]))];
}

// ---------------------------------------------------------------------------------------
// Is the server's process still the same and alive: the process listening on its port.

export function listeningPid(port: number): number | undefined {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length > 9 && cols[1].endsWith(`:${hex}`) && cols[3] === '0A') inodes.add(cols[9]);
    }
  }
  if (!inodes.size) return undefined;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${entry}/fd/${fd}`));
        if (m && inodes.has(m[1])) return Number(entry);
      } catch {
        // gone meanwhile
      }
    }
  }
  return undefined;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------
// Requests.

export interface Contexts {
  /** As the fuzz organization: its own IDs, the sentinel's as foreign ones. */
  fuzz: FuzzContext;
  /** As the sentinel organization. */
  sentinel: FuzzContext;
}

const ACCEPTS = [
  'application/graphql-response+json, application/json',
  'application/graphql-response+json',
  'application/json',
  '*/*',
  'application/graphql-response+json;q=0.9, application/json;q=0.8',
  'text/event-stream',
  'multipart/mixed',
  'application/xml',
  'text/html',
  '',
  'image/png',
  'application/json; charset=latin1',
];

function accept(rng: Rng, sane = false): Record<string, string> {
  if (sane || rng.chance(0.7)) return { accept: 'application/graphql-response+json, application/json' };
  const value = rng.pick(ACCEPTS);
  return value ? { accept: value } : {};
}

/** A GraphQL-over-HTTP request body; `variables` is whatever the generator put there (wrong on purpose, at times). */
interface RequestBody {
  query: string;
  variables?: unknown;
  operationName?: string;
}

function jsonBody(doc: RequestBody): string {
  const body: RequestBody = { query: doc.query };
  if (doc.variables && Object.keys(doc.variables).length) body.variables = doc.variables;
  if (doc.operationName) body.operationName = doc.operationName;
  return JSON.stringify(body);
}

function post(index: number, kind: string, auth: AuthMode, body: string | Uint8Array, headers: Record<string, string | string[]> = {}): FuzzRequest {
  return { index, kind, auth, method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', ...headers }, body };
}

/** encodeURIComponent, but a lone surrogate becomes its (invalid) three UTF-8-style bytes
 * instead of an exception: odd input for the server's query-string decoding. */
function encodeLoose(text: string): string {
  return text.replace(/[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g, (ch) => {
    const u = ch.charCodeAt(0);
    if (ch.length === 1 && u >= 0xd800 && u <= 0xdfff) {
      return [0xe0 | (u >> 12), 0x80 | ((u >> 6) & 0x3f), 0x80 | (u & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    }
    return encodeURIComponent(ch);
  });
}

function getRequest(index: number, kind: string, auth: AuthMode, params: [string, string][], headers: Record<string, string> = {}): FuzzRequest {
  const query = params.map(([k, v]) => `${encodeLoose(k)}=${encodeLoose(v)}`).join('&');
  return { index, kind, auth, method: 'GET', path: `/graphql${query ? `?${query}` : ''}`, headers };
}

/** A value no coercion accepts for this type (never for JSON, which takes anything). */
export function definitelyInvalid(type: GraphQLInputType): unknown | undefined {
  if (type instanceof GraphQLNonNull) return null;
  if (type instanceof GraphQLList) {
    const inner = definitelyInvalid(type.ofType instanceof GraphQLNonNull ? type.ofType.ofType : type.ofType);
    return inner === undefined ? undefined : [inner];
  }
  if (type instanceof GraphQLInputObjectType) return 42;
  if (type instanceof GraphQLEnumType) return 'NOT_A_VALUE_OF_THIS_ENUM';
  switch ((type as GraphQLScalarType).name) {
    case 'Int':
      return 'abc';
    case 'Float':
      return 'x';
    case 'Boolean':
      return 'yes';
    case 'String':
    case 'ID':
      return { not: 'a string' };
    case 'EmailAddress':
      return 'not-an-email';
    case 'URL':
      return '::';
    case 'DateTime':
      return 'not a date';
    default:
      return undefined;
  }
}

function wrongVariables(rng: Rng, doc: BuiltDocument): { variables: unknown; guaranteed: boolean } {
  const variables: Record<string, unknown> = { ...doc.variables };
  const candidates = doc.vars.filter((v) => definitelyInvalid(v.inputType) !== undefined);
  const roll = rng.next();
  if (roll < 0.1)
    return {
      variables: rng.pick([[], 'variables', 42, true, [doc.variables]]),
      guaranteed: doc.vars.some((v) => v.inputType instanceof GraphQLNonNull),
    };
  if (candidates.length && roll < 0.75) {
    const v = rng.pick(candidates);
    // Sometimes a near miss instead: a number for a string, a float for an int, 2^40, ...
    variables[v.name] = rng.chance(0.7)
      ? definitelyInvalid(v.inputType)
      : rng.pick([123, 1.5, 2 ** 40, -0, '', [], {}, [[1]], { a: { b: { c: 1 } } }, true, 'ACTIVE']);
    return { variables, guaranteed: false };
  }
  const required = doc.vars.filter((v) => v.inputType instanceof GraphQLNonNull);
  if (required.length && roll < 0.9) {
    delete variables[rng.pick(required).name];
    return { variables, guaranteed: true };
  }
  variables[rng.pick(['undeclared', '__proto__', 'constructor', 'v0 ', ''])] = rng.pick([1, 'x', { a: 1 }, null]);
  return { variables, guaranteed: false };
}

/**
 * `count` aliased fields that the alias limit counts (it ignores `__typename`): in a mutation,
 * in the first root field's payload, so no further mutation is named.
 */
function withAliases(query: string, count: number): string {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const extra = (text: string) =>
    (parse(`{ ${Array.from({ length: count }, (_, i) => `t${i}: ${text}`).join(' ')} }`).definitions[0] as OperationDefinitionNode).selectionSet
      .selections;
  const root = operation.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && !!s.selectionSet);
  const edited = visit(document, {
    SelectionSet(node) {
      if (operation.operation === 'mutation' && root && node === root.selectionSet)
        return { ...node, selections: [...node.selections, ...extra('userErrors { code }')] };
      if (operation.operation !== 'mutation' && node === operation.selectionSet)
        return { ...node, selections: [...node.selections, ...extra('viewer { organization { id } }')] };
      return undefined;
    },
  });
  return print(edited);
}

/** Whether a generated document is valid against the schema (a generator's own check, so
 * that only truly valid documents are held to "BAD_USER_INPUT and nothing else"). */
export function documentState(query: string): 'valid' | 'syntax' | 'invalid' {
  let document;
  try {
    document = parse(query);
  } catch {
    return 'syntax';
  }
  return validate(schema, document).length ? 'invalid' : 'valid';
}

/** Guaranteed-to-be-refused edits of a valid document (the sentinel's requests). */
function appendInRoot(query: string, text: string): string {
  const end = query.lastIndexOf('}');
  return `${query.slice(0, end)} ${text} ${query.slice(end)}`;
}

const SENTINEL_POISONS = [
  ['bad-string', 24],
  ['unknown-field', 6],
  ['wrong-var', 8],
  ['missing-var', 4],
  ['syntax', 4],
  ['aliases', 3],
  ['tokens', 2],
  ['depth', 3],
  ['circular', 3],
  ['anonymous-twice', 2],
  ['operation-name', 2],
  ['bad-directive', 3],
  ['surrogate-literal', 3],
  ['get-mutation', 6],
  ['odd-method', 6],
  ['batch', 3],
  ['content-type', 4],
  ['malformed-json', 5],
  ['oversize', 2],
] as const;

type SentinelPoison = (typeof SENTINEL_POISONS)[number][0];

export function sentinelRequest(rng: Rng, index: number, ctx: FuzzContext): FuzzRequest {
  let poison: SentinelPoison = rng.weighted(SENTINEL_POISONS);
  const operationType = rng.chance(0.7) || poison === 'get-mutation' ? 'mutation' : 'query';
  const doc = buildDocument(rng, ctx, { sane: true, operationType, poison: poison === 'bad-string' });
  let query = doc.query;
  let variables: unknown = doc.variables;
  let operationName = doc.operationName;
  const kind = () => `sentinel:${poison}`;
  if (poison === 'bad-string' && !doc.poisoned) poison = 'unknown-field';
  if ((poison === 'wrong-var' || poison === 'missing-var') && !doc.vars.length) poison = 'unknown-field';
  const accepts = accept(rng, true);
  switch (poison) {
    case 'bad-string': {
      const req = post(index, kind(), 'sentinel', jsonBody({ query, variables, operationName }), accepts);
      req.mustRefuse = true;
      req.expectBadUserInput = documentState(query) !== 'invalid';
      return req;
    }
    case 'unknown-field':
      query = appendInRoot(query, rng.pick(['fuzzUnknownField', 'fuzzUnknownField { id }', 'userErrorz']));
      break;
    case 'wrong-var': {
      const candidates = doc.vars.filter((v) => definitelyInvalid(v.inputType) !== undefined);
      if (!candidates.length) {
        query = appendInRoot(query, 'fuzzUnknownField');
        break;
      }
      const v = rng.pick(candidates);
      variables = { ...doc.variables, [v.name]: definitelyInvalid(v.inputType) };
      break;
    }
    case 'missing-var': {
      const required = doc.vars.filter((v) => v.inputType instanceof GraphQLNonNull);
      if (!required.length) {
        query = appendInRoot(query, 'fuzzUnknownField');
        break;
      }
      const copy = { ...doc.variables };
      delete copy[rng.pick(required).name];
      variables = copy;
      break;
    }
    case 'syntax':
      query = rng.pick([`${query} {`, `} ${query}`, query.replace('{', '{ ((('), `${query.slice(0, -1)}`, query.replace(/\{/, '{ "unterminated ')]);
      break;
    case 'aliases':
      query = withAliases(query, rng.range(31, 80));
      break;
    case 'tokens':
      query = appendInRoot(query, '__typename '.repeat(rng.range(2100, 4000)));
      break;
    case 'depth': {
      const n = rng.range(13, 60);
      query = appendInRoot(query, `fuzzDeep ${'{ a '.repeat(n)}${'} '.repeat(n)}`);
      break;
    }
    case 'circular': {
      const on = operationType === 'mutation' ? 'Mutation' : 'Query';
      query = `${appendInRoot(query, '...Cyc1')} fragment Cyc1 on ${on} { ...Cyc2 } fragment Cyc2 on ${on} { __typename ...Cyc1 }`;
      break;
    }
    case 'anonymous-twice':
      query = `${query} { __typename }`;
      break;
    case 'operation-name':
      operationName = 'NoSuchOperation';
      break;
    case 'bad-directive':
      query = query.replace('{', `{ __typename @skip(if: ${rng.pick(['"no"', '1', 'null', '$undefinedVar'])}) `);
      break;
    case 'surrogate-literal': {
      // Escaped or raw, a lone surrogate anywhere in a document is a syntax error.
      const literal = rng.pick(['"\\ud800"', '"x\\udfffy"', '"\ud800"', '"\udc00"', '"""\ud800"""']);
      query = /"[^"]*"/.test(query) ? query.replace(/"[^"]*"/, literal) : `${query} ${literal}`;
      break;
    }
    case 'get-mutation': {
      const params: [string, string][] = [['query', query]];
      if (doc.vars.length) params.push(['variables', JSON.stringify(variables)]);
      if (operationName) params.push(['operationName', operationName]);
      const req = getRequest(index, kind(), 'sentinel', params, accepts);
      req.mustRefuse = true;
      return req;
    }
    case 'odd-method': {
      const method = rng.pick(['PUT', 'DELETE', 'PATCH']);
      const req = post(index, kind(), 'sentinel', jsonBody({ query, variables, operationName }), accepts);
      req.method = method;
      req.mustRefuse = true;
      req.expect405 = true;
      return req;
    }
    case 'batch': {
      const one = { query, variables, operationName };
      const req = post(index, kind(), 'sentinel', JSON.stringify(rng.pick([[one], [one, one], [one, { query: '{ __typename }' }]])), accepts);
      req.mustRefuse = true;
      return req;
    }
    case 'content-type': {
      const type = rng.pick([
        'text/plain',
        'text/plain;charset=UTF-8',
        'application/xml',
        'application/octet-stream',
        'image/png',
        'multipart/form-data; boundary=x',
      ]);
      const req = post(index, kind(), 'sentinel', jsonBody({ query, variables, operationName }), { ...accepts, 'content-type': type });
      req.mustRefuse = true;
      return req;
    }
    case 'malformed-json': {
      const body = jsonBody({ query, variables, operationName });
      const req = post(index, kind(), 'sentinel', body.slice(0, rng.range(0, body.length - 1)), accepts);
      req.mustRefuse = true;
      return req;
    }
    case 'oversize': {
      const pad = 'p'.repeat(1024 * 1024 + rng.range(1, 1024 * 1024));
      const req = post(index, kind(), 'sentinel', JSON.stringify({ query, variables: { ...(doc.variables ?? {}), pad }, operationName }), accepts);
      if (rng.chance(0.4)) req.body = { chunks: chunked(Buffer.from(req.body as string)) };
      req.mustRefuse = true;
      return req;
    }
  }
  const req = post(index, kind(), 'sentinel', jsonBody({ query, variables, operationName }), accepts);
  req.mustRefuse = true;
  return req;
}

function chunked(buffer: Buffer, size = 64 * 1024): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < buffer.length; i += size) out.push(buffer.subarray(i, i + size));
  return out;
}

const FREE_KINDS = [
  ['schema', 24],
  ['mutated', 18],
  ['bad-string', 9],
  ['wrong-vars', 6],
  ['huge', 3],
  ['deep', 5],
  ['aliases', 3],
  ['circular', 3],
  ['malformed-json', 5],
  ['multipart', 2],
  ['content-type', 4],
  ['get', 5],
  ['batch', 2],
  ['headers', 4],
  ['method', 3],
  ['raw', 3],
  ['introspection', 1],
] as const;

const MALFORMED_BODIES = [
  '',
  ' ',
  '{',
  '}',
  '{"query":',
  '{"query": "{ viewer { organization { id } } }",}',
  "{'query': '{ __typename }'}",
  '{"query": "{ __typename }"} trailing',
  '{"query": "{ __typename }" /* comment */}',
  '{"query": NaN}',
  '{"query": "{ __typename }", "variables": {"a": Infinity}}',
  'null',
  'true',
  '42',
  '"{ __typename }"',
  '[]',
  '[[]]',
  '{}',
  '{"query": null}',
  '{"query": 123}',
  '{"query": ["{ __typename }"]}',
  '{"query": {"kind": "Document"}}',
  '{"query": "{ __typename }", "variables": "nope"}',
  '{"query": "{ __typename }", "variables": [1, 2]}',
  '{"query": "{ __typename }", "operationName": 5}',
  '{"query": "{ __typename }", "operationName": {}}',
  '{"query": "{ __typename }", "extensions": "x"}',
  '{"query": "{ __typename }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}',
  '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38"}}}',
  '{"query": "{ __typename }", "query": "{ viewer { apiKey { id } } }"}',
  '{"query": "{ __typename }", "__proto__": {"polluted": true}}',
  '{"query": "{ __typename }", "variables": {"__proto__": {"polluted": true}}}',
  '{"query": "\\u0000"}',
  '{"query": "{ __typename }\\ud800"}',
  '{"query": "\\ud800"}',
  '{"query": "{ __typename }", "variables": {"\\u0000": "\\u0000"}}',
  '\ufeff{"query": "{ __typename }"}',
  '{"query": "{ __typename }"}\u0000',
  '{"query": "{ __typename }", "variables": {"a": 1e999999}}',
  '{"query": "{ __typename }", "variables": {"a": -0.0000000000000000000000000000001e-99999}}',
  '{"query": "{ __typename }", "variables": {"a": 123456789012345678901234567890}}',
];

const INVALID_UTF8 = [
  [0xff, 0xfe, 0x7b, 0x7d],
  [0x7b, 0x22, 0x71, 0x75, 0x65, 0x72, 0x79, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d],
  [0x7b, 0x22, 0x71, 0x75, 0x65, 0x72, 0x79, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d],
  [
    0x7b, 0x22, 0x71, 0x75, 0x65, 0x72, 0x79, 0x22, 0x3a, 0x22, 0x7b, 0x20, 0x5f, 0x5f, 0x74, 0x79, 0x70, 0x65, 0x6e, 0x61, 0x6d, 0x65, 0x20, 0x7d,
    0x80, 0x22, 0x7d,
  ],
  [0xfe, 0xff, 0x00, 0x7b, 0x00, 0x7d],
  [0x00, 0x00, 0x00, 0x00],
];

function malformedBody(rng: Rng, valid: string): string | Uint8Array {
  const roll = rng.next();
  if (roll < 0.35) return rng.pick(MALFORMED_BODIES);
  if (roll < 0.55) return valid.slice(0, rng.int(valid.length));
  if (roll < 0.7) return Uint8Array.from(rng.pick(INVALID_UTF8));
  if (roll < 0.8) {
    const pos = rng.int(valid.length);
    return valid.slice(0, pos) + rng.pick(['"', '{', '}', ',', ':', '\\', '\u0000', '\\u12', '\\x41', 'undefined']) + valid.slice(pos);
  }
  if (roll < 0.9) {
    // Deep JSON nesting in the body itself (within the size limit).
    const depth = rng.pick([1000, 10_000, 100_000, 400_000]);
    return `{"query": "{ __typename }", "variables": {"deep": ${'['.repeat(depth)}${']'.repeat(depth)}}}`;
  }
  const bytes = Buffer.alloc(rng.range(1, 4096));
  for (let i = 0; i < bytes.length; i++) bytes[i] = rng.int(256);
  return new Uint8Array(bytes);
}

function multipartBody(rng: Rng, operations: string): { type: string; body: string } {
  const boundary = rng.pick(['----fuzz', 'x', '', 'a'.repeat(80), '"quoted"', '----fuzz\u00ff']);
  const parts = [
    `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${operations}\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n${rng.pick(['{"0": ["variables.file"]}', '{', '[]', '{"0": ["variables.__proto__.x"]}'])}\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="${rng.pick(['a.txt', '../../x', '\u0000', 'é.png'])}"\r\nContent-Type: text/plain\r\n\r\n${rng.pick(['hello', 'x'.repeat(10_000), ''])}\r\n`,
    `--${boundary}--\r\n`,
  ];
  const body = rng.chance(0.2) ? parts.slice(0, rng.range(1, 3)).join('') : parts.join('');
  const type = rng.pick([
    `multipart/form-data; boundary=${boundary}`,
    'multipart/form-data',
    `multipart/mixed; boundary=${boundary}`,
    `multipart/form-data; boundary=other`,
  ]);
  return { type, body };
}

const BAD_CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/graphql',
  'application/graphql+json',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json;;;',
  'APPLICATION/JSON',
  'application/json-seq',
  'a/b/c',
  '',
  ';',
  'application/json; boundary=' + 'x'.repeat(2000),
  'text/html',
  'application/octet-stream',
];

const BAD_AUTH = [
  'unknown',
  'revoked',
  'truncated',
  'long',
  'bearer-garbage',
  'bearer-unsigned',
  'bearer-empty',
  'basic',
  'empty',
  'latin1',
  'both-bad',
  'lowercase-bearer',
];

export function freeRequest(rng: Rng, index: number, auth: AuthMode, ctx: FuzzContext): FuzzRequest {
  const kind = rng.weighted(FREE_KINDS);
  const req = freeOfKind(rng, index, auth, ctx, kind);
  if (auth === 'bad') req.badAuth = rng.pick(BAD_AUTH);
  return req;
}

function freeOfKind(rng: Rng, index: number, auth: AuthMode, ctx: FuzzContext, kind: (typeof FREE_KINDS)[number][0]): FuzzRequest {
  const sane = rng.chance(0.4);
  switch (kind) {
    case 'schema': {
      const doc = buildDocument(rng, ctx, { sane });
      return post(index, kind, auth, jsonBody(doc), accept(rng));
    }
    case 'mutated': {
      const doc = buildDocument(rng, ctx, { sane });
      // Text edits never touch a document naming a URL: an edited one could point a
      // directory at a real host and keep the sync runner waiting on it.
      const query = /http/.test(doc.query) ? doc.query : mutateDocument(rng, doc.query);
      return post(index, `mutated`, auth, jsonBody({ ...doc, query }), accept(rng));
    }
    case 'bad-string': {
      const operationType = rng.chance(0.5) ? 'mutation' : 'query';
      const doc = buildDocument(rng, ctx, { sane: true, poison: true, operationType });
      const req = post(index, kind, auth, jsonBody(doc), accept(rng, true));
      req.expectBadUserInput = doc.poisoned && (auth === 'fuzz' || auth === 'sentinel') && documentState(doc.query) !== 'invalid';
      if (!doc.poisoned) req.kind = 'schema';
      return req;
    }
    case 'wrong-vars': {
      let doc = buildDocument(rng, ctx, { sane: true });
      for (let i = 0; i < 5 && !doc.vars.length; i++) doc = buildDocument(rng, ctx, { sane: true });
      const { variables } = wrongVariables(rng, doc);
      return post(index, kind, auth, JSON.stringify({ query: doc.query, variables, operationName: doc.operationName }), accept(rng));
    }
    case 'huge': {
      const beyond = rng.chance(0.35);
      const size = beyond ? 1024 * 1024 + rng.range(1, 2 * 1024 * 1024) : rng.pick([10_000, 100_000, 500_000, 1024 * 1024 - 8192]);
      const roll = rng.next();
      let body: string;
      if (roll < 0.4) {
        const doc = buildDocument(rng, ctx, { sane: true, hugeString: size });
        body = jsonBody(doc);
      } else if (roll < 0.55) {
        body = JSON.stringify({ query: `{ viewer { organization { id } } } # ${'c'.repeat(size)}` });
      } else if (roll < 0.7) {
        body = JSON.stringify({
          query: `query Q($s: String) { __typename }`,
          variables: { s: 's'.repeat(size) },
          operationName: rng.chance(0.5) ? 'Q' : 'o'.repeat(Math.min(size, 100_000)),
        });
      } else if (roll < 0.85) {
        const count = Math.floor(size / 12);
        body = JSON.stringify({ query: '{ __typename }', variables: Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, i])) });
      } else {
        body = JSON.stringify({ query: `{ ${' '.repeat(size)}__typename }` });
      }
      const req = post(index, beyond ? 'huge:beyond-limit' : 'huge:within-limit', auth, body, accept(rng, true));
      if (rng.chance(0.3)) req.body = { chunks: chunked(Buffer.from(body)) };
      return req;
    }
    case 'deep': {
      const roll = rng.next();
      let query: string;
      let label: string;
      if (roll < 0.2) {
        query = deepSelection(rng.pick([13, 14, 20, 50, 200, 600]), rng.pick(['node', 'viewer', 'organization', 'integration']));
        label = 'selection';
      } else if (roll < 0.4) {
        query = deepRealQuery(rng.range(2, 6), idValue(rng, ctx, 'integration', true));
        label = 'real-path';
      } else if (roll < 0.55) {
        const depth = rng.pick([13, 50, 500, 900, 3000]);
        query = `mutation { createWorkflow(input: { name: "deep", steps: ${nestedList(depth, '[', ']', '"x"')} }) { userErrors { code } } }`;
        label = 'list-literal';
      } else if (roll < 0.7) {
        const depth = rng.pick([20, 200, 800]);
        query = `mutation { createIntegration(input: { templateKey: "API", name: "deep", config: ${nestedList(depth, '{a: ', '}', '1')} }) { userErrors { code field } } }`;
        label = 'object-literal';
      } else if (roll < 0.85) {
        const depth = rng.pick([100, 1000, 10_000, 100_000]);
        query = rng.pick([
          'mutation ($c: JSON) { createIntegration(input: { templateKey: "API", name: "deep", config: $c }) { userErrors { code field } } }',
          'mutation ($c: JSON, $id: ID!) { updateIntegration(input: { id: $id, config: $c }) { userErrors { code field } } }',
          'query ($c: JSON) { __typename }',
        ]);
        const id = JSON.stringify(idValue(rng, ctx, 'integration', true));
        const body = `{"query": ${JSON.stringify(query)}, "variables": {"c": {"orgUrl": ${nestedJsonText(depth, rng)}, "redirectUris": ${nestedJsonText(Math.min(depth, 5000), rng)}}, "id": ${id}}}`;
        return post(index, 'deep:json-variable', auth, body, accept(rng, true));
      } else if (roll < 0.93) {
        const n = rng.pick([13, 20, 60]);
        const frags = Array.from(
          { length: n },
          (_, i) =>
            `fragment F${i} on Integration { ${i < n - 1 ? `workflow { id } onboardingSessions(first: 1) { edges { node { integration { ...F${i + 1} } } } }` : 'id'} }`,
        );
        query = `{ integration(id: ${JSON.stringify(idValue(rng, ctx, 'integration', true))}) { ...F0 } } ${frags.join(' ')}`;
        label = 'fragments';
      } else {
        const depth = rng.pick([10, 30, 100]);
        query = `{ __schema { types { ${'fields { type { '.repeat(depth)}name${' } }'.repeat(depth)} } } }`;
        label = 'introspection';
      }
      return post(index, `deep:${label}`, auth, JSON.stringify({ query }), accept(rng, true));
    }
    case 'aliases': {
      const roll = rng.next();
      const field = rng.pick([
        '__typename',
        'viewer { organization { id } }',
        'apiKeys(first: 1) { totalCount }',
        'integrations { totalCount }',
        'workflows(first: 100) { totalCount edges { node { id } } }',
      ]);
      let query: string;
      if (roll < 0.6) query = aliases(rng.pick([31, 32, 50, 100, 400, 1000]), field);
      else if (roll < 0.8) query = aliases(rng.range(20, 30), field);
      else
        query = `{ a: viewer { apiKey { id } } a: apiKeys { totalCount } b: integrations(first: 1) { totalCount } b: integrations(first: 2) { totalCount } }`;
      return post(index, 'aliases', auth, JSON.stringify({ query }), accept(rng, true));
    }
    case 'circular':
      return post(index, kind, auth, JSON.stringify({ query: circularFragments(rng) }), accept(rng));
    case 'malformed-json': {
      const doc = buildDocument(rng, ctx, { sane });
      return post(index, kind, auth, malformedBody(rng, jsonBody(doc)), accept(rng));
    }
    case 'multipart': {
      const doc = buildDocument(rng, ctx, { sane: true });
      const { type, body } = multipartBody(rng, jsonBody(doc));
      return post(index, kind, auth, body, { ...accept(rng), 'content-type': type });
    }
    case 'content-type': {
      const doc = buildDocument(rng, ctx, { sane });
      const type = rng.pick(BAD_CONTENT_TYPES);
      let body: string = jsonBody(doc);
      if (type.startsWith('application/graphql') && rng.chance(0.7)) body = doc.query;
      if (type === 'application/x-www-form-urlencoded' && rng.chance(0.8)) {
        body = new URLSearchParams({
          query: doc.query,
          ...(Object.keys(doc.variables).length ? { variables: rng.chance(0.8) ? JSON.stringify(doc.variables) : '{bad' } : {}),
        }).toString();
      }
      const headers: Record<string, string> = { ...accept(rng) };
      const req = post(index, kind, auth, body, headers);
      if (type) req.headers['content-type'] = type;
      else delete req.headers['content-type'];
      return req;
    }
    case 'get': {
      const doc = buildDocument(rng, ctx, { sane, operationType: rng.chance(0.3) ? 'mutation' : 'query' });
      const params: [string, string][] = [['query', rng.chance(0.2) ? mutateDocument(rng, doc.query) : doc.query]];
      if (Object.keys(doc.variables).length)
        params.push(['variables', rng.chance(0.8) ? JSON.stringify(doc.variables) : rng.pick(['{bad', '[]', '"x"', '1', 'null', '{"a":'])]);
      if (doc.operationName) params.push(['operationName', doc.operationName]);
      const roll = rng.next();
      if (roll < 0.1) params.push(['query', '{ viewer { apiKey { id } } }']);
      else if (roll < 0.15)
        params.push(['extensions', rng.pick(['{"persistedQuery":', '{}', '[]', '"x"', '{"persistedQuery":{"version":1,"sha256Hash":"abc"}}'])]);
      else if (roll < 0.2) params.push(['pad', 'x'.repeat(rng.pick([1000, 8000, 14_000, 20_000, 70_000]))]);
      else if (roll < 0.25) params.splice(0, params.length);
      else if (roll < 0.3) params.push(['query', '']);
      const headers = rng.chance(0.15) ? { accept: 'text/html' } : accept(rng);
      const req = getRequest(index, doc.operationType === 'mutation' ? 'get:mutation' : 'get', auth, params, headers);
      if (rng.chance(0.05)) req.method = 'HEAD';
      return req;
    }
    case 'batch': {
      const docs = Array.from({ length: rng.pick([0, 1, 2, 5, 50]) }, () => JSON.parse(jsonBody(buildDocument(rng, ctx, { sane }))) as RequestBody);
      const body = rng.chance(0.2) ? JSON.stringify([docs, docs]) : JSON.stringify(docs);
      return post(index, kind, auth, body, accept(rng));
    }
    case 'headers': {
      const doc = buildDocument(rng, ctx, { sane: true, operationType: 'query' });
      const req = post(index, kind, auth, jsonBody(doc), accept(rng, true));
      const roll = rng.next();
      if (roll < 0.15)
        req.headers[rng.pick(['x-long', 'x-request-id', 'user-agent', 'cookie', 'referer'])] = 'h'.repeat(
          rng.pick([1000, 8000, 15_000, 20_000, 60_000]),
        );
      else if (roll < 0.25) for (let i = 0; i < rng.pick([50, 200, 1000, 2500]); i++) req.headers[`x-h${i}`] = String(i);
      else if (roll < 0.35) req.headers['content-encoding'] = rng.pick(['gzip', 'deflate', 'br', 'identity', 'bogus', 'gzip, gzip', 'zstd']);
      else if (roll < 0.45)
        req.headers['x-request-id'] = rng.pick(['', ' ', 'a'.repeat(129), 'ok-id_1.2', 'é', '../../x', '<script>', 'a b', '\u00ff']);
      else if (roll < 0.55) req.headers.host = rng.pick(['evil.example', 'localhost:99999', 'a'.repeat(300), '[::1]', '127.0.0.1:0', 'exa mple']);
      else if (roll < 0.6) req.headers['x-forwarded-for'] = rng.pick(['1.2.3.4', 'garbage', '::1, 10.0.0.1', '999.999.999.999', 'a'.repeat(2000)]);
      else if (roll < 0.65) req.headers['accept-encoding'] = rng.pick(['gzip', 'br', 'deflate', '*', 'bogus', 'gzip;q=0']);
      else if (roll < 0.7) req.headers.origin = rng.pick(['https://evil.example', 'null', 'file://', '']);
      else if (roll < 0.75) req.headers['content-type'] = ['application/json', 'text/plain'];
      else if (roll < 0.8) req.headers['x-api-key-extra'] = 'x';
      else if (roll < 0.85) req.headers["x-!#$%&'*+.^_`|~"] = 'token characters';
      else if (roll < 0.9)
        req.headers.authorization = rng.pick(['Bearer', 'Bearer ', 'Bearer a.b.c', 'Basic Zm9vOmJhcg==', 'Digest x', 'Bearer ' + 'a'.repeat(5000)]);
      else req.headers['x-weird'] = rng.pick(['\u00ff\u00fe', '\t tab', 'a,b,c', '"quoted"', '=?utf-8?b?w6k=?=']);
      return req;
    }
    case 'method': {
      const doc = buildDocument(rng, ctx, { sane });
      const method = rng.weighted([
        ['TRACE', 3],
        ['PUT', 3],
        ['DELETE', 3],
        ['PATCH', 3],
        ['OPTIONS', 1],
        ['HEAD', 1],
        ['PROPFIND', 1],
        ['SEARCH', 1],
        ['PURGE', 1],
        ['LOCK', 1],
      ] as const);
      const req = post(index, `method:${method}`, auth, jsonBody(doc), accept(rng));
      req.method = method;
      if (method === 'TRACE' || method === 'HEAD' || rng.chance(0.3)) {
        delete req.body;
        delete req.headers['content-type'];
      }
      if (method === 'OPTIONS' && rng.chance(0.5))
        Object.assign(req.headers, { origin: 'https://evil.example', 'access-control-request-method': 'POST' });
      req.expect405 = ['TRACE', 'PUT', 'DELETE', 'PATCH'].includes(method);
      return req;
    }
    case 'raw':
      return rawRequest(rng, index, auth, ctx);
    case 'introspection': {
      const query = rng.pick([
        '{ __schema { queryType { name } types { name kind fields { name args { name type { name kind ofType { name } } } } } } }',
        '{ __type(name: "Integration") { name fields { name } } }',
        '{ __type(name: "\\u0000") { name } }',
        `{ __type(name: ${JSON.stringify('x'.repeat(5000))}) { name } }`,
        '{ __typename __schema { directives { name args { name } } } }',
        '{ __schema { types { ...T } } } fragment T on __Type { name ofType { ...T } }',
      ]);
      return post(index, kind, auth, JSON.stringify({ query }), accept(rng));
    }
  }
  return post(index, 'schema', auth, jsonBody(buildDocument(rng, ctx, { sane })), accept(rng));
}

const KEY = '\u0001KEY\u0001';

function rawRequest(rng: Rng, index: number, auth: AuthMode, ctx: FuzzContext): FuzzRequest {
  const doc = buildDocument(rng, ctx, { sane: true, operationType: 'query' });
  const body = Buffer.from(jsonBody(doc)).toString('latin1');
  const keyHeader = auth === 'none' ? '' : `x-api-key: ${KEY}\r\n`;
  const head = (method: string, target: string, extra = '', version = 'HTTP/1.1') =>
    `${method} ${target} ${version}\r\nHost: 127.0.0.1\r\n${keyHeader}${extra}Connection: close\r\n`;
  const variants: [string, () => string][] = [
    ['request-line:unencoded', () => `${head('GET', '/graphql?query={ __typename }')}\r\n`],
    ['request-line:http1.0', () => `GET /graphql?query=%7B__typename%7D HTTP/1.0\r\n${keyHeader}\r\n`],
    ['request-line:absolute', () => `${head('GET', 'http://127.0.0.1/graphql?query=%7B__typename%7D')}\r\n`],
    [
      'path:odd',
      () =>
        `${head('GET', rng.pick(['/graphql/', '//graphql', '/GRAPHQL', '/graphql/../graphql', '/graphql%00', '/graphql;x', '/graphql?', '/graphql?query', '/%2e%2e/graphql', '/graphql?query=%ZZ', '*', '/health/../graphql', '/graphql\u00ff']) + '?query=%7B__typename%7D')}\r\n`,
    ],
    [
      'request-line:version',
      () =>
        `${head('GET', '/graphql?query=%7B__typename%7D', '', rng.pick(['HTTP/2.0', 'HTTP/1.2', 'HTTP/9.9', 'HTTP/1', 'http/1.1', 'HTTPS/1.1']))}\r\n`,
    ],
    ['method:unknown', () => `${head(rng.pick(['FOO', 'get', 'G E T', 'BREW', 'CONNECT', 'PRI', 'M-SEARCH', 'SOURCE']), '/graphql')}\r\n`],
    [
      'header:nul',
      () =>
        `${head('POST', '/graphql', 'X-Odd: a\u0000b\r\nContent-Type: application/json\r\n')}Content-Length: ${Buffer.byteLength(body, 'latin1')}\r\n\r\n${body}`,
    ],
    [
      'header:fold',
      () =>
        `${head('POST', '/graphql', 'X-Folded: a\r\n b\r\nContent-Type: application/json\r\n')}Content-Length: ${Buffer.byteLength(body, 'latin1')}\r\n\r\n${body}`,
    ],
    ['header:no-colon', () => `${head('GET', '/graphql?query=%7B__typename%7D', 'NoColonHere\r\n')}\r\n`],
    ['header:space-name', () => `${head('GET', '/graphql?query=%7B__typename%7D', 'Bad Name: x\r\n')}\r\n`],
    ['header:huge', () => `${head('GET', '/graphql?query=%7B__typename%7D', `X-Huge: ${'h'.repeat(rng.pick([20_000, 70_000]))}\r\n`)}\r\n`],
    [
      'body:te-and-cl',
      () =>
        `${head('POST', '/graphql', 'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n')}Content-Length: 5\r\n\r\n${Buffer.byteLength(body, 'latin1').toString(16)}\r\n${body}\r\n0\r\n\r\n`,
    ],
    [
      'body:chunked',
      () =>
        `${head('POST', '/graphql', 'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n')}\r\n${Buffer.byteLength(body, 'latin1').toString(16)}\r\n${body}\r\n0\r\n\r\n`,
    ],
    [
      'body:bad-chunks',
      () => `${head('POST', '/graphql', 'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n')}\r\nzz\r\n${body}\r\n0\r\n\r\n`,
    ],
    [
      'body:short-length',
      () =>
        `${head('POST', '/graphql', 'Content-Type: application/json\r\n')}Content-Length: ${Math.max(1, Buffer.byteLength(body, 'latin1') - 5)}\r\n\r\n${body}`,
    ],
    [
      'body:two-lengths',
      () =>
        `${head('POST', '/graphql', 'Content-Type: application/json\r\nContent-Length: 3\r\n')}Content-Length: ${Buffer.byteLength(body, 'latin1')}\r\n\r\n${body}`,
    ],
    ['body:negative-length', () => `${head('POST', '/graphql', 'Content-Type: application/json\r\n')}Content-Length: -1\r\n\r\n${body}`],
    [
      'body:get-with-body',
      () =>
        `${head('GET', '/graphql?query=%7B__typename%7D', 'Content-Type: application/json\r\n')}Content-Length: ${Buffer.byteLength(body, 'latin1')}\r\n\r\n${body}`,
    ],
    [
      'pipelined',
      () =>
        `${head('GET', '/graphql?query=%7B__typename%7D').replace('Connection: close\r\n', '')}\r\n${head('POST', '/graphql', 'Content-Type: application/json\r\n')}Content-Length: ${Buffer.byteLength(body, 'latin1')}\r\n\r\n${body}`,
    ],
    [
      'upgrade:websocket',
      () =>
        `${head('GET', '/graphql', `Upgrade: websocket\r\nSec-WebSocket-Version: ${rng.pick(['13', '8', 'x'])}\r\nSec-WebSocket-Key: ${rng.pick(['dGhlIHNhbXBsZSBub25jZQ==', '', 'short'])}\r\nSec-WebSocket-Protocol: ${rng.pick(['graphql-transport-ws', 'graphql-ws', 'nope', ''])}\r\n`).replace('Connection: close', 'Connection: Upgrade')}\r\n`,
    ],
    [
      'upgrade:h2c',
      () =>
        `${head('GET', '/graphql?query=%7B__typename%7D', 'Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n').replace('Connection: close', 'Connection: Upgrade, HTTP2-Settings')}\r\n`,
    ],
    [
      'expect:continue',
      () =>
        `${head('POST', '/graphql', 'Content-Type: application/json\r\nExpect: 100-continue\r\n')}Content-Length: ${Buffer.byteLength(body, 'latin1')}\r\n\r\n${body}`,
    ],
    [
      'expect:odd',
      () =>
        `${head('POST', '/graphql', 'Content-Type: application/json\r\nExpect: 42-nonsense\r\n')}Content-Length: ${Buffer.byteLength(body, 'latin1')}\r\n\r\n${body}`,
    ],
    [
      'trace-with-body',
      () => `${head('TRACE', '/graphql', 'Content-Type: application/json\r\n')}Content-Length: ${Buffer.byteLength(body, 'latin1')}\r\n\r\n${body}`,
    ],
    ['http2-preface', () => 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'],
    ['garbage', () => Buffer.from(Array.from({ length: rng.range(1, 200) }, () => rng.int(256))).toString('latin1') + '\r\n\r\n'],
  ];
  const [label, build] = rng.pick(variants);
  return { index, kind: `raw:${label}`, auth, method: 'RAW', path: '/graphql', headers: {}, raw: build() };
}

/** Request number `index` of the run with this seed. */
export function generateRequest(seed: number, index: number, contexts: Contexts): FuzzRequest {
  const rng = new Rng((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const auth = rng.weighted([
    ['fuzz', 45],
    ['sentinel', 35],
    ['none', 10],
    ['bad', 10],
  ] as const);
  if (auth === 'sentinel') return sentinelRequest(rng, index, contexts.sentinel);
  return freeRequest(rng, index, auth, contexts.fuzz);
}

export function rawBytes(raw: string, key: string): Buffer {
  return Buffer.from(raw.split(KEY).join(key), 'latin1');
}

/** A printable, secret-free, bounded description of a request. */
export function describeRequest(req: FuzzRequest, headers: Record<string, string | string[]>, secrets: Record<string, string>, max = 600): string {
  const redact = (text: string) => {
    let out = text;
    for (const [label, secret] of Object.entries(secrets)) if (secret) out = out.split(secret).join(`<${label}>`);
    return out;
  };
  const clip = (text: string) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);
  const esc = (text: string) => JSON.stringify(text).slice(1, -1);
  if (req.raw !== undefined) return `#${req.index} raw ${clip(esc(redact(req.raw.split(KEY).join(`<${req.auth} key>`))))}`;
  const shownHeaders = Object.fromEntries(
    Object.entries(headers)
      .map(([k, v]): [string, string | string[]] => [k, Array.isArray(v) ? v.map((x) => clip(redact(x))) : clip(redact(v))])
      .slice(0, 12),
  );
  let body = '';
  if (typeof req.body === 'string') body = req.body;
  else if (req.body instanceof Uint8Array) body = `<bytes> ${Buffer.from(req.body).toString('utf8')}`;
  else if (req.body) body = `<chunked> ${Buffer.concat(req.body.chunks).toString('utf8')}`;
  return `#${req.index} ${req.method} ${clip(redact(req.path))} headers=${JSON.stringify(shownHeaders)} body=${clip(esc(redact(body)))}`;
}

export function requestText(req: FuzzRequest, headers: Record<string, string | string[]>): string {
  let body = '';
  if (typeof req.body === 'string') body = req.body;
  else if (req.body instanceof Uint8Array) body = Buffer.from(req.body).toString('utf8');
  else if (req.body) body = Buffer.concat(req.body.chunks).toString('utf8');
  let path = req.path;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    // not decodable: as sent
  }
  return `${req.method} ${path} ${JSON.stringify(headers)} ${body} ${req.raw ?? ''}`;
}
