// The README's GraphQL examples against schema.graphql, so they never rot: every ```graphql
// block parses, each of its operations is named (GraphiQL runs a block of several only by
// name) and valid against the schema, and an operation that takes variables has them in a
// `# variables: {…}` comment above it, JSON that the operation's variable definitions
// accept. No server: the printed schema file is the API's schema (tests/schema-file.test.ts
// keeps it so).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type OperationDefinitionNode, Source, buildSchema, getVariableValues, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const schema = buildSchema(readFileSync(path.join(ROOT, 'schema.graphql'), 'utf8'));
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

interface Block {
  /** The README line the block's first GraphQL line is on. */
  line: number;
  text: string;
}

function graphqlBlocks(markdown: string): Block[] {
  return [...markdown.matchAll(/^```graphql\n([\s\S]*?)^```$/gm)].map((match) => ({
    line: markdown.slice(0, match.index).split('\n').length + 1,
    text: match[1],
  }));
}

const VARIABLES_COMMENT = /^# variables: (.*)$/gm;

const blocks = graphqlBlocks(readme);

describe('README.md GraphQL examples', () => {
  it('has GraphQL blocks to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
  });

  for (const block of blocks) {
    it(`the block at README.md line ${block.line} is named operations, valid against schema.graphql, with valid variables`, () => {
      const document = parse(new Source(block.text, `README.md line ${block.line}`));
      expect(validate(schema, document).map((error) => error.message)).toEqual([]);

      const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
      expect(operations.length).toBeGreaterThan(0);
      let previousEnd = 0;
      for (const definition of document.definitions) {
        // The comments between the previous definition and this one belong to this one.
        const preamble = block.text.slice(previousEnd, definition.loc!.start);
        previousEnd = definition.loc!.end;
        const comments = [...preamble.matchAll(VARIABLES_COMMENT)].map((match) => match[1]);
        if (definition.kind !== 'OperationDefinition') {
          expect(comments, 'a # variables: comment above a fragment').toEqual([]);
          continue;
        }
        const name = definition.name?.value;
        expect(name, `an anonymous ${definition.operation} in the block at line ${block.line}`).toBeTruthy();
        const takesVariables = (definition.variableDefinitions ?? []).length > 0;
        expect(
          comments,
          `${name}: ${takesVariables ? 'one # variables: comment above it' : 'no variables, so no # variables: comment'}`,
        ).toHaveLength(takesVariables ? 1 : 0);
        if (!takesVariables) continue;
        let variables: Record<string, unknown>;
        try {
          variables = JSON.parse(comments[0]) as Record<string, unknown>;
        } catch (error) {
          throw new Error(`${name}: its # variables: comment is not JSON (${String(error)})`, { cause: error });
        }
        const declared = (definition.variableDefinitions ?? []).map((variable) => variable.variable.name.value);
        expect(
          Object.keys(variables).filter((key) => !declared.includes(key)),
          `${name}: variables it does not declare`,
        ).toEqual([]);
        const coerced = getVariableValues(schema, definition.variableDefinitions ?? [], variables);
        expect(coerced.errors?.map((error) => `${name}: ${error.message}`) ?? []).toEqual([]);
      }
    });
  }
});
