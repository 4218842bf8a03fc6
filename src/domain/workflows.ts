// Workflows and their versions. A version is an immutable snapshot of the steps; a
// change of steps appends one and bumps `version`, a rename does not. Sessions point at
// the version they started with, forever.
import type { Deps } from './deps.ts';
import { Problems, notFound } from './errors.ts';
import { isIdOf, newId } from './ids.ts';
import { changesOf, record } from './outbox.ts';
import { randomToken } from './secrets.ts';
import { checkName } from './validation.ts';

const MAX_STEPS = 50;
const MAX_STEP_LENGTH = 100;

function checkSteps(problems: Problems, steps: string[]): string[] {
  const field = ['input', 'steps'];
  if (steps.length === 0) problems.add('REQUIRED', field, 'A workflow needs at least one step.');
  if (steps.length > MAX_STEPS) problems.add('INVALID', field, `A workflow has at most ${MAX_STEPS} steps.`);
  return steps.map((step, index) => {
    const trimmed = step.trim();
    if (!trimmed || trimmed.length > MAX_STEP_LENGTH) {
      problems.add('INVALID', [...field, String(index)], `A step is 1 to ${MAX_STEP_LENGTH} characters.`);
    }
    return trimmed;
  });
}

export async function createWorkflow({ db, actor }: Pick<Deps, 'db' | 'actor'>, input: { name: string; steps: string[] }) {
  const problems = new Problems();
  const name = checkName(problems, input.name);
  const steps = checkSteps(problems, input.steps);
  problems.throwIfAny();
  const id = newId('Workflow');
  const workflow = await db.$transaction(async (tx) => {
    const workflow = await tx.workflow.create({
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
    await record(tx, db.organizationId, actor, {
      audit: { action: 'workflow.create', targetId: workflow.id, changes: changesOf(null, { name, steps, version: 1 }) },
    });
    return workflow;
  });
  return { workflow };
}

export async function updateWorkflow(
  { db, actor }: Pick<Deps, 'db' | 'actor'>,
  input: { id: string; name?: string | null; steps?: string[] | null },
) {
  const problems = new Problems();
  const name = input.name == null ? undefined : checkName(problems, input.name);
  const steps = input.steps == null ? undefined : checkSteps(problems, input.steps);
  problems.throwIfAny();
  const workflow = await db.$transaction(async (tx) => {
    const current = isIdOf('Workflow', input.id) ? await tx.workflow.findUnique({ where: { id: input.id } }) : null;
    if (!current) throw notFound(['input', 'id'], 'workflow');
    const stepsChanged = steps !== undefined && JSON.stringify(steps) !== JSON.stringify(current.steps);
    let updated = current;
    if (stepsChanged) {
      // The increment runs under the row's lock, so concurrent edits get distinct versions.
      updated = await tx.workflow.update({ where: { id: current.id }, data: { name, steps, version: { increment: 1 } } });
      await tx.workflowVersion.create({
        data: { id: newId('WorkflowVersion'), workflowId: current.id, version: updated.version, steps },
      });
    } else if (name !== undefined) {
      updated = await tx.workflow.update({ where: { id: current.id }, data: { name } });
    }
    const fields = (w: typeof current) => ({ name: w.name, steps: w.steps, version: w.version });
    const changes = changesOf(fields(current), fields(updated));
    if (Object.keys(changes).length)
      await record(tx, db.organizationId, actor, { audit: { action: 'workflow.update', targetId: current.id, changes } });
    return updated;
  });
  return { workflow };
}
