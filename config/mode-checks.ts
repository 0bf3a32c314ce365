import type { SwitchboardConfig } from './schema.js';

// Demo is a mode (`demo: true`), never a fallback. A demo may use the shipped secrets, plain
// passwords and the carrier simulator, but listens on loopback only; anything else must bring its
// own secrets. Each problem names its key, like every other configuration error.

/**
 * Every secret the repository ships: config/demo.yaml, the contract's example, the tests and
 * benchmarks (tests/unit/config checks this list against those files). None may guard production.
 */
export const SHIPPED_SECRETS: ReadonlySet<string> = new Set([
  'demo-secret-change-me-in-production',
  'change-me-in-production',
  'test-secret-not-for-production',
  'bench-secret-not-for-production',
  'dev-integrator-key',
  'test-integrator-key',
]);

const MIN_JWT_SECRET_BYTES = 32;
const MIN_API_KEY_LENGTH = 16;

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function demoProblems(config: SwitchboardConfig): string[] {
  const problems: string[] = [];
  const loopbackOnly = (key: string, host: string) => {
    if (!isLoopback(host))
      problems.push(
        `${key}: a demo (demo: true) listens on loopback only (127.0.0.1, ::1 or localhost), not '${host}'`,
      );
  };
  loopbackOnly('api.host', config.api.host);
  if (config.smpp.listen) loopbackOnly('smpp.listen.host', config.smpp.listen.host);
  return problems;
}

function productionProblems(config: SwitchboardConfig): string[] {
  const problems: string[] = [];
  const outside = 'outside a demo (demo: true)';
  const secret = config.auth.jwtSecret;
  if (SHIPPED_SECRETS.has(secret))
    problems.push(`auth.jwtSecret: this secret ships in the repository; generate your own (openssl rand -base64 48)`);
  else if (Buffer.byteLength(secret) < MIN_JWT_SECRET_BYTES)
    problems.push(`auth.jwtSecret: at least ${MIN_JWT_SECRET_BYTES} bytes ${outside}`);
  config.auth.apiKeys.forEach((k, i) => {
    if (SHIPPED_SECRETS.has(k.key))
      problems.push(`auth.apiKeys[${i}].key: this key ships in the repository; generate your own`);
    else if (k.key.length < MIN_API_KEY_LENGTH)
      problems.push(`auth.apiKeys[${i}].key: at least ${MIN_API_KEY_LENGTH} characters ${outside}`);
  });
  config.agents.forEach((a, i) => {
    if (a.password !== undefined)
      problems.push(`agents[${i}].password: plain passwords only in a demo; use passwordHash (npm run hash-password)`);
  });
  if (config.smpp.simulator.enabled) {
    problems.push(
      `smpp.simulator.enabled: the carrier simulator and the anonymous customer-phone API run only in a demo (demo: true)`,
    );
  }
  return problems;
}

export function modeProblems(config: SwitchboardConfig): string[] {
  return config.demo ? demoProblems(config) : productionProblems(config);
}
