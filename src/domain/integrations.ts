// Integrations: created from a template, linked to a workflow (CUSTOM templates) or
// syncing a directory (DIRECTORY templates), edited, listed, and deleted for good.
import { lockRow } from '../db/sql.ts';
import type { Integration, IntegrationStatus, Prisma } from '../generated/prisma/client.ts';
import type { Deps } from './deps.ts';
import { Problems, UserErrors, notFound } from './errors.ts';
import { isIdOf, newId } from './ids.ts';
import { queueSync, rescheduledAt, syncIntervalMs } from './directory-schedule.ts';
import { applyConfig, storedConfigOf } from './integration-config.ts';
import { type Changes, SECRET_CHANGED, changesOf, record } from './outbox.ts';
import { randomToken } from './secrets.ts';
import { type IntegrationCategory, type IntegrationTemplate, TEMPLATES, findTemplate, takesWorkflow, templateOf } from './templates.ts';
import { checkName } from './validation.ts';

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

export interface IntegrationFilter {
  templateKey?: string | null;
  category?: IntegrationCategory | null;
  status?: IntegrationStatus | null;
}

/** The `integrations(filter:)` condition, for the page and its totalCount alike. */
export function integrationWhere(filter: IntegrationFilter | null | undefined): Prisma.IntegrationWhereInput {
  const conditions: Prisma.IntegrationWhereInput[] = [];
  if (filter?.status) conditions.push({ status: filter.status });
  if (filter?.templateKey != null) conditions.push({ templateKey: filter.templateKey });
  if (filter?.category) {
    conditions.push({ templateKey: { in: TEMPLATES.filter((tpl) => tpl.category === filter.category).map((tpl) => tpl.key) } });
  }
  return { AND: conditions };
}

/** An integration as events tell it: its ID and public fields (no secret, masked or not). */
export function integrationData(integration: Integration) {
  return {
    id: integration.id,
    name: integration.name,
    templateKey: integration.templateKey,
    status: integration.status,
    workflowId: integration.workflowId,
    clientId: integration.clientId,
    config: storedConfigOf(integration).config,
    createdAt: integration.createdAt,
    updatedAt: integration.updatedAt,
  };
}

/** What an audit entry says changed: public fields and config values, and which secrets were replaced (never their values). */
function integrationChanges(before: Integration | null, after: Integration): Changes {
  const fields = (i: Integration) => ({
    name: i.name,
    templateKey: i.templateKey,
    status: i.status,
    workflowId: i.workflowId,
    ...Object.fromEntries(Object.entries(storedConfigOf(i).config).map(([key, value]) => [`config.${key}`, value])),
  });
  const changes = changesOf(before && fields(before), fields(after));
  const secretsBefore = before ? storedConfigOf(before).secrets : {};
  const secretsAfter = storedConfigOf(after).secrets;
  for (const key of new Set([...Object.keys(secretsBefore), ...Object.keys(secretsAfter)])) {
    if (secretsBefore[key]?.ciphertext !== secretsAfter[key]?.ciphertext) changes[`config.${key}`] = { from: null, to: SECRET_CHANGED };
  }
  return changes;
}

/** Checks the workflow rule of the template; returns the workflow ID to store. */
async function checkWorkflow(
  db: Pick<Deps['db'], 'workflow'>,
  template: IntegrationTemplate,
  workflowId: string | null | undefined,
  problems: Problems,
): Promise<string | null | undefined> {
  const field = ['input', 'workflowId'];
  if (!takesWorkflow(template)) {
    if (workflowId) problems.add('WORKFLOW_NOT_ALLOWED', field, `${template.name} integrations sync users and take no workflow.`);
    return workflowId === undefined ? undefined : null;
  }
  if (workflowId === undefined) return undefined;
  if (workflowId === null) {
    problems.add('WORKFLOW_REQUIRED', field, `${template.name} integrations need a workflow.`);
    return undefined;
  }
  const workflow = isIdOf('Workflow', workflowId) ? await db.workflow.findUnique({ where: { id: workflowId }, select: { id: true } }) : null;
  if (!workflow) problems.add('WORKFLOW_NOT_FOUND', field, 'No workflow with this ID exists.');
  return workflow?.id;
}

