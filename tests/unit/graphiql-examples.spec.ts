// GraphiQL's example tabs (src/server/graphiql-examples.ts) against schema.graphql: each
// document is valid, each operation's variables are given in its tab (placeholders aside),
// and each tab's headers are the key template.
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project-root.ts';
import { EXAMPLE_TABS, HEADERS_TEMPLATE } from '../../src/server/graphiql-examples.ts';

const schema = buildSchema(readFileSync(`${PROJECT_ROOT}/schema.graphql`, 'utf8'));

describe.each(
  EXAMPLE_TABS.map((tab) => [
    parse(tab.query)
      .definitions.map((d) => ('name' in d ? d.name?.value : ''))
      .join(' + '),
    tab,
  ]),
)('the GraphiQL example %s', (_name, tab) => {
  it('is valid against the schema', () => {
    expect(validate(schema, parse(tab.query)).map((error) => error.message)).toEqual([]);
  });

  it('gives every variable its operations declare', () => {
    const given = Object.keys(tab.variables ? JSON.parse(tab.variables) : {});
    const declared = parse(tab.query).definitions.flatMap((d) => (d.kind === 'OperationDefinition' ? (d.variableDefinitions ?? []) : []));
    const required = declared.filter((v) => v.type.kind === 'NonNullType').map((v) => v.variable.name.value);
    expect(given.filter((name) => !declared.some((v) => v.variable.name.value === name))).toEqual([]);
    expect(required.filter((name) => !given.includes(name))).toEqual([]);
  });

  it('starts with the key template in its headers', () => {
    expect(tab.headers).toBe(HEADERS_TEMPLATE);
  });
});
