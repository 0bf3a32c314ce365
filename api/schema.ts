import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSchema } from 'graphql-yoga';
import type { ApiContext } from './context.js';
import { resolvers } from './resolvers/index.js';

// Schema-first: the shared contract, served unchanged, plus our additions. The contract lives
// beside the repository (../shared from its root), in CI as on a developer's machine;
// SWITCHBOARD_CONTRACT points elsewhere when needed.

export const CONTRACT_PATH = process.env.SWITCHBOARD_CONTRACT
  ?? fileURLToPath(new URL('../../shared/contract/schema.graphql', import.meta.url));
export const EXTENSIONS_PATH = fileURLToPath(new URL('./schema/extensions.graphql', import.meta.url));

export function typeDefs(): string[] {
  return [readFileSync(CONTRACT_PATH, 'utf8'), readFileSync(EXTENSIONS_PATH, 'utf8')];
}

export function buildSchema() {
  return createSchema<ApiContext>({ typeDefs: typeDefs(), resolvers: resolvers as never });
}
