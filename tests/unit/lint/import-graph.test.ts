import { describe, expect, it } from 'vitest';
import { localImports, sourceFiles } from '../../support/imports.js';

// What lint/rooms.js cannot see, because it looks at top-level folders only: the shape of the
// imports inside a room.
describe('the import graph', () => {
  it('the workflow contract imports only itself and the pure domain', () => {
    const outside = sourceFiles('workflows/contract').flatMap((file) =>
      localImports(file)
        .filter((target) => !/^workflows\/(contract|domain)\//.test(target))
        .map((target) => `${file} -> ${target}`),
    );
    expect(outside).toEqual([]);
  });
});
