// Connection arguments, checked once per operation before execution, for every
// connection, nested ones included: first/last up to 100 (default 20; Pothos would silently
// clamp a larger page, README: "Errors" promises a top-level BAD_USER_INPUT), and after/before
// cursors of the shape this server hands out (Pothos' "GPC:S:<id>" in base64). A forged
// cursor of another shape (a number, JSON) would reach Prisma as a non-string ID.
import {
  type ArgumentNode,
  type DocumentNode,
  type GraphQLSchema,
  GraphQLError,
  Kind,
  TypeInfo,
  getNamedType,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

const MAX_PAGE_SIZE = 100;

/** Cursors are IDs (strings) in Pothos' encoding: base64 of "GPC:S:<id>". */
function isOurCursor(cursor: string): boolean {
  return Buffer.from(cursor, 'base64').toString('utf8').startsWith('GPC:S:');
}

/** The arguments of every connection field in a document (walked once per document: Yoga reuses a parsed document). */
const connectionArguments = new WeakMap<DocumentNode, ArgumentNode[]>();

function connectionArgumentsOf(schema: GraphQLSchema, document: DocumentNode): ArgumentNode[] {
  let found = connectionArguments.get(document);
  if (found) return found;
  found = [];
  const typeInfo = new TypeInfo(schema);
  const collected = found;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const type = typeInfo.getType();
        if (type && getNamedType(type).name.endsWith('Connection')) collected.push(...(node.arguments ?? []));
      },
    }),
  );
  connectionArguments.set(document, found);
  return found;
}

function pageSizeError(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined): GraphQLError | undefined {
  for (const arg of connectionArgumentsOf(schema, document)) {
    const name = arg.name.value;
    const value =
      arg.value.kind === Kind.INT
        ? Number(arg.value.value)
        : arg.value.kind === Kind.STRING
          ? arg.value.value
          : arg.value.kind === Kind.VARIABLE
            ? variables?.[arg.value.name.value]
            : undefined;
    if ((name === 'after' || name === 'before') && typeof value === 'string' && !isOurCursor(value)) {
      return new GraphQLError(`"${name}" is not a cursor of this connection.`, { nodes: [arg], extensions: { code: 'BAD_USER_INPUT' } });
    }
    if ((name === 'first' || name === 'last') && typeof value === 'number' && (value < 0 || value > MAX_PAGE_SIZE)) {
      return new GraphQLError(`"${name}" must be between 0 and ${MAX_PAGE_SIZE}, got ${value}.`, {
        nodes: [arg],
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  }
  return undefined;
}

export function usePageSizeLimit(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = pageSizeError(args.schema, args.document, args.variableValues ?? undefined);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = pageSizeError(args.schema, args.document, args.variableValues ?? undefined);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
