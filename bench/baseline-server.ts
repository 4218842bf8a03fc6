// The in-memory baseline of `npm run bench` (bench/http.ts starts it as a child process):
// the same graphql-yoga and graphql as the server, on the project's schema.graphql
// (graphql's buildSchema), with none of the server's work behind the fields.
//
// Reads: BASELINE_DATA names a JSON file { [operationName]: data } holding the `data`
// the real server answered for each benchmarked read. Each root field returns its entry
// of the operation's captured data and every field below resolves by graphql's default
// resolver, so execution and serialization are graphql-js's own and the response body is
// byte for byte the server's (bench/http.ts checks that before and after the load).
//
// The write: `requestNewOnboarding` does ONE INSERT ... RETURNING into a table of its own,
// through `pg` on BASELINE_DATABASE_URL (a pool of BASELINE_POOL_SIZE, like DB_POOL_SIZE),
// or into an in-process PGlite under BASELINE_PGLITE_DIR on embedded runs (the server's
// embedded database is an in-process PGlite too), and answers the captured write's data
// with the new row's id and timestamps.
//
// GET /ready answers 200 once the table exists; SIGTERM drops the table and exits.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type GraphQLFieldResolver, type GraphQLResolveInfo, buildSchema } from 'graphql';
import { createYoga } from 'graphql-yoga';
import pg from 'pg';
import { monotonicFactory } from 'ulid';

const ROOT = path.resolve(import.meta.dirname, '..');
const TABLE = 'bench_baseline_onboarding_session';

type Data = Record<string, unknown>;
const captured = JSON.parse(readFileSync(process.env.BASELINE_DATA!, 'utf8')) as Record<string, Data>;
const port = Number(process.env.PORT);

// --- storage for the write ---------------------------------------------------------------

interface Row {
  id: string;
  created_at: Date;
  expires_at: Date;
}
type Insert = (values: unknown[]) => Promise<Row>;

const DDL = `CREATE TABLE IF NOT EXISTS ${TABLE} (
  id text PRIMARY KEY,
  integration_id text NOT NULL,
  external_user_id text,
  url_token_hash text NOT NULL,
  status text NOT NULL DEFAULT 'PENDING',
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
)`;
const INSERT = `INSERT INTO ${TABLE} (id, integration_id, external_user_id, url_token_hash, expires_at)
  VALUES ($1, $2, $3, $4, $5) RETURNING id, created_at, expires_at`;

async function openStorage(): Promise<{ insert: Insert; close(): Promise<void> }> {
  if (process.env.BASELINE_DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: process.env.BASELINE_DATABASE_URL, max: Number(process.env.BASELINE_POOL_SIZE || 10) });
    await pool.query(DDL);
    return {
      insert: async (values) => (await pool.query<Row>(INSERT, values)).rows[0],
      async close() {
        await pool.query(`DROP TABLE IF EXISTS ${TABLE}`).catch(() => undefined);
        await pool.end();
      },
    };
  }
  const db = new PGlite({ dataDir: process.env.BASELINE_PGLITE_DIR });
  await db.exec(DDL);
  return {
    insert: async (values) => (await db.query<Row>(INSERT, values)).rows[0],
    close: () => db.close(),
  };
}

const storage = await openStorage();

// --- schema and resolvers --------------------------------------------------------------

const schema = buildSchema(readFileSync(path.join(ROOT, 'schema.graphql'), 'utf8'));

function dataOf(info: GraphQLResolveInfo): Data {
  const name = info.operation.name?.value;
  const data = name === undefined ? undefined : captured[name];
  if (!data) throw new Error(`the baseline has no captured data for operation ${name ?? '(anonymous)'}`);
  return data;
}

// Root fields: the captured value of the field (by its response key, as it was captured).
const fromCapture: GraphQLFieldResolver<unknown, unknown> = (_root, _args, _context, info) => dataOf(info)[info.path.key as string];
for (const field of Object.values(schema.getQueryType()!.getFields())) field.resolve = fromCapture;

const ulid = monotonicFactory();
const SESSION_LIFETIME_MS = 7 * 24 * 3600 * 1000;

const requestNewOnboarding = schema.getMutationType()?.getFields().requestNewOnboarding;
if (!requestNewOnboarding) throw new Error('schema.graphql has no Mutation.requestNewOnboarding');
requestNewOnboarding.resolve = async (_root, args: { input: { integrationId: string; externalUserId?: string } }, _context, info) => {
  const template = dataOf(info)[info.path.key as string] as { session: Data | null } & Data;
  const row = await storage.insert([
    `ses_${ulid().toLowerCase()}`,
    args.input.integrationId,
    args.input.externalUserId ?? null,
    randomBytes(32).toString('hex'),
    new Date(Date.now() + SESSION_LIFETIME_MS),
  ]);
  // The captured answer with this row's values; DateTime fields as the server writes them.
  return {
    ...template,
    session: template.session && {
      ...template.session,
      id: row.id,
      createdAt: row.created_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
    },
  };
};

const yoga = createYoga({ schema, graphqlEndpoint: '/graphql', landingPage: false, graphiql: false, logging: false, batching: false });

const server = createServer((req, res) => {
  if (req.url === '/ready') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ready\n');
    return;
  }
  void yoga(req, res);
});
server.listen(port, '127.0.0.1');

process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void storage.close().finally(() => process.exit(0));
});
