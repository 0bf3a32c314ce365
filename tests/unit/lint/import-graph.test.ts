import { describe, expect, it } from 'vitest';
import { importCycles, localImports, sourceFiles } from '../../support/imports.js';

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

  // A cycle (context -> services -> access -> auth -> context, say) means no file can be read or
  // tested without all the others; auth helpers take a Caller so that auth sits below the rest.
  it.each(['api', 'workflows', 'platform', 'smpp-gateway', 'worker', 'stack', 'config'])(
    '%s/ has no import cycle',
    (folder) => {
      expect(importCycles(sourceFiles(folder)).map((cycle) => cycle.join(' -> '))).toEqual([]);
    },
  );
});
