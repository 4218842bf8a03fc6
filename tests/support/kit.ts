// The typed test kit: typed documents, one way to call the server, refusal helpers, and
// seeded test organizations. How a test file uses it:
//
//   import { beforeAll, describe, expect } from 'vitest';
//   import { type Org, execute, graphql, it, mutate, mutateOk, refused, testOrg } from './support/kit.ts';
//
//   // 1. Documents: `graphql(\`…\`)` around a *named* operation; names (fragments too) are
//   //    unique across tests/, so prefix them with the file's topic. `npm run codegen` makes
//   //    each a TypedDocumentNode in tests/generated/ (commit it; tsc and client-sdk.test.ts
//   //    fail while it is stale). Prettier reformats the GraphQL inside graphql(`…`), which
//   //    changes the generated keys: `npm run format` first, then `npm run codegen`.
//   //    No `${…}` in documents: share fields with a fragment,
//   //    `graphql(\`fragment WorkflowsFields on Workflow { id name }\`)`, spread by name.
//   //    Select `userErrors { field message code }`. Documents built at run time or invalid
//   //    on purpose: sendRaw(caller, string).
//   const RENAME = graphql(`mutation WorkflowsRename($input: UpdateWorkflowInput!) {
//     updateWorkflow(input: $input) { workflow { id name } userErrors { field message code } }
//   }`);
//
//   // 2. Organizations: `it` has fixtures `org` and `otherOrg`, fresh ones made only for the
//   //    tests that name them (`it.override('org', () => testOrg({ integrations: false }))`
//   //    in a describe changes them). Ones several tests share: `let acme: Org` and
//   //    `acme = await testOrg({ name })` in beforeAll (another server: testOrg({ server })).
//   //    Seeds, with defaults, each asserting it succeeded: org.workflow(),
//   //    org.apiIntegration(), org.oidcClient() (with a client secret),
//   //    org.integration({ templateKey, … }), org.session() (an onboarding session).
//   it('renames', async ({ org, otherOrg }) => {
//     const workflow = await org.workflow({ name: 'KYC' });
//     // 3. Calls: execute(caller, DOC, variables) returns typed data and fails the test
//     //    (with the body) on HTTP ≠ 200 or top-level errors; executeText also gives the body.
//     //    mutate/mutateOk take the `input` and return the payload (mutateOk: no userErrors,
//     //    non-null fields). A caller: an Org, `{ apiKey }` or `{ headers }`.
//     expect((await mutateOk(org, RENAME, { id: workflow.id, name: 'New' })).workflow.name).toBe('New');
//     // 4. Refusals: refused(payload, code, field) (one error, all else null), onlyError
//     //    (one error), userErrors(payload) (all of them); top level: errors(send(…), code)
//     //    or codes(answer), send() being the raw answer (status, text, data, errors).
//     //    Tenancy: same((id) => mutate(acme, RENAME, { id, name: 'X' }), theirId, UNKNOWN_ID).
//     refused(await mutate(otherOrg, RENAME, { id: workflow.id, name: 'X' }), 'NOT_FOUND', ['input', 'id']);
//   });
//
// Nullable fields: present(value) asserts and narrows; JSON scalars: jsonObject(value);
// connections: nodes()/nodeIds(). Input and enum types come from here too
// (`type CreateIntegrationInput`). Raw HTTP (non-GraphQL bodies, headers): post().
import type { ResultOf, TypedDocumentNode, VariablesOf } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { expect, test as base } from 'vitest';
import { graphql } from '../generated/index.ts';
import type {
  CreateIntegrationInput,
  CreateWorkflowInput,
  KitIntegrationFragment,
  KitSessionFragment,
  KitWorkflowFragment,
  RequestNewOnboardingInput,
} from '../generated/graphql.ts';
import { type CreateOrgOptions, type TestOrg, createOrg, post } from './api.ts';

export { graphql };
export type { ResultOf, TypedDocumentNode, VariablesOf };
// The schema's enums and the inputs the tests' documents use (CreateIntegrationInput, …).
export type * from '../generated/graphql.ts';
export { expectGraphQLErrors, post, setFeature } from './api.ts';

// ---------------------------------------------------------------------------------------
// Calling the server

/** Who calls: an organization (its first API key), `{ apiKey }`, or `{ headers }` (e.g. a Bearer token). */
export interface Caller {
  apiKey?: string;
  headers?: Record<string, string>;
  /** Defaults to the suite's shared server. */
  graphqlUrl?: string;
}

