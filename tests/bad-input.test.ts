// Hostile and broken requests (README:
// "Edge: authentication, request IDs, limits, headers, metrics"): each gets a clear
// GraphQL or HTTP error — 4xx, or 200 with errors and no data — never a stack trace or a
// file path, and the server goes on serving. Every response text seen here is checked
// for internals. The requests are raw on purpose (post(), GET URLs, a socket); their
// answers are typed.
import { request as httpRequest } from 'node:http';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlUrl } from './support/api.ts';
import { type GraphQLErrorJSON, type Org, type ResultOf, execute, graphql, jsonObject, post, present, testOrg } from './support/kit.ts';

const VIEWER = graphql(`
  query BadInputViewer {
    viewer {
      organization {
        id
      }
    }
  }
`);
const COUNTS = graphql(`
  query BadInputCounts {
    apiKeys {
      totalCount
    }
    workflows {
      totalCount
    }
  }
`);
/** VIEWER's text, for the raw bodies and GET parameters whose answers are read as its result. */
const VIEWER_TEXT = print(VIEWER);
type Viewer = ResultOf<typeof VIEWER>;

let acme: Org;
const seen: { label: string; status: number; text: string }[] = [];

beforeAll(async () => {
  acme = await testOrg({ name: 'Bad Input' });
});

/** A raw answer: the status, the text, the body parsed if it is JSON, and its GraphQL parts if it is an object. */
interface RawAnswer<R = unknown> {
  status: number;
  text: string;
  /** The parsed body, whatever JSON it is; undefined when the body is not JSON. */
  json: unknown;
  data?: R | null;
  errors?: GraphQLErrorJSON[];
}

/** `R`: the result type of the document the request sent, when its data is read. */
function answerOf<R = unknown>(status: number, text: string): RawAnswer<R> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  // The body's shape is the server's promise (GraphQL over HTTP); the assertions check it.
  const body = (typeof json === 'object' && json !== null && !Array.isArray(json) ? json : {}) as { data?: R | null; errors?: GraphQLErrorJSON[] };
  return { status, text, json, data: body.data, errors: body.errors };
}

