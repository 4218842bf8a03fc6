// Workflows and their versions. A version is an immutable snapshot of the steps; a
// change of steps appends one and bumps `version`, a rename does not. Sessions point at
// the version they started with, forever.
import type { TenantClient } from '../db/tenant.ts';
import { UserErrors, notFound } from './errors.ts';
import { isIdOf, newId } from './ids.ts';
import { randomToken } from './secrets.ts';

const MAX_STEPS = 50;
const MAX_STEP_LENGTH = 100;

function validName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw UserErrors.of('REQUIRED', ['input', 'name'], 'A name is required.');
  if (trimmed.length > 100) throw UserErrors.of('INVALID', ['input', 'name'], 'A name is at most 100 characters.');
  return trimmed;
}

function validSteps(steps: string[]): string[] {
  if (steps.length === 0) throw UserErrors.of('REQUIRED', ['input', 'steps'], 'A workflow needs at least one step.');
  if (steps.length > MAX_STEPS) throw UserErrors.of('INVALID', ['input', 'steps'], `A workflow has at most ${MAX_STEPS} steps.`);
  return steps.map((step, index) => {
    const trimmed = step.trim();
    if (!trimmed || trimmed.length > MAX_STEP_LENGTH) {
      throw UserErrors.of('INVALID', ['input', 'steps', String(index)], `A step is 1 to ${MAX_STEP_LENGTH} characters.`);
    }
    return trimmed;
  });
}

export async function createWorkflow(db: TenantClient, input: { name: string; steps: string[] }) {
  const name = validName(input.name);
  const steps = validSteps(input.steps);
  const id = newId('Workflow');
  return db.workflow.create({
    data: {
      id,
      organizationId: db.organizationId,
      configurationId: `cfg_${randomToken(15)}`,
      name,
      steps,
      version: 1,
      versions: { create: { id: newId('WorkflowVersion'), version: 1, steps } },
    },
  });
}

export async function updateWorkflow(
  db: TenantClient,
  input: { id: string; name?: string | null; steps?: string[] | null },
) {
  const name = input.name == null ? undefined : validName(input.name);
  const steps = input.steps == null ? undefined : validSteps(input.steps);
  return db.$transaction(async (tx) => {
    const current = isIdOf('Workflow', input.id) ? await tx.workflow.findUnique({ where: { id: input.id } }) : null;
    if (!current) throw notFound(['input', 'id'], 'workflow');
    const stepsChanged = steps !== undefined && JSON.stringify(steps) !== JSON.stringify(current.steps);
    if (!stepsChanged) {
      return name === undefined ? current : tx.workflow.update({ where: { id: current.id }, data: { name } });
    }
    // The increment runs under the row's lock, so concurrent edits get distinct versions.
    const updated = await tx.workflow.update({
      where: { id: current.id },
      data: { name, steps, version: { increment: 1 } },
    });
    await tx.workflowVersion.create({
      data: { id: newId('WorkflowVersion'), workflowId: current.id, version: updated.version, steps },
    });
    return updated;
  });
}
