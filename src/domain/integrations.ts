// Integrations: created from a template, linked to a workflow (CUSTOM templates) or
// syncing a directory (DIRECTORY templates), edited, and deleted for good.
import type { TenantClient } from '../db/tenant.ts';
import type { IntegrationStatus } from '../generated/prisma/client.ts';
import { UserErrors, notFound, type UserErrorShape } from './errors.ts';
import { isIdOf, newId } from './ids.ts';
import { type ConfigServices, applyConfig, storedConfigOf } from './integration-config.ts';
import { mintSecret, randomToken } from './secrets.ts';
import { type IntegrationTemplate, findTemplate, takesWorkflow } from './templates.ts';

export interface CreateIntegrationInput {
  templateKey: string;
  name: string;
  workflowId?: string | null;
  config?: unknown;
}

export interface UpdateIntegrationInput {
  id: string;
  name?: string | null;
  workflowId?: string | null;
  config?: unknown;
  status?: IntegrationStatus | null;
}

function checkName(name: string, errors: UserErrorShape[]): string {
  const trimmed = name.trim();
  if (!trimmed) errors.push({ field: ['input', 'name'], code: 'REQUIRED', message: 'A name is required.' });
  else if (trimmed.length > 100) errors.push({ field: ['input', 'name'], code: 'INVALID', message: 'A name is at most 100 characters.' });
  return trimmed;
}

/** Checks the workflow rule of the template; returns the workflow ID to store. */
async function checkWorkflow(
  db: Pick<TenantClient, 'workflow'>,
  template: IntegrationTemplate,
  workflowId: string | null | undefined,
  errors: UserErrorShape[],
): Promise<string | null | undefined> {
  const field = ['input', 'workflowId'];
  if (!takesWorkflow(template)) {
    if (workflowId) errors.push({ field, code: 'WORKFLOW_NOT_ALLOWED', message: `${template.name} integrations sync users and take no workflow.` });
    return workflowId === undefined ? undefined : null;
  }
  if (workflowId === undefined) return undefined;
  if (workflowId === null) {
    errors.push({ field, code: 'WORKFLOW_REQUIRED', message: `${template.name} integrations need a workflow.` });
    return undefined;
  }
  const workflow = isIdOf('Workflow', workflowId) ? await db.workflow.findUnique({ where: { id: workflowId }, select: { id: true } }) : null;
  if (!workflow) errors.push({ field, code: 'WORKFLOW_NOT_FOUND', message: 'No workflow with this ID exists.' });
  return workflow?.id;
}

export async function createIntegration(db: TenantClient, services: ConfigServices, input: CreateIntegrationInput) {
  const template = findTemplate(input.templateKey);
  if (!template) throw UserErrors.of('TEMPLATE_NOT_FOUND', ['input', 'templateKey'], `No integration template "${input.templateKey}".`);
  const errors: UserErrorShape[] = [];
  const name = checkName(input.name, errors);
  if (takesWorkflow(template) && !input.workflowId) {
    errors.push({ field: ['input', 'workflowId'], code: 'WORKFLOW_REQUIRED', message: `${template.name} integrations need a workflow.` });
  }
  // An empty workflowId is a missing one: one WORKFLOW_REQUIRED, not also WORKFLOW_NOT_FOUND.
  const workflowId = await checkWorkflow(db, template, input.workflowId || undefined, errors);
  const applied = applyConfig(template, { config: {}, secrets: {} }, input.config, services);
  if ('errors' in applied) errors.push(...applied.errors);
  if (errors.length || 'errors' in applied) throw new UserErrors(errors);

  const id = newId('Integration');
  return db.$transaction(async (tx) => {
    const integration = await tx.integration.create({
      data: {
        id,
        organizationId: db.organizationId,
        name,
        templateKey: template.key,
        workflowId: workflowId ?? null,
        config: applied.stored.config as object,
        secrets: applied.stored.secrets as object,
        clientId: template.oauthClient ? `icid_${randomToken(18)}` : null,
      },
    });
    // A directory integration's first sync is queued with it; the sync runner claims it.
    if (template.connector) {
      await tx.directorySync.create({ data: { id: newId('DirectorySync'), organizationId: db.organizationId, integrationId: id } });
    }
    return integration;
  });
}

async function findIntegration(db: Pick<TenantClient, 'integration'>, id: string, field: string[]) {
  const integration = isIdOf('Integration', id) ? await db.integration.findUnique({ where: { id } }) : null;
  if (!integration) throw notFound(field, 'integration');
  return integration;
}

/** Config rules (merge, URL policy, credentials staying where they were given) are applyConfig's. */
export async function updateIntegration(db: TenantClient, services: ConfigServices, input: UpdateIntegrationInput) {
  return db.$transaction(async (tx) => {
    // Lock the row: concurrent config merges then apply one after the other, none lost.
    await tx.$queryRaw`SELECT id FROM "Integration" WHERE id = ${input.id} AND "organizationId" = ${db.organizationId} FOR UPDATE`;
    const current = await findIntegration(tx, input.id, ['input', 'id']);
    const template = findTemplate(current.templateKey);
    if (!template) throw new Error(`integration ${current.id} has unknown template ${current.templateKey}`);
    const errors: UserErrorShape[] = [];
    const name = input.name == null ? undefined : checkName(input.name, errors);
    // Inside the transaction: the embedded database has one connection, held by it.
    const workflowId = await checkWorkflow(tx, template, input.workflowId, errors);
    const applied = input.config === undefined ? undefined : applyConfig(template, storedConfigOf(current), input.config, services);
    if (applied && 'errors' in applied) errors.push(...applied.errors);
    if (errors.length || (applied && 'errors' in applied)) throw new UserErrors(errors);
    return tx.integration.update({
      where: { id: current.id },
      data: {
        name,
        workflowId,
        status: input.status ?? undefined,
        ...(applied ? { config: applied.stored.config as object, secrets: applied.stored.secrets as object } : {}),
      },
    });
  });
}

/** Irreversible: the row, its credentials and directory users go; sessions keep their history. */
export async function deleteIntegration(db: TenantClient, id: string) {
  const integration = await findIntegration(db, id, ['input', 'id']);
  const { count } = await db.integration.deleteMany({ where: { id: integration.id } });
  if (count === 0) throw notFound(['input', 'id'], 'integration');
  return integration.id;
}

/** A new client secret, returned once; the previous one stops working at once. */
export async function generateClientSecret(db: TenantClient, integrationId: string) {
  const integration = await findIntegration(db, integrationId, ['input', 'integrationId']);
  if (!findTemplate(integration.templateKey)?.oauthClient) {
    throw UserErrors.of('CLIENT_SECRET_NOT_SUPPORTED', ['input', 'integrationId'], 'Only OIDC_CLIENT_CREDENTIALS integrations have client secrets.');
  }
  const minted = mintSecret('clientSecret');
  const updated = await db.integration.update({
    where: { id: integration.id },
    data: { clientSecretHash: minted.hash, clientSecretLastFour: minted.lastFour, clientSecretCreatedAt: new Date() },
  });
  return { integration: updated, clientSecret: minted.secret };
}
