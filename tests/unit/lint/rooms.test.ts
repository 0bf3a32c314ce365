import { join } from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { roomsPlugin } from '../../../lint/rooms.js';
import { REPO_ROOT } from '../../../harness/child-process.js';

// The rule that keeps the rooms apart, run on made-up files: a crossing is reported, an allowed
// import is not.
function problems(file: string, source: string): string[] {
  const linter = new Linter({ cwd: REPO_ROOT });
  const config = [{ files: ['**/*.ts'], plugins: { rooms: roomsPlugin }, rules: { 'rooms/allowed-imports': 'error' } }];
  return linter.verify(source, config as Linter.Config[], { filename: join(REPO_ROOT, file) }).map((m) => m.message);
}

describe('rooms/allowed-imports', () => {
  it.each([
    ['api/services/x.ts', "import { a } from '../../worker/run-worker.js';", 'api/ may not import worker/'],
    ['smpp-gateway/x.ts', "import { a } from '../api/create-api.js';", 'smpp-gateway/ may not import api/'],
    ['worker/x.ts', "export { a } from '../smpp-gateway/service/gateway.js';", 'worker/ may not import smpp-gateway/'],
    ['web/src/lib/x.ts', "import { a } from '../../../api/schema.js';", 'web/ may not import api/'],
    ['workflows/domain/x.ts', "import { a } from '../../config/load.js';", 'workflows/ may not import config/'],
    ['platform/events/x.ts', "import { a } from '../../api/context.js';", 'platform/ may not import api/'],
    ['bench/x.ts', "const m = await import('../tests/support/eventually.js');", 'bench/ may not import tests/'],
  ])('%s: %s is refused', (file, source, message) => {
    expect(problems(file, source).join('\n')).toContain(message);
  });

  it.each([
    ['api/services/x.ts', "import { a } from '../../platform/events/bus.js';"],
    ['smpp-gateway/x.ts', "import { a } from '../workflows/contract/customer-phone.js';"],
    ['web/src/lib/x.ts', "import { a } from '../../../workflows/domain/limits.js';"],
    ['stack/x.ts', "import { a } from '../api/create-api.js';"],
    ['api/x.ts', "import { a } from 'graphql-yoga';"],
  ])('%s: %s is allowed', (file, source) => {
    expect(problems(file, source)).toEqual([]);
  });
});
