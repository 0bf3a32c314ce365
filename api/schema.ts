import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSchema } from 'graphql-yoga';
import type { ApiContext } from './context.js';
import { resolvers } from './resolvers/index.js';

// Schema-first, and all of it in the repository: the contract as it is agreed (schema.graphql)
// plus our additions (extensions.graphql). Codegen reads the same files.
const SCHEMA_FILES = ['schema.graphql', 'extensions.graphql'].map((name) =>
  fileURLToPath(new URL(`./schema/${name}`, import.meta.url)),
);

export function typeDefs(): string[] {
  return SCHEMA_FILES.map((path) => readFileSync(path, 'utf8'));
}

export function buildSchema() {
  return createSchema<ApiContext>({ typeDefs: typeDefs(), resolvers: resolvers as never });
}