function expectClean(label: string, text: string) {
  expect(text, label).not.toContain('    at ');
  expect(text, label).not.toMatch(/\/src\/|\/node_modules\/|\.ts:\d+|\/work\//);
}

/** A raw POST with the org's key; the response is recorded for the final internals sweep. */
async function send<R = unknown>(label: string, body: string | object, headers: Record<string, string> = {}): Promise<RawAnswer<R>> {
  const response = await post(body, { 'x-api-key': acme.apiKey, ...headers });
  seen.push({ label, status: response.status, text: response.text });
  expectClean(label, response.text);
  return answerOf<R>(response.status, response.text);
}

async function get<R = unknown>(label: string, params: Record<string, string>, headers: Record<string, string> = {}): Promise<RawAnswer<R>> {
  const response = await fetch(`${graphqlUrl}?${new URLSearchParams(params)}`, {
    headers: { accept: 'application/graphql-response+json, application/json', 'x-api-key': acme.apiKey, ...headers },
  });
  const text = await response.text();
  seen.push({ label, status: response.status, text });
  expectClean(label, text);
  return answerOf<R>(response.status, text);
}

/** An error answer as the README has it ("Edge: …", "Errors"): 4xx, or 200 with errors and no data. */
function expectRefused(label: string, response: RawAnswer) {
  expect(response.status, `${label}: ${response.text}`).toBeGreaterThanOrEqual(200);
  expect(response.status, `${label}: ${response.text}`).toBeLessThan(500);
  if (response.status === 200) {
    expect(response.errors?.length, `${label}: ${response.text}`).toBeGreaterThan(0);
    expect(response.data ?? null, label).toBeNull();
  }
}

/** Same, and the body is a GraphQL response with at least one error message. */
function expectGraphQLRefusal(label: string, response: RawAnswer) {
  expectRefused(label, response);
  expect(response.json, `${label}: ${response.text}`).toBeDefined();
  expect(response.errors?.[0]?.message, label).toEqual(expect.any(String));
  expect(response.data ?? null, label).toBeNull();
}

async function viewerStillWorks() {
  const { viewer } = await execute(acme, VIEWER);
  expect(viewer.organization.id).toBe(acme.id);
}

describe('malformed requests', () => {
  it('answers malformed JSON bodies with a 400 GraphQL error', async () => {
    const bodies = ['{"query":', '{', 'not json at all', '{"query": "{ viewer { organization { id } } }",}', '\u00ff\u00fe{"query":1', ''];
    for (const body of bodies) {
      const response = await send(`malformed JSON ${JSON.stringify(body)}`, body);
      expect(response.status, body).toBe(400);
      expectGraphQLRefusal(`malformed JSON ${JSON.stringify(body)}`, response);
    }
    await viewerStillWorks();
  });

  it('answers JSON of the wrong shape with a 4xx GraphQL error', async () => {
    const bodies: Record<string, string> = {
      'a string': '"{ viewer { organization { id } } }"',
      null: 'null',
      'a number': '42',
      'a batch (batching is off)': JSON.stringify([{ query: '{ viewer { organization { id } } }' }]),
      'query is a number': JSON.stringify({ query: 123 }),
      'no query': JSON.stringify({ variables: {} }),
      'variables is a string': JSON.stringify({ query: '{ viewer { organization { id } } }', variables: 'nope' }),
    };
    for (const [label, body] of Object.entries(bodies)) expectGraphQLRefusal(label, await send(label, body));
  });

  it('answers malformed JSON in GET parameters with a 400, not a server error', async () => {
    const query = '{ viewer { organization { id } } }';
    const cases: Record<string, Record<string, string>> = {
      'variables not JSON': { query, variables: '{bad' },
      'extensions not JSON': { query, extensions: '{"persistedQuery":' },
    };
    for (const [label, params] of Object.entries(cases)) {
      const response = await get(label, params);
      expect(response.status, `${label}: ${response.text}`).toBe(400);
      expectGraphQLRefusal(label, response);
    }
    await viewerStillWorks();
  });

  it('refuses an unsupported content type', async () => {
    const response = await send('text/plain body', '{ viewer { organization { id } } }', { 'content-type': 'text/plain' });
    expectRefused('text/plain body', response);
    expect(response.status).toBeGreaterThanOrEqual(400);
  });
});

describe('oversized bodies', () => {
  // The padding is a variable the query does not declare, which GraphQL ignores.
  const big = (bytes: number) => JSON.stringify({ query: VIEWER_TEXT, variables: { pad: 'x'.repeat(bytes) } });

  it('answers a 2 MB body with 413 and a GraphQL error', async () => {
    const response = await send('2 MB body', big(2 * 1024 * 1024));
    expect(response.status).toBe(413);
    expect(response.errors?.[0]?.message).toEqual(expect.any(String));
    expect(response.data).toBeUndefined();
    await viewerStillWorks();
  });

  it('lets the client read the 413 even when it streams the body without a length', async () => {
    // A chunked upload: the server only learns the size while reading, and must not
    // reset the connection under a client that is still sending. Several tries, since
    // a reset depends on how far the client got.
    for (let attempt = 0; attempt < 6; attempt++) {
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': acme.apiKey, 'transfer-encoding': 'chunked' },
          agent: false,
        });
        req.once('response', (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d) => (text += d));
          res.on('end', () => {
            expectClean('chunked 2 MB body', text);
            expect(answerOf(res.statusCode ?? 0, text).errors?.[0]?.message).toEqual(expect.any(String));
            resolve(res.statusCode ?? 0);
          });
        });
        req.once('error', reject);
        const chunk = 'x'.repeat(64 * 1024);
        let sent = 0;
        const pump = () => {
          while (sent < 32) {
            sent++;
            if (!req.write(chunk)) return void req.once('drain', pump);
          }
          req.end();
        };
        req.write('{"query":"{ viewer { organization { id } } }","variables":{"pad":"');
        pump();
      });
      expect(status, `attempt ${attempt}`).toBe(413);
    }
    await viewerStillWorks();
  });

  it('takes a body just under the limit', async () => {
    const response = await send<Viewer>('900 kB body', big(900 * 1024));
    expect(response.status).toBe(200);
    expect(present(response.data).viewer.organization.id).toBe(acme.id);
  });
});

describe('hostile queries', () => {
  it('refuses a query deeper than 12', async () => {
    // Depth is checked before the schema is consulted, so nonexistent fields are fine here.
    const deep = `{ viewer ${'{ organization '.repeat(13)}${'}'.repeat(14)}`;
    const response = await send('depth 15', { query: deep });
    expectGraphQLRefusal('depth 15', response);
    expect(response.text).toMatch(/depth/i);
  });

  it('refuses 31 aliases and takes 30', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: viewer { organization { id } }`).join(' ')} }`;
    const refused = await send('31 aliases', { query: aliases(31) });
    expectGraphQLRefusal('31 aliases', refused);
    expect(refused.text).toMatch(/alias/i);
    const accepted = await send('30 aliases', { query: aliases(30) });
    expect(accepted.status).toBe(200);
    expect(accepted.errors).toBeUndefined();
    expect(Object.keys(jsonObject(accepted.data))).toHaveLength(30);
  });

  it('refuses a query with very many tokens', async () => {
    const query = `{ viewer { ${'__typename '.repeat(5000)}} }`;
    const response = await send('5000 tokens', { query });
    expectGraphQLRefusal('5000 tokens', response);
    expect(response.text).toMatch(/token/i);
  });

  it('refuses deeply nested fragments the same way as a deep query', async () => {
    const fragments = Array.from(
      { length: 14 },
      (_, i) => `fragment F${i} on Organization { ${i < 13 ? `x${i}: organization { ...F${i + 1} }` : 'id'} }`,
    );
    const query = `{ viewer { organization { ...F0 } } } ${fragments.join(' ')}`;
    expectGraphQLRefusal('nested fragments', await send('nested fragments', { query }));
  });

  it('survives a syntax error with a clear message', async () => {
    const response = await send('syntax error', { query: '{ viewer { organization { id } ' });
    expectGraphQLRefusal('syntax error', response);
    expect(response.errors?.[0]?.message).toMatch(/syntax/i);
  });
});

