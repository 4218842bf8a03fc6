// Workflows and their versions. A version is an immutable snapshot of the steps; a
// change of steps appends one and bumps `version`, a rename does not. Sessions point at
// the version they started with, forever.
import type { Deps } from './deps.ts';
import { Problems, notFound } from './errors.ts';
import { isIdOf, newId } from './ids.ts';
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

export async function createWorkflow({ db }: Pick<Deps, 'db'>, input: { name: string; steps: string[] }) {
  const problems = new Problems();
  const name = checkName(problems, input.name);
  const steps = checkSteps(problems, input.steps);
  problems.throwIfAny();
  const id = newId('Workflow');
  const workflow = await db.workflow.create({
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
  return { workflow };
}

export async function updateWorkflow({ db }: Pick<Deps, 'db'>, input: { id: string; name?: string | null; steps?: string[] | null }) {
  const problems = new Problems();
  const name = input.name == null ? undefined : checkName(problems, input.name);
  const steps = input.steps == null ? undefined : checkSteps(problems, input.steps);
  problems.throwIfAny();
  const workflow = await db.$transaction(async (tx) => {
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
  return { workflow };
}
