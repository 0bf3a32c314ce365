import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildASTSchema, buildSchema, concatAST, parse, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { typeDefs } from '../../../api/schema.js';
import { SHIPPED_SECRETS } from '../../../config/mode-checks.js';
import { configProblems } from '../../support/config-problems.js';
import { contractDifferences } from './schema-diff.js';

// The contract is the guide's (../shared/contract beside the clone, as in CI); the project keeps its
// own schema and configuration and must still serve every name of it. A clone on its own has no
// contract to compare with, and says so in the test's name rather than passing silently.
const CONTRACT = fileURLToPath(new URL('../../../../shared/contract/', import.meta.url));
const present = existsSync(`${CONTRACT}schema.graphql`);
const contractFile = (name: string) => readFileSync(`${CONTRACT}${name}`, 'utf8');

/** The parts of schema-v2.graphql that issues have introduced so far (types, or Type.member). */
const V2_INTRODUCED: readonly string[] = [];
/** The top-level keys of config-v2.example.yaml introduced so far. */
const V2_CONFIG_INTRODUCED: readonly string[] = [];

const project = (): GraphQLSchema => buildSchema(typeDefs().join('\n'));

describe.skipIf(!present)('the project still serves the contract (needs ../shared/contract beside the clone)', () => {
  it('has every type, field, argument and enum value of schema.graphql unchanged', () => {
    expect(contractDifferences(buildSchema(contractFile('schema.graphql')), project())).toEqual([]);
  });

  it('has the introduced parts of schema-v2.graphql unchanged', () => {
    const v2 = buildASTSchema(
      concatAST([parse(contractFile('schema.graphql')), parse(contractFile('schema-v2.graphql'))]),
    );
    expect(contractDifferences(v2, project(), V2_INTRODUCED)).toEqual([]);
  });

  it('config/schema.ts accepts every key of config.example.yaml (as a demo: it ships its secrets)', () => {
    const example = parseYaml(contractFile('config.example.yaml')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(configProblems({ ...example, demo: true })).toEqual([]);
    expect(configProblems(example)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^auth\.jwtSecret: /),
        expect.stringMatching(/^auth\.apiKeys\[0\]\.key: /),
        expect.stringMatching(/^agents\[0\]\.password: /),
        expect.stringMatching(/^smpp\.simulator\.enabled: /),
      ]),
    );
    expect(SHIPPED_SECRETS.has(example.auth.jwtSecret)).toBe(true);
    for (const k of example.auth.apiKeys) expect(SHIPPED_SECRETS.has(k.key)).toBe(true);
  });

  it('config/schema.ts accepts the introduced keys of config-v2.example.yaml', () => {
    const v1 = parseYaml(contractFile('config.example.yaml')) as Record<string, unknown>;
    const v2 = parseYaml(contractFile('config-v2.example.yaml')) as Record<string, unknown>;
    const merged = { ...v1, demo: true, ...Object.fromEntries(V2_CONFIG_INTRODUCED.map((key) => [key, v2[key]])) };
    expect(configProblems(merged)).toEqual([]);
  });
});

// The comparison itself, so that the tests above can fail.
describe('contractDifferences', () => {
  const contract = buildSchema(`
    enum Status { OPEN CLOSED }
    input Filter { status: Status }
    type Thing { id: ID! name(short: Boolean = false): String status: Status! }
    type Query { thing(id: ID!): Thing things(filter: Filter): [Thing!]! }
  `);
  const withChange = (from: string, to: string) =>
    contractDifferences(
      contract,
      buildSchema(
        `enum Status { OPEN CLOSED }
    input Filter { status: Status }
    type Thing { id: ID! name(short: Boolean = false): String status: Status! }
    type Query { thing(id: ID!): Thing things(filter: Filter): [Thing!]! }`.replace(from, to),
      ),
    );

  it.each([
    ['nothing changed', 'x', 'x', []],
    ['an added field', 'id: ID!', 'id: ID! extra: Int', []],
    ['an added optional argument', 'thing(id: ID!)', 'thing(id: ID!, deep: Boolean)', []],
    ['a renamed field', 'name(', 'title(', ['Thing.name is missing']],
    [
      'a changed field type',
      'status: Status!',
      'status: Status',
      ['Thing.status is Status, the contract says Status!'],
    ],
    ['a removed enum value', 'OPEN CLOSED', 'OPEN', ['Status.CLOSED is missing']],
    [
      'a changed argument type',
      'thing(id: ID!)',
      'thing(id: String!)',
      ['Query.thing(id:) is String!, the contract says ID!'],
    ],
    ['a changed default', '= false', '= true', ['Thing.name(short:) has another default']],
    [
      'a new required argument',
      'things(filter: Filter)',
      'things(filter: Filter, page: Int!)',
      ['Query.things(page:) is a new required argument'],
    ],
    [
      'a new required input field',
      'input Filter { status: Status }',
      'input Filter { status: Status q: String! }',
      ['Filter.q is a new required input field'],
    ],
  ])('%s', (_, from, to, expected) => {
    expect(withChange(from, to)).toEqual(expected);
  });

  it('compares only the named parts when asked', () => {
    const project = buildSchema('type Thing { id: ID! } type Query { thing(id: ID!): Thing }');
    expect(contractDifferences(contract, project, ['Thing.id', 'Query'])).toEqual(['Query.things is missing']);
  });
});
