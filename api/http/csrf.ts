import type { Plugin } from 'graphql-yoga';

// CSRF prevention (as in Apollo Server and Yoga's csrf plugin): a browser can send a cross-site
// GET, or a POST with a "simple" content type, without a CORS preflight. Every GraphQL request
// must therefore carry something a simple request cannot: an Authorization header, a non-simple
// content type (application/json), or an explicit CSRF header.

const SIMPLE_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
export const CSRF_HEADERS = ['x-graphql-yoga-csrf', 'graphql-require-preflight', 'apollo-require-preflight'];

export function needsPreflight(request: Request): boolean {
  if (request.headers.has('authorization')) return true;
  if (CSRF_HEADERS.some((h) => request.headers.has(h))) return true;
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  return request.method !== 'GET' && request.method !== 'HEAD' && !!type && !SIMPLE_TYPES.has(type);
}

export function useCsrfPrevention(): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (needsPreflight(request)) return;
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({
            errors: [
              {
                message:
                  'This request needs a JSON body, an Authorization header or an x-graphql-yoga-csrf header (CSRF prevention).',
                extensions: { code: 'CSRF' },
              },
            ],
          }),
          { status: 403, headers: { 'content-type': 'application/json' } },
        ),
      );
    },
  };
}
