// The desktop is a single-page app: no server rendering, no prerendered data. The adapter's
// fallback page boots the router in the browser for every path.
export const ssr = false;
export const prerender = false;
