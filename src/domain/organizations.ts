// Organizations and their feature flags. Organizations are made by the admin command,
// never through the API.
import type { PrismaClient } from '../generated/prisma/client.ts';
import { Feature } from '../generated/prisma/enums.ts';
import { issueApiKey, workingApiKeys } from './api-keys.ts';
import { Problems } from './errors.ts';
import { newId } from './ids.ts';
import { type Actor, changesOf, record } from './outbox.ts';

/** What the audit log says of the admin command's changes. */
export const ADMIN_ACTOR = (command: string): Actor => ({ type: 'ADMIN_COMMAND', id: null, name: command, requestId: null, ipAddress: null });
import { checkName } from './validation.ts';

export const FEATURES: readonly Feature[] = Object.values(Feature);

export function isFeature(value: string): value is Feature {
  return (FEATURES as readonly string[]).includes(value);
}

/** A new organization (integrations on unless told otherwise) with its first admin key. */
export async function createOrganization(prisma: PrismaClient, input: { name: string; integrations: boolean }) {
  const problems = new Problems();
  const name = checkName(problems, input.name, ['name']);
  problems.throwIfAny();
  const { integrations } = input;
  return prisma.$transaction(async (tx) => {
    const organization = await tx.organization.create({
      data: { id: newId('Organization'), name, features: integrations ? ['INTEGRATIONS_ECOSYSTEM'] : [] },
    });
    const actor = ADMIN_ACTOR('create-org');
    await record(tx, organization.id, actor, {
      audit: { action: 'organization.create', targetId: organization.id, changes: changesOf(null, { name, features: organization.features }) },
    });
    const { apiKey, secret } = await issueApiKey(tx, organization.id, 'Admin key', actor);
    return { organization, apiKey, secret };
  });
}

/** Turns a feature on or off; undefined when the organization does not exist. */
export async function setFeature(prisma: PrismaClient, organizationId: string, feature: Feature, enabled: boolean) {
  return prisma.$transaction(async (tx) => {
    const organization = await tx.organization.findUnique({ where: { id: organizationId } });
    if (!organization) return undefined;
    const features = new Set(organization.features);
    if (enabled) features.add(feature);
    else features.delete(feature);
    const updated = await tx.organization.update({ where: { id: organizationId }, data: { features: [...features] } });
    const changes = changesOf({ features: organization.features }, { features: updated.features });
    if (Object.keys(changes).length) {
      await record(tx, organizationId, ADMIN_ACTOR('set-feature'), {
        audit: { action: 'organization.set_feature', targetId: organizationId, changes },
      });
    }
    return updated;
  });
}

/** Every organization, oldest first, with how many of its API keys still work. */
export async function listOrganizations(prisma: PrismaClient) {
  const organizations = await prisma.organization.findMany({
    orderBy: { id: 'asc' },
    include: { _count: { select: { apiKeys: { where: workingApiKeys(new Date()) } } } },
  });
  return organizations.map(({ _count, ...organization }) => ({ ...organization, activeApiKeys: _count.apiKeys }));
}

/**
 * A new API key for an organization, made by the admin command: the way back in for an
 * operator whose organization lost every key. Undefined when the organization does not exist.
 */
export async function createApiKeyFor(prisma: PrismaClient, organizationId: string, name: string) {
  const problems = new Problems();
  const checked = checkName(problems, name, ['name']);
  problems.throwIfAny();
  return prisma.$transaction(async (tx) => {
    const organization = await tx.organization.findUnique({ where: { id: organizationId } });
    if (!organization) return undefined;
    const { apiKey, secret } = await issueApiKey(tx, organization.id, checked, ADMIN_ACTOR('create-api-key'));
    return { organization, apiKey, secret };
  });
}