describe('wrong types and unknown names', () => {
  it('refuses wrong variable types with errors and no data', async () => {
    const cases: Record<string, object> = {
      'first: "abc"': { query: 'query ($first: Int) { apiKeys(first: $first) { totalCount } }', variables: { first: 'abc' } },
      'first: 1.5': { query: 'query ($first: Int) { apiKeys(first: $first) { totalCount } }', variables: { first: 1.5 } },
      'first: 2^40': { query: 'query ($first: Int) { apiKeys(first: $first) { totalCount } }', variables: { first: 2 ** 40 } },
      'input missing': { query: 'mutation ($input: GenerateApiKeyInput!) { generateApiKey(input: $input) { secret } }' },
      'input missing its required name': {
        query: 'mutation ($input: GenerateApiKeyInput!) { generateApiKey(input: $input) { secret } }',
        variables: { input: {} },
      },
      'name is a number': {
        query: 'mutation ($input: GenerateApiKeyInput!) { generateApiKey(input: $input) { secret } }',
        variables: { input: { name: 123 } },
      },
      'unknown input field': {
        query: 'mutation ($input: GenerateApiKeyInput!) { generateApiKey(input: $input) { secret } }',
        variables: { input: { name: 'x', admin: true } },
      },
      'steps is not a list of strings': {
        query: 'mutation ($input: CreateWorkflowInput!) { createWorkflow(input: $input) { workflow { id } } }',
        variables: { input: { name: 'x', steps: [{ step: 1 }] } },
      },
      'id is an object': { query: 'query ($id: ID!) { node(id: $id) { id } }', variables: { id: { $ne: null } } },
      'inline literal of the wrong type': { query: '{ apiKeys(first: "ten") { totalCount } }' },
    };
    const before = await execute(acme, COUNTS);
    for (const [label, body] of Object.entries(cases)) expectGraphQLRefusal(label, await send(label, body));
    // Nothing was written by any of them.
    expect(await execute(acme, COUNTS)).toEqual(before);
  });

  it('refuses unknown fields, types and operations', async () => {
    const cases: Record<string, object> = {
      'unknown field': { query: '{ viewer { organization { id secretSauce } } }' },
      'unknown root field': { query: '{ organizations { id } }' },
      'unknown fragment type': { query: '{ node(id: "x") { ... on Nope { id } } }' },
      'unknown argument': { query: '{ apiKeys(orderBy: "name") { totalCount } }' },
      'unknown operationName': { query: '{ viewer { organization { id } } }', operationName: 'Nope' },
      'two operations, no operationName': { query: 'query A { viewer { organization { id } } } query B { viewer { apiKey { id } } }' },
    };
    for (const [label, body] of Object.entries(cases)) expectGraphQLRefusal(label, await send(label, body));
  });

  it('refuses a mutation over GET and performs nothing', async () => {
    const before = (await execute(acme, COUNTS)).apiKeys.totalCount;
    const response = await get('mutation over GET', { query: 'mutation { generateApiKey(input: { name: "via GET" }) { secret } }' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.[0]?.message).toEqual(expect.any(String));
    expect(response.text).not.toContain('iapi_');
    expect((await execute(acme, COUNTS)).apiKeys.totalCount).toBe(before);
  });

  it('answers a plain GET query (queries are allowed over GET)', async () => {
    const response = await get<Viewer>('query over GET', { query: VIEWER_TEXT });
    expect(response.status).toBe(200);
    expect(present(response.data).viewer.organization.id).toBe(acme.id);
  });
});

describe('afterwards', () => {
  it('still serves, and nothing above leaked a stack trace or a path', async () => {
    await viewerStillWorks();
    const health = await fetch(graphqlUrl.replace(/\/graphql$/, '/ready'));
    expect(health.status).toBe(200);
    expect(seen.length).toBeGreaterThan(30);
    for (const { label, status, text } of seen) {
      expect(status, label).toBeLessThan(500);
      expectClean(label, text);
    }
  });
});

afterAll(() => {
  seen.length = 0;
});