export async function createIntegration({ db, cipher, addressPolicy, events, directory, actor }: Deps, input: CreateIntegrationInput) {
  const template = findTemplate(input.templateKey);
  if (!template) throw UserErrors.of('TEMPLATE_NOT_FOUND', ['input', 'templateKey'], `No integration template "${input.templateKey}".`);
  const problems = new Problems();
  const name = checkName(problems, input.name);
  // An empty workflowId is a missing one: one WORKFLOW_REQUIRED, not also WORKFLOW_NOT_FOUND.
  const workflowId = await checkWorkflow(db, template, input.workflowId || (takesWorkflow(template) ? null : undefined), problems);
  const stored = applyConfig(template, { config: {}, secrets: {} }, input.config, { cipher, addressPolicy, settings: directory }, problems);
  problems.throwIfAny();

  const id = newId('Integration');
  const { integration, firstSync } = await db.$transaction(async (tx) => {
    const integration = await tx.integration.create({
      data: {
        id,
        organizationId: db.organizationId,
        name,
        templateKey: template.key,
        workflowId: workflowId ?? null,
        config: stored!.config as object,
        secrets: stored!.secrets as object,
        clientId: template.oauthClient ? `icid_${randomToken(18)}` : null,
      },
    });
    // A directory integration's first sync is queued with it; the sync runner claims it.
    const firstSync = template.connector ? await queueSync(tx, integration, { trigger: 'CREATED', kind: 'FULL' }, directory) : null;
    await record(tx, db.organizationId, actor, {
      events: [{ type: 'integration.created', data: integrationData(integration) }],
      audit: { action: 'integration.create', targetId: integration.id, changes: integrationChanges(null, integration) },
    });
    return { integration, firstSync };
  });
  if (firstSync) await events.syncQueued(firstSync);
  return { integration };
}

export async function findIntegration(db: Pick<Deps['db'], 'integration'>, id: string, field: string[]) {
  const integration = isIdOf('Integration', id) ? await db.integration.findUnique({ where: { id } }) : null;
  if (!integration) throw notFound(field, 'integration');
  return integration;
}

/** Config rules (merge, URL policy, credentials staying where they were given) are applyConfig's. */
export async function updateIntegration({ db, cipher, addressPolicy, events, directory, actor }: Deps, input: UpdateIntegrationInput) {
  const integration = await db.$transaction(async (tx) => {
    // Lock the row: concurrent config merges then apply one after the other, none lost.
    await lockRow(tx, { integration: input.id, of: db.organizationId });
    const current = await findIntegration(tx, input.id, ['input', 'id']);
    const template = templateOf(current);
    const problems = new Problems();
    const name = input.name == null ? undefined : checkName(problems, input.name);
    // Inside the transaction: the embedded database has one connection, held by it.
    const workflowId = await checkWorkflow(tx, template, input.workflowId, problems);
    const stored =
      input.config === undefined
        ? undefined
        : applyConfig(template, storedConfigOf(current), input.config, { cipher, addressPolicy, settings: directory }, problems);
    problems.throwIfAny();
    // A new sync interval counts from the last sync's start, not from this change.
    const nextSyncAt =
      stored && template.connector && syncIntervalMs({ ...current, ...stored }, directory) !== syncIntervalMs(current, directory)
        ? await rescheduledAt(tx, { ...current, ...stored }, directory)
        : undefined;
    const updated = await tx.integration.update({
      where: { id: current.id },
      data: {
        name,
        workflowId,
        status: input.status ?? undefined,
        nextSyncAt,
        ...(stored ? { config: stored.config as object, secrets: stored.secrets as object } : {}),
      },
    });
    const changes = integrationChanges(current, updated);
    // An update that changes nothing is not an event, nor an entry in the audit log.
    if (Object.keys(changes).length) {
      await record(tx, db.organizationId, actor, {
        events: [{ type: 'integration.updated', data: { ...integrationData(updated), changedFields: Object.keys(changes) } }],
        audit: { action: 'integration.update', targetId: updated.id, changes },
      });
    }
    return updated;
  });
  // Its OAuth client's tokens hold only while it is ACTIVE.
  if (input.status) events.credentialsChanged([`integration:${integration.id}`]);
  return { integration };
}

/** Irreversible: the row, its credentials and directory users go; sessions keep their history. */
export async function deleteIntegration({ db, events, actor }: Pick<Deps, 'db' | 'events' | 'actor'>, input: { id: string }) {
  const integration = await findIntegration(db, input.id, ['input', 'id']);
  // Its open syncs end first, in a statement of their own: a running sync's page commits
  // hold the integration's row in KEY SHARE, one overlapping the next, and a stream of
  // share lockers can keep the DELETE's lock waiting past the statement timeout. With its
  // lease gone, the run's next commit fails and it stops, so the DELETE gets the row.
  await db.directorySync.updateMany({
    where: { integrationId: integration.id, status: { in: ['QUEUED', 'RUNNING'] } },
    data: { status: 'FAILED', error: 'the integration was deleted', finishedAt: new Date(), leaseOwner: null, leaseExpiresAt: null },
  });
  await db.$transaction(async (tx) => {
    const { count } = await tx.integration.deleteMany({ where: { id: integration.id } });
    if (count === 0) throw notFound(['input', 'id'], 'integration');
    await record(tx, db.organizationId, actor, {
      events: [{ type: 'integration.deleted', data: integrationData(integration) }],
      audit: { action: 'integration.delete', targetId: integration.id, changes: changesOf({ name: integration.name }, { name: null }) },
    });
  });
  events.credentialsChanged([`integration:${integration.id}`]);
  return { deletedIntegrationId: integration.id };
}
