import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';

// CSRF prevention: a browser can send a cross-site GET, or a POST with a "simple" content type,
// without a CORS preflight. Yoga's plugin lets such a request through only if it carries a header
// a simple request cannot. Besides the usual CSRF headers, an Authorization header counts: it is
// not CORS-safelisted either, and it is what the desktop and integrators send. A JSON body
// (application/json) is preflighted anyway and always passes.
const PREFLIGHTED_HEADERS = [
  'x-graphql-yoga-csrf',
  'graphql-require-preflight',
  'apollo-require-preflight',
  'authorization',
];

export function csrfPrevention() {
  return useCSRFPrevention({ requestHeaders: PREFLIGHTED_HEADERS });
}
