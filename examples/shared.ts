// What every example script shares: settings from the environment (never from the source),
// the typed client (client/sdk.ts), and one way to stop with a clear message instead of a
// stack trace. Exit codes: 2 for a missing or malformed setting, 1 for anything the API
// refused (userErrors, or a top-level error such as UNAUTHENTICATED).
import { ClientError, GraphQLClient } from 'graphql-request';
import { type Sdk, getSdk } from '../client/sdk.ts';

export class ExampleError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** An optional setting, or its default. */
export function setting(name: string, fallback: string): string {
  return process.env[name] || fallback;
}

/** A setting the script cannot run without; `hint` says where to get it. */
export function requiredSetting(name: string, hint: string): string {
  const value = process.env[name];
  if (!value) throw new ExampleError(`Set ${name}: ${hint}.`, 2);
  return value;
}

/** The /graphql URL every script calls: INTEGRATIONS_API_URL, by default a local server. */
export const apiUrl = setting('INTEGRATIONS_API_URL', 'http://localhost:4000/graphql');

export const API_KEY_HINT = 'an API key of your organization (npm run -s admin -- create-org --name NAME --json prints one)';

/** The SDK, authenticated with `headers`: `{ 'x-api-key': … }` or `{ authorization: 'Bearer …' }`. */
export function sdk(headers: Record<string, string>): Sdk {
  return getSdk(new GraphQLClient(apiUrl, { headers }));
}

/** The SDK with INTEGRATIONS_API_KEY. */
export function sdkWithApiKey(): Sdk {
  return sdk({ 'x-api-key': requiredSetting('INTEGRATIONS_API_KEY', API_KEY_HINT) });
}

interface UserError {
  field?: string[] | null;
  message: string;
  code: string;
}

/**
 * A mutation's payload without its userErrors, or an ExampleError listing them. Mutations
 * report bad input in userErrors (and write nothing); they do not reject the promise.
 */
export function succeeded<P extends { userErrors: UserError[] }>(what: string, payload: P): P {
  if (payload.userErrors.length === 0) return payload;
  const lines = payload.userErrors.map((e) => `  ${e.code}${e.field ? ` at ${e.field.join('.')}` : ''}: ${e.message}`);
  throw new ExampleError(`${what} was refused:\n${lines.join('\n')}`);
}

/** The value, or an ExampleError saying what was missing (a payload field that userErrors did not explain). */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new ExampleError(`The API returned no ${what}.`);
  return value;
}

interface Page<N> {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: N }[];
}

/** The first node of a connection that matches, reading page after page (100 at a time, the most a page holds). */
export async function findNode<N>(page: (after: string | null) => Promise<Page<N>>, match: (node: N) => boolean): Promise<N | undefined> {
  let after: string | null = null;
  for (;;) {
    const current: Page<N> = await page(after);
    const found = current.edges.map((edge) => edge.node).find(match);
    if (found || !current.pageInfo.hasNextPage) return found;
    after = current.pageInfo.endCursor ?? null;
  }
}

/** The workflow named EXAMPLE_WORKFLOW_NAME, made (with EXAMPLE_WORKFLOW_STEPS) when the organization has none yet. */
export async function ensureWorkflow(api: Sdk): Promise<{ id: string; name: string; version: number; created: boolean }> {
  const name = setting('EXAMPLE_WORKFLOW_NAME', 'Partner example KYC');
  const existing = await findNode(
    async (after) => (await api.Workflows({ first: 100, after })).workflows,
    (workflow) => workflow.name === name && workflow.status === 'ACTIVE',
  );
  if (existing) return { ...existing, created: false };
  const steps = setting('EXAMPLE_WORKFLOW_STEPS', 'DOCUMENT,SELFIE')
    .split(',')
    .map((step) => step.trim())
    .filter(Boolean);
  const { createWorkflow } = await api.CreateWorkflow({ input: { name, steps } });
  return { ...present(succeeded('createWorkflow', createWorkflow).workflow, 'workflow'), created: true };
}

/**
 * requestNewOnboarding through the integration, with EXTERNAL_USER_ID, EMAIL, REDIRECT_URL and
 * IDEMPOTENCY_KEY; prints the session and its link, then reads it back as a back office would
 * when checking on the person later (or waiting for the onboarding.session.completed webhook:
 * examples/receive-webhooks.ts).
 */
export async function requestOnboarding(api: Sdk, integrationId: string): Promise<void> {
  const { requestNewOnboarding } = await api.RequestNewOnboarding({
    input: {
      integrationId,
      externalUserId: setting('EXTERNAL_USER_ID', 'example-person'),
      email: process.env.EMAIL || undefined,
      redirectUrl: process.env.REDIRECT_URL || undefined,
      idempotencyKey: process.env.IDEMPOTENCY_KEY || undefined,
    },
  });
  const session = present(succeeded('requestNewOnboarding', requestNewOnboarding).session, 'session');
  console.log(
    `Session ${session.id}: ${session.status}, workflow ${session.workflow?.name} v${session.workflowVersion} (${session.steps.join(', ')})`,
  );
  // The link carries a secret token: send it to the person, do not log it anywhere else.
  console.log(`Onboarding URL: ${session.onboardingUrl}`);

  const { onboardingSession } = await api.OnboardingSession({ id: session.id });
  const read = present(onboardingSession, 'session when reading it back');
  console.log(`Read back ${read.id}: ${read.status}, expires ${read.expiresAt}`);
}

/**
 * Runs a script's body: an ExampleError or an API error becomes its message on stderr and a
 * non-zero exit; nothing else is printed for them (no stack trace, no request headers).
 */
export async function run(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (error instanceof ExampleError) {
      console.error(error.message);
      process.exit(error.exitCode);
    }
    if (error instanceof ClientError) {
      // A top-level GraphQL error (authentication, feature flag, limits) or an HTTP failure.
      const errors = error.response.errors ?? [];
      const lines = errors.map((e) => `  ${String(e.extensions?.code ?? 'ERROR')}: ${e.message}`);
      console.error(`The API answered HTTP ${error.response.status}:\n${lines.join('\n') || '  (no GraphQL errors in the answer)'}`);
      process.exit(1);
    }
    // Unreachable server, DNS and the like: fetch's own message is "fetch failed", the reason is its cause.
    const reason =
      error instanceof Error ? [error.message, error.cause instanceof Error ? error.cause.message : ''].filter(Boolean).join(': ') : String(error);
    console.error(`Failed: ${reason} (INTEGRATIONS_API_URL is ${apiUrl})`);
    process.exit(1);
  }
}
