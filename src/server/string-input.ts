// NUL characters and unpaired UTF-16 surrogates in string input
// (README: "Edge: authentication, request IDs, limits, headers, metrics"). PostgreSQL
// refuses U+0000 in text and jsonb (the statement fails: an internal error), and a lone
// surrogate cannot be encoded as UTF-8 (the driver silently stores U+FFFD instead). One rule,
// checked once before execution: any such string anywhere in the request's variables (keys
// included) or among the document's string literals is a top-level BAD_USER_INPUT error,
// and nothing runs. Same plugin for HTTP, SSE and WebSocket (they share the envelop).
import { type DocumentNode, GraphQLError, type ASTNode, Kind, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// eslint-disable-next-line no-control-regex -- the NUL is what this finds
const BAD_STRING = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const MESSAGE = 'String input must not contain NUL characters (U+0000) or unpaired UTF-16 surrogates';

function isBadString(value: string): boolean {
  return BAD_STRING.test(value);
}

/** The first bad string in a variables object, as a path. Iterative, and linear in the
 * size of the variables however deep they nest: the path is built only for the culprit. */
function badVariable(variables: Record<string, unknown>): string[] | undefined {
  interface Step {
    value: unknown;
    key: string;
    parent: Step | undefined;
  }
  const pathOf = (step: Step | undefined, last?: string): string[] => {
    const path = last === undefined ? [] : [last];
    for (let s = step; s?.parent; s = s.parent) path.push(s.key);
    return path.reverse();
  };
  const stack: Step[] = [{ value: variables, key: '', parent: undefined }];
  while (stack.length) {
    const step = stack.pop()!;
    const { value } = step;
    if (typeof value === 'string') {
      if (isBadString(value)) return pathOf(step);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], key: String(i), parent: step });
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        if (isBadString(key)) return pathOf(step, '<key>');
        stack.push({ value: (value as Record<string, unknown>)[key], key, parent: step });
      }
    }
  }
  return undefined;
}

/** Each document's first bad literal (or null), found once per document: Yoga reuses a parsed document. */
const badLiterals = new WeakMap<DocumentNode, ASTNode | null>();

function badLiteral(document: DocumentNode): ASTNode | undefined {
  let found = badLiterals.get(document);
  if (found === undefined) {
    found = null;
    visit(document, {
      StringValue(node) {
        if (!found && isBadString(node.value)) found = node;
      },
    });
    badLiterals.set(document, found);
  }
  return found ?? undefined;
}

/** The error for a request carrying such a string, or undefined. */
function stringInputError(document: DocumentNode, variables: Record<string, unknown> | null | undefined): GraphQLError | undefined {
  const literal = badLiteral(document);
  if (literal) {
    return new GraphQLError(`${MESSAGE}.`, { nodes: [literal], extensions: { code: 'BAD_USER_INPUT' } });
  }
  const path = variables && typeof variables === 'object' ? badVariable(variables) : undefined;
  if (path) {
    // Names only when they are plain GraphQL names: the offending text is never echoed.
    const [name, ...rest] = path;
    const plain = path.length <= 12 && path.every((part) => /^[_A-Za-z0-9<>]{1,64}$/.test(part));
    const where = plain ? ` (variable "$${name}"${rest.length ? ` at ${rest.join('.')}` : ''})` : ' (in the variables)';
    const definition = document.definitions
      .flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION ? (definition.variableDefinitions ?? []) : []))
      .find((variable) => variable.variable.name.value === name);
    return new GraphQLError(`${MESSAGE}${where}.`, {
      nodes: definition ? [definition] : undefined,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return undefined;
}

export function useStringInputCheck(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = stringInputError(args.document, args.variableValues as Record<string, unknown> | undefined);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = stringInputError(args.document, args.variableValues as Record<string, unknown> | undefined);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
