// Every mutation payload carries `userErrors`. Use cases throw UserErrors for bad input;
// `payload` turns them into the payload's list, so no mutation writes and then reports
// an error, and no resolver repeats the try/catch. A resolver is one line:
//   resolve: (_root, { input }, ctx) => payload(() => useCase(ctx.deps, input))
import type { FieldMap } from '@pothos/core';
import { UserErrors, type UserErrorShape } from '../domain/errors.ts';
import { builder } from './builder.ts';

type Types = typeof builder.$inferSchemaTypes;

const UserErrorRef = builder.objectRef<UserErrorShape>('UserError').implement({
  description: 'A problem with the input of a mutation; nothing was changed.',
  fields: (t) => ({
    field: t.exposeStringList('field', { nullable: true, description: 'Path to the input field, e.g. ["input","config","orgUrl"].' }),
    message: t.exposeString('message'),
    code: t.exposeString('code', { description: 'Stable machine-readable code, e.g. NOT_FOUND, REQUIRED, INVALID.' }),
  }),
});

/** What a use case returned, or nothing of it and the problems of the input. */
export type Payload<T> = Partial<T> & { userErrors: UserErrorShape[] };

/** Runs a mutation's use case; input problems become `userErrors`, everything else throws. */
export async function payload<T extends object>(work: () => Promise<T>): Promise<Payload<T>> {
  try {
    return { ...(await work()), userErrors: [] };
  } catch (error) {
    if (error instanceof UserErrors) return { userErrors: error.errors } as Payload<T>;
    throw error;
  }
}

/**
 * A payload type: the fields of what the use case returns (`Result`, e.g.
 * `Awaited<ReturnType<typeof createWorkflow>>`), then `userErrors`.
 */
export function payloadType<Result extends object>(
  name: string,
  fields: (t: PothosSchemaTypes.ObjectFieldBuilder<Types, Payload<Result>>) => FieldMap,
) {
  return builder.objectRef<Payload<Result>>(name).implement({
    fields: (t) => ({
      ...fields(t),
      userErrors: t.field({ type: [UserErrorRef], resolve: (parent) => parent.userErrors }),
    }),
  });
}
