import type { CodegenConfig } from '@graphql-codegen/cli';

// The desktop's operation and fragment types, from the same schema files the API serves
// (api/schema: the contract plus our extensions). The documents are the `graphql(...)` calls in
// web/src/lib; `npm run codegen` regenerates this and the API's resolver types, and
// tests/unit/codegen fails when the committed output is stale.
const config: CodegenConfig = {
  schema: ['api/schema/schema.graphql', 'api/schema/extensions.graphql'],
  documents: ['web/src/lib/**/*.ts', '!web/src/lib/gql/**'],
  ignoreNoDocuments: false,
  // ESM with NodeNext resolution (the tests type-check these files too): imports end in .js.
  emitLegacyCommonJSImports: false,
  generates: {
    'web/src/lib/gql/': {
      preset: 'client',
      presetConfig: {
        // The desktop reads whole objects everywhere (the reducer merges them), so no masking.
        fragmentMasking: false,
      },
      config: {
        // The desktop posts query strings: no graphql-js AST (nor graphql-js) in the bundle.
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        onlyOperationTypes: true,
        scalars: { DateTime: 'string', ID: 'string' },
      },
    },
  },
};

export default config;