export interface GraphQLErrorJSON {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** A GraphQL answer as it came: HTTP status, body text, and the parsed body's parts. */
export interface Answer<T> {
  status: number;
  text: string;
  data?: T | null;
  errors?: GraphQLErrorJSON[];
  extensions?: Record<string, unknown>;
}

/** Variables may be left out when the operation has none, or only optional ones. */
type VariablesArgs<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** POSTs a typed document and returns the answer, whatever it is (no assertions). */
export async function send<R, V>(caller: Caller, document: TypedDocumentNode<R, V>, ...[variables]: VariablesArgs<V>): Promise<Answer<R>> {
  if (!isObject(document) || document.kind !== 'Document') {
    throw new Error('not a generated document: run `npm run codegen` (tests/generated/ is stale)');
  }
  return (await sendRaw(caller, print(document), (variables ?? {}) as Record<string, unknown>)) as Answer<R>;
}

function answerOf(response: { status: number; text: string; json: unknown }): Answer<unknown> {
  const body = response.json;
  // The body's shape is the server's promise (GraphQL over HTTP); the tests check it.
  const parts = (isObject(body) ? body : {}) as Omit<Answer<unknown>, 'status' | 'text'>;
  return { status: response.status, text: response.text, data: parts.data, errors: parts.errors, extensions: parts.extensions };
}

/**
 * POSTs a document given as a string, for documents codegen cannot know: built at run time,
 * or invalid on purpose. Prefer `graphql(\`…\`)` documents and send().
 */
export async function sendRaw(caller: Caller, query: string, variables: Record<string, unknown> = {}): Promise<Answer<unknown>> {
  const headers = { ...(caller.apiKey ? { 'x-api-key': caller.apiKey } : {}), ...caller.headers };
  return answerOf(await post({ query, variables }, headers, caller.graphqlUrl));
}

/** The answer's data, after asserting HTTP 200 and no top-level errors (else the test fails with the body). */
export function succeeded<R>(answer: Answer<R>): R {
  expect(answer.status, answer.text).toBe(200);
  expect(answer.errors, answer.text).toBeUndefined();
  expect(answer.data, answer.text).toBeDefined();
  return answer.data as R;
}

/** Runs a document that must succeed; returns its typed data. */
export async function execute<R, V>(caller: Caller, document: TypedDocumentNode<R, V>, ...variables: VariablesArgs<V>): Promise<R> {
  return succeeded(await send(caller, document, ...variables));
}

/** As execute, also returning the raw body text (for "the secret is nowhere in it" checks). */
export async function executeText<R, V>(
  caller: Caller,
  document: TypedDocumentNode<R, V>,
  ...variables: VariablesArgs<V>
): Promise<{ data: R; text: string }> {
  const answer = await send(caller, document, ...variables);
  return { data: succeeded(answer), text: answer.text };
}

// ---------------------------------------------------------------------------------------
// Mutations and their userErrors

export interface UserError {
  field: string[] | null;
  message: string;
  code: string;
}
interface WithUserErrors {
  userErrors: readonly UserError[];
}
/** A mutation result: one root field, whose payload has userErrors. */
type MutationResult<R> = { [K in keyof R]: WithUserErrors };
/** A payload that succeeded: no userErrors, every other field non-null. */
export type Ok<P> = { [K in keyof P]: K extends 'userErrors' ? P[K] : NonNullable<P[K]> };

/** The payload of a mutation's one root field. */
export function payload<R extends object>(data: R): R[keyof R] {
  const keys = Object.keys(data) as (keyof R)[];
  expect(keys, 'a mutation with one root field').toHaveLength(1);
  return data[keys[0]];
}

/** Runs a mutation `(input: $input)` and returns its payload, userErrors or not. */
export async function mutate<R extends MutationResult<R>, I>(
  caller: Caller,
  document: TypedDocumentNode<R, { input: I }>,
  input: NoInfer<I>,
): Promise<R[keyof R]> {
  return payload(await execute<R, { input: I }>(caller, document, ...([{ input }] as VariablesArgs<{ input: I }>)));
}

/** Asserts a payload succeeded: no userErrors, and every other field non-null. */
export function ok<P extends WithUserErrors>(result: P): Ok<P> {
  expect(result.userErrors).toEqual([]);
  for (const [key, value] of Object.entries(result)) if (key !== 'userErrors') expect(value, key).not.toBeNull();
  return result as Ok<P>;
}

/** Runs a mutation that must succeed; returns its payload with the non-null fields typed so. */
export async function mutateOk<R extends MutationResult<R>, I>(caller: Caller, document: TypedDocumentNode<R, { input: I }>, input: NoInfer<I>) {
  return ok(await mutate(caller, document, input));
}

/** A refused payload's userErrors (at least one), asserting every other field is null. */
export function userErrors(result: WithUserErrors): readonly UserError[] {
  for (const [key, value] of Object.entries(result)) if (key !== 'userErrors') expect(value ?? null, key).toBeNull();
  expect(result.userErrors.length, 'userErrors').toBeGreaterThan(0);
  return result.userErrors;
}

/** Asserts exactly one user error, with this code and field and some message; returns it. */
export function onlyError(result: WithUserErrors, code: string, field: readonly string[]): UserError {
  expect(result.userErrors).toEqual([{ code, field, message: expect.any(String) }]);
  expect(result.userErrors[0].message.length).toBeGreaterThan(0);
  return result.userErrors[0];
}

/** onlyError, and nothing else came back: every other payload field null. */
export function refused(result: WithUserErrors, code: string, field: readonly string[]): UserError {
  userErrors(result);
  return onlyError(result, code, field);
}

// ---------------------------------------------------------------------------------------
// Top-level errors and tenancy

/** The extensions.code of each top-level error. */
export function codes(answer: Answer<unknown>): (string | undefined)[] {
  return (answer.errors ?? []).map((error) => error.extensions?.code);
}

/** Asserts the answer has a top-level error with this code; returns the answer. */
export async function errors<R>(answer: Answer<R> | Promise<Answer<R>>, code: string): Promise<Answer<R>> {
  const settled = await answer;
  expect(codes(settled), settled.text).toContain(code);
  return settled;
}

/**
 * Runs the same call with another organization's ID and with an unknown one; asserts the
 * two results are the same (each ID replaced by a placeholder) and returns the first:
 * `await same((id) => execute(org, GET, { id }), theirs.id, UNKNOWN_ID)`.
 */
export async function same<R>(run: (id: string) => Promise<R>, foreignId: string, unknownId: string): Promise<R> {
  const foreign = await run(foreignId);
  const unknown = await run(unknownId);
  const normalize = (result: R, id: string): unknown => JSON.parse(JSON.stringify(result).replaceAll(id, '<ID>'));
  expect(normalize(foreign, foreignId)).toEqual(normalize(unknown, unknownId));
  return foreign;
}

// ---------------------------------------------------------------------------------------
// Reading answers

/** A JSON scalar (e.g. an integration's config) that must be an object. */
export function jsonObject(value: unknown): Record<string, unknown> {
  expect(isObject(value), JSON.stringify(value)).toBe(true);
  return value as Record<string, unknown>;
}

/** Asserts a value is neither null nor undefined (a nullable field that must be there); returns it. */
export function present<T>(value: T, what = 'value'): NonNullable<T> {
  expect(value ?? null, what).not.toBeNull();
  return value as NonNullable<T>;
}

/** A connection's nodes, in order. */
export function nodes<N>(connection: { edges: readonly { node: N }[] }): N[] {
  return connection.edges.map((edge) => edge.node);
}

/** A connection's node IDs, in order. */
export function nodeIds(connection: { edges: readonly { node: { id: string } }[] }): string[] {
  return nodes(connection).map((node) => node.id);
}

// ---------------------------------------------------------------------------------------
// Seeded test organizations

graphql(`
  fragment KitWorkflow on Workflow {
    id
    configurationId
    name
    status
    steps
    version
  }
`);
graphql(`
  fragment KitIntegration on Integration {
    id
    name
    status
    clientId
    config
    template {
      key
      category
    }
    workflow {
      id
      version
    }
  }
`);
graphql(`
  fragment KitSession on OnboardingSession {
    id
    status
    onboardingUrl
    createdAt
    completedAt
    workflowVersion
    steps
    workflow {
      id
      version
    }
    integration {
      id
    }
  }
`);
const KIT_CREATE_WORKFLOW = graphql(`
  mutation KitCreateWorkflow($input: CreateWorkflowInput!) {
    createWorkflow(input: $input) {
      workflow {
        ...KitWorkflow
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const KIT_CREATE_INTEGRATION = graphql(`
  mutation KitCreateIntegration($input: CreateIntegrationInput!) {
    createIntegration(input: $input) {
      integration {
        ...KitIntegration
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const KIT_GENERATE_CLIENT_SECRET = graphql(`
  mutation KitGenerateClientSecret($input: GenerateClientSecretInput!) {
    generateClientSecret(input: $input) {
      clientSecret
      integration {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const KIT_REQUEST_ONBOARDING = graphql(`
  mutation KitRequestOnboarding($input: RequestNewOnboardingInput!) {
    requestNewOnboarding(input: $input) {
      session {
        ...KitSession
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export type Workflow = KitWorkflowFragment;
export type Integration = KitIntegrationFragment;
export type Session = KitSessionFragment;

/** An OIDC_CLIENT_CREDENTIALS integration with its client ID and first client secret (the shape tests/support/oauth.ts uses). */
export interface OidcClient {
  integrationId: string;
  clientId: string;
  clientSecret: string;
  workflowId: string;
  integration: Integration;
}

/** A test organization: the admin command made it; its first API key calls the server. */
export interface Org extends TestOrg {
  /** A workflow (default: a new name, steps DOCUMENT and SELFIE). */
  workflow(input?: Partial<CreateWorkflowInput>): Promise<Workflow>;
  /** Any integration, exactly as given. */
  integration(input: CreateIntegrationInput): Promise<Integration>;
  /** An API integration (default workflow: the organization's default one, made once). */
  apiIntegration(input?: Partial<CreateIntegrationInput>): Promise<Integration>;
  /** An OIDC_CLIENT_CREDENTIALS integration and its first client secret. */
  oidcClient(input?: { name?: string; workflowId?: string; redirectUris?: string[] }): Promise<OidcClient>;
  /** A PENDING onboarding session (default integration: the organization's default API integration, made once). */
  session(input?: Partial<RequestNewOnboardingInput>): Promise<Session>;
}

export type TestOrgOptions = CreateOrgOptions & { name?: string };

let seeded = 0;
const next = (what: string) => `${what} ${++seeded}`;

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/** A new organization (INTEGRATIONS_ECOSYSTEM on unless `integrations: false`) with seed methods. */
export async function testOrg(options: TestOrgOptions = {}): Promise<Org> {
  const { name = next('Org'), ...createOptions } = options;
  const created = await createOrg(name, createOptions);
  const workflow = async (input: Partial<CreateWorkflowInput> = {}) =>
    (await mutateOk(created, KIT_CREATE_WORKFLOW, { name: next('Workflow'), steps: ['DOCUMENT', 'SELFIE'], ...input })).workflow;
  const integration = async (input: CreateIntegrationInput) => (await mutateOk(created, KIT_CREATE_INTEGRATION, input)).integration;
  const defaultWorkflow = once(() => workflow({ name: 'Default workflow' }));
  const apiIntegration = async (input: Partial<CreateIntegrationInput> = {}) => {
    const workflowId = input.workflowId !== undefined ? input.workflowId : (await defaultWorkflow()).id;
    return integration({ templateKey: 'API', name: next('API'), ...input, workflowId });
  };
  const defaultApiIntegration = once(() => apiIntegration({ name: 'Default API' }));
  return {
    ...created,
    workflow,
    integration,
    apiIntegration,
    async oidcClient(input = {}) {
      const workflowId = input.workflowId ?? (await defaultWorkflow()).id;
      const config = input.redirectUris ? { redirectUris: input.redirectUris } : undefined;
      const oidc = await integration({ templateKey: 'OIDC_CLIENT_CREDENTIALS', name: input.name ?? next('OIDC client'), workflowId, config });
      const clientId = present(oidc.clientId, 'clientId');
      expect(clientId).toMatch(/^icid_/);
      const { clientSecret } = await mutateOk(created, KIT_GENERATE_CLIENT_SECRET, { integrationId: oidc.id });
      expect(clientSecret).toMatch(/^icsec_/);
      return { integrationId: oidc.id, clientId, clientSecret, workflowId, integration: oidc };
    },
    async session(input = {}) {
      const integrationId = input.integrationId ?? (await defaultApiIntegration()).id;
      return (await mutateOk(created, KIT_REQUEST_ONBOARDING, { ...input, integrationId })).session;
    },
  };
}

// ---------------------------------------------------------------------------------------
// Fixtures

/**
 * vitest's `it` with fresh organizations: `org` and `otherOrg`, made (by the admin
 * command, a second or two each) only for the tests that name them.
 */
export const it = base
  .extend('org', async () => testOrg({ name: next('Test org') }))
  .extend('otherOrg', async () => testOrg({ name: next('Other org') }));
export const test = it;
