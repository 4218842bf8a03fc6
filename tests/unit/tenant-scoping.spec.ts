// scopeArgs (src/db/tenant.ts) as a table: what the tenant client does to the arguments of
// each Prisma operation before they reach the database. Organization-owned models get the
// caller's organizationId in every where and every created row; the Organization model is
// narrowed to the caller's own row; other models pass through; cursors are scoped wherever
// they are, nested ones included; and the caller's own conditions are kept beside ours.
import { describe, expect, it } from 'vitest';
import { scopeArgs } from '../../src/db/tenant.ts';

type Args = Parameters<typeof scopeArgs>[2];

const ORG = 'org_01caller';
const OTHER = 'org_01other';

const READS_AND_WRITES_WITH_WHERE = [
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'delete',
  'deleteMany',
];

/** Every object in the value, frozen: scopeArgs must copy, never write into its input. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

describe('organization-owned models: every where gets the organization', () => {
  const models = ['ApiKey', 'Workflow', 'Integration', 'OnboardingSession', 'DirectoryUser', 'DirectorySync'];
  const cases = models.flatMap((model) => READS_AND_WRITES_WITH_WHERE.map((operation): [string, string] => [model, operation]));

  it.each(cases)('%s.%s', (model, operation) => {
    expect(scopeArgs(model, operation, deepFreeze({ where: { id: 'x_1' } }), ORG)).toEqual({ where: { id: 'x_1', organizationId: ORG } });
    expect(scopeArgs(model, operation, {}, ORG)).toEqual({ where: { organizationId: ORG } });
  });
});

describe('scopeArgs', () => {
  const cases: [name: string, model: string, operation: string, args: Args, expected: Args][] = [
    // where
    [
      'a where without organizationId gains it',
      'Integration',
      'findMany',
      { where: { status: 'ACTIVE' }, take: 5 },
      { where: { status: 'ACTIVE', organizationId: ORG }, take: 5 },
    ],
    [
      'a where naming another organization keeps it and adds ours (finds nothing)',
      'Integration',
      'findFirst',
      { where: { organizationId: OTHER } },
      { where: { organizationId: OTHER, AND: [{ organizationId: ORG }] } },
    ],
    [
      '… beside an AND array of the caller',
      'Integration',
      'findMany',
      { where: { organizationId: OTHER, AND: [{ status: 'ACTIVE' }] } },
      { where: { organizationId: OTHER, AND: [{ status: 'ACTIVE' }, { organizationId: ORG }] } },
    ],
    [
      '… beside a single AND object of the caller',
      'Integration',
      'findMany',
      { where: { organizationId: OTHER, AND: { status: 'ACTIVE' } } },
      { where: { organizationId: OTHER, AND: [{ status: 'ACTIVE' }, { organizationId: ORG }] } },
    ],
    [
      "a where with the caller's own organization is narrowed all the same",
      'ApiKey',
      'count',
      { where: { organizationId: ORG } },
      { where: { organizationId: ORG, AND: [{ organizationId: ORG }] } },
    ],
    [
      'an AND without organizationId on the top level is left as it is',
      'Workflow',
      'findMany',
      { where: { AND: [{ name: 'KYC' }] } },
      { where: { AND: [{ name: 'KYC' }], organizationId: ORG } },
    ],
    [
      'update: the where is scoped, the data left alone',
      'Workflow',
      'update',
      { where: { id: 'wf_1' }, data: { name: 'New' } },
      { where: { id: 'wf_1', organizationId: ORG }, data: { name: 'New' } },
    ],
    [
      'updateMany: the where decides which rows, the data is left alone',
      'DirectoryUser',
      'updateMany',
      { where: {}, data: { active: false } },
      { where: { organizationId: ORG }, data: { active: false } },
    ],

    // create
    [
      'create: the row gets the organization',
      'Workflow',
      'create',
      { data: { id: 'wf_1', name: 'KYC' } },
      { data: { id: 'wf_1', name: 'KYC', organizationId: ORG } },
    ],
    [
      'create: another organization in the data is replaced by ours',
      'Workflow',
      'create',
      { data: { id: 'wf_1', organizationId: OTHER } },
      { data: { id: 'wf_1', organizationId: ORG } },
    ],
    [
      'create: no where is added',
      'ApiKey',
      'create',
      { data: { id: 'key_1' }, select: { id: true } },
      { data: { id: 'key_1', organizationId: ORG }, select: { id: true } },
    ],
    [
      'createMany: every row gets the organization',
      'DirectoryUser',
      'createMany',
      { data: [{ id: 'dus_1' }, { id: 'dus_2', organizationId: OTHER }] },
      {
        data: [
          { id: 'dus_1', organizationId: ORG },
          { id: 'dus_2', organizationId: ORG },
        ],
      },
    ],
    [
      'createMany: a single row becomes a list of one',
      'DirectoryUser',
      'createMany',
      { data: { id: 'dus_1' } },
      { data: [{ id: 'dus_1', organizationId: ORG }] },
    ],
    [
      'createManyAndReturn: as createMany',
      'DirectoryUser',
      'createManyAndReturn',
      { data: [{ id: 'dus_1' }] },
      { data: [{ id: 'dus_1', organizationId: ORG }] },
    ],
    [
      'upsert: the where is scoped and the created row owned; the update is left alone',
      'DirectoryUser',
      'upsert',
      { where: { id: 'dus_1' }, create: { id: 'dus_1', organizationId: OTHER }, update: { active: true } },
      { where: { id: 'dus_1', organizationId: ORG }, create: { id: 'dus_1', organizationId: ORG }, update: { active: true } },
    ],

    // the Organization model: the caller's own row only
    [
      'Organization.findUnique of an ID is narrowed to the caller',
      'Organization',
      'findUnique',
      { where: { id: OTHER } },
      { where: { id: OTHER, AND: [{ id: ORG }] } },
    ],
    ["Organization.findMany is the caller's row", 'Organization', 'findMany', {}, { where: { id: ORG } }],
    [
      "Organization.update is the caller's row",
      'Organization',
      'update',
      { where: { id: ORG }, data: { name: 'Acme' } },
      { where: { id: ORG, AND: [{ id: ORG }] }, data: { name: 'Acme' } },
    ],
    [
      'Organization.findFirst by another field is narrowed to the caller',
      'Organization',
      'findFirst',
      { where: { name: 'Acme' } },
      { where: { name: 'Acme', id: ORG } },
    ],

    // cursors
    [
      'a cursor gets the organization (a foreign ID finds no cursor row)',
      'Integration',
      'findMany',
      { cursor: { id: 'int_1' }, skip: 1, take: 20 },
      { cursor: { id: 'int_1', organizationId: ORG }, skip: 1, take: 20, where: { organizationId: ORG } },
    ],
    [
      "an Organization cursor gets the caller's id",
      'Organization',
      'findMany',
      { cursor: { id: OTHER } },
      { cursor: { id: OTHER, AND: [{ id: ORG }] }, where: { id: ORG } },
    ],
    [
      'a cursor in a nested include is scoped by the related model',
      'Organization',
      'findUnique',
      { where: { id: ORG }, include: { integrations: { cursor: { id: 'int_1' }, take: 5 } } },
      { where: { id: ORG, AND: [{ id: ORG }] }, include: { integrations: { cursor: { id: 'int_1', organizationId: ORG }, take: 5 } } },
    ],
    [
      'a cursor in a nested select is scoped by the related model',
      'Integration',
      'findUnique',
      { where: { id: 'int_1' }, select: { id: true, directoryUsers: { cursor: { id: 'dus_1' } } } },
      { where: { id: 'int_1', organizationId: ORG }, select: { id: true, directoryUsers: { cursor: { id: 'dus_1', organizationId: ORG } } } },
    ],
    [
      'a cursor on a model without organizationId (reached through a scoped parent) is left alone',
      'Workflow',
      'findUnique',
      { where: { id: 'wf_1' }, include: { versions: { cursor: { id: 'wfv_1' } } } },
      { where: { id: 'wf_1', organizationId: ORG }, include: { versions: { cursor: { id: 'wfv_1' } } } },
    ],
    [
      '… but cursors below it are scoped again',
      'Workflow',
      'findUnique',
      { where: { id: 'wf_1' }, include: { versions: { include: { onboardingSessions: { cursor: { id: 'ses_1' } } } } } },
      {
        where: { id: 'wf_1', organizationId: ORG },
        include: { versions: { include: { onboardingSessions: { cursor: { id: 'ses_1', organizationId: ORG } } } } },
      },
    ],
    [
      'a cursor two relations deep',
      'Organization',
      'findUnique',
      { where: { id: ORG }, select: { workflows: { select: { integrations: { cursor: { id: 'int_1' } } } } } },
      {
        where: { id: ORG, AND: [{ id: ORG }] },
        select: { workflows: { select: { integrations: { cursor: { id: 'int_1', organizationId: ORG } } } } },
      },
    ],
    [
      'a cursor already naming another organization keeps it and adds ours',
      'ApiKey',
      'findMany',
      { cursor: { id: 'key_1', organizationId: OTHER } },
      { cursor: { id: 'key_1', organizationId: OTHER, AND: [{ organizationId: ORG }] }, where: { organizationId: ORG } },
    ],
    [
      'scalars, `_count` and `true` relations in include/select are left alone',
      'Integration',
      'findMany',
      { select: { id: true, _count: { select: { directoryUsers: true } }, workflow: true } },
      { select: { id: true, _count: { select: { directoryUsers: true } }, workflow: true }, where: { organizationId: ORG } },
    ],

    // models without organizationId
    ['WorkflowVersion passes through', 'WorkflowVersion', 'findMany', { where: { workflowId: 'wf_1' } }, { where: { workflowId: 'wf_1' } }],
    ['IdentityRecord create passes through', 'IdentityRecord', 'create', { data: { id: 'idr_1' } }, { data: { id: 'idr_1' } }],
    ['SigningKey passes through', 'SigningKey', 'findMany', { orderBy: { createdAt: 'desc' } }, { orderBy: { createdAt: 'desc' } }],
  ];

  it.each(cases)('%s', (_name, model, operation, args, expected) => {
    const before = structuredClone(args);
    expect(scopeArgs(model, operation, deepFreeze(args), ORG)).toEqual(expected);
    expect(args).toEqual(before);
  });

  it.each([['create'], ['createMany'], ['createManyAndReturn']])(
    'Organization.%s is refused (organizations are created by the admin command)',
    (operation) => {
      expect(() => scopeArgs('Organization', operation, { data: { name: 'Evil' } }, ORG)).toThrow('organizations are created by the admin command');
    },
  );
});

describe('copy-on-write', () => {
  it('arguments of a model without organizationId and without cursors come back as the same object', () => {
    const args: Args = { where: { workflowId: 'wf_1' }, include: { workflow: true } };
    expect(scopeArgs('WorkflowVersion', 'findMany', args, ORG)).toBe(args);
  });

  it('an include tree without cursors is not copied', () => {
    const args: Args = { where: { id: 'int_1' }, include: { workflow: { include: { versions: true } }, directorySyncs: { take: 1 } } };
    const scoped = scopeArgs('Integration', 'findUnique', args, ORG);
    expect(scoped).not.toBe(args);
    expect(scoped.include).toBe(args.include);
  });

  it('only the branch holding a cursor is copied', () => {
    const untouched = { take: 3 };
    const args: Args = { include: { directoryUsers: untouched, directorySyncs: { cursor: { id: 'sync_1' } } } };
    const scoped = scopeArgs('Integration', 'findMany', args, ORG);
    expect(scoped.include).not.toBe(args.include);
    expect((scoped.include as Record<string, unknown>).directoryUsers).toBe(untouched);
  });
});

describe('a row never moves to another organization', () => {
  it.each([
    ['Integration', 'update', { where: { id: 'int_1' }, data: { organizationId: OTHER } }],
    ['Integration', 'updateMany', { where: {}, data: { organizationId: OTHER } }],
    ['DirectoryUser', 'updateManyAndReturn', { where: {}, data: { organization: { connect: { id: OTHER } } } }],
    ['ApiKey', 'upsert', { where: { id: 'key_1' }, create: { name: 'k' }, update: { organizationId: OTHER } }],
  ] as [string, string, Args][])('%s.%s naming an organization in its update is refused', (model, operation, args) => {
    expect(() => scopeArgs(model, operation, args, ORG)).toThrow(/may not change the organization/);
  });

  it('updates of other fields pass', () => {
    expect(scopeArgs('Integration', 'update', { where: { id: 'int_1' }, data: { name: 'n' } }, ORG)).toEqual({
      where: { id: 'int_1', organizationId: ORG },
      data: { name: 'n' },
    });
  });
});
