// Organizations and their feature flags. Organizations are made by the admin command,
// never through the API.
import type { PrismaClient } from '../generated/prisma/client.ts';
import { Feature } from '../generated/prisma/enums.ts';
import { issueApiKey } from './api-keys.ts';
import { Problems } from './errors.ts';
import { newId } from './ids.ts';
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
    const { apiKey, secret } = await issueApiKey(tx, organization.id, 'Admin key');
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
    return tx.organization.update({ where: { id: organizationId }, data: { features: [...features] } });
  });
}
