// One room per job, enforced: a file may import only from the rooms its own room is allowed to
// use. A room is a top-level folder. Process folders (worker, api, smpp-gateway, web) never import
// one another; shared plumbing (platform) and the workflow contract and rules (workflows) import
// no process folder; only the composition root (stack) puts the processes together.
import { dirname, relative, resolve, sep } from 'node:path';

const PROCESSES = ['worker', 'api', 'smpp-gateway', 'web'];
const BASE = ['workflows', 'config', 'platform'];
/** Room -> the rooms it may import from (its own room is always allowed). */
export const ALLOWED = {
  workflows: [],
  config: ['workflows'],
  platform: ['workflows', 'config'],
  worker: BASE,
  api: BASE,
  'smpp-gateway': BASE,
  // The desktop runs in the browser: only the pure rules and the codec's segment count.
  web: ['workflows', 'platform'],
  stack: [...BASE, ...PROCESSES],
  scripts: [...BASE, 'stack'],
  harness: [...BASE, ...PROCESSES, 'stack'],
  bench: [...BASE, ...PROCESSES, 'stack', 'harness'],
  tests: [...BASE, ...PROCESSES, 'stack', 'harness', 'scripts', 'bench', 'lint'],
  lint: [],
};

function roomOf(root, path) {
  const rel = relative(root, path);
  if (rel.startsWith('..')) return '(outside the repository)';
  return rel.split(sep)[0];
}

export const roomsPlugin = {
  rules: {
    'allowed-imports': {
      meta: { type: 'problem', schema: [], messages: { crossing: '{{from}}/ may not import {{to}}/ ({{allowed}}).' } },
      create(context) {
        const root = context.cwd;
        const file = context.filename;
        const from = roomOf(root, file);
        const allowed = ALLOWED[from];
        if (!allowed) return {};
        const check = (node, spec) => {
          if (typeof spec !== 'string' || !spec.startsWith('.')) return;
          const to = roomOf(root, resolve(dirname(file), spec));
          if (to === from || allowed.includes(to)) return;
          context.report({
            node,
            messageId: 'crossing',
            data: {
              from,
              to,
              allowed: allowed.length ? `it may use ${allowed.join(', ')}` : 'it imports nothing outside itself',
            },
          });
        };
        return {
          ImportDeclaration: (node) => check(node.source, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
          ExportAllDeclaration: (node) => check(node.source, node.source.value),
          ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
        };
      },
    },
  },
};
