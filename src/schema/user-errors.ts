// Every mutation payload carries `userErrors`. Domain functions throw UserErrors for
// bad input; `payload` turns them into the payload's list, so no mutation writes and
// then reports an error, and no resolver repeats the try/catch.
import { UserErrors, type UserErrorShape } from '../domain/errors.ts';
import { builder } from './builder.ts';

export const UserErrorRef = builder.objectRef<UserErrorShape>('UserError').implement({
  description: 'A problem with the input of a mutation; nothing was changed.',
  fields: (t) => ({
    field: t.exposeStringList('field', { nullable: true, description: 'Path to the input field, e.g. ["input","config","orgUrl"].' }),
    message: t.exposeString('message'),
    code: t.exposeString('code', { description: 'Stable machine-readable code, e.g. NOT_FOUND, REQUIRED, INVALID.' }),
  }),
});

export type Payload<T> = Partial<T> & { userErrors: UserErrorShape[] };

/** Runs a mutation's work; input problems become `userErrors`, everything else throws. */
export async function payload<T extends object>(work: () => Promise<T>): Promise<Payload<T>> {
  try {
    return { ...(await work()), userErrors: [] };
  } catch (error) {
    if (error instanceof UserErrors) return { userErrors: error.errors } as Payload<T>;
    throw error;
  }
}
