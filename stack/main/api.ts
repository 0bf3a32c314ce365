// The API on its own (several of them behind a load balancer, with Redis carrying the events):
//   SWITCHBOARD_CONFIG=path/to/config.yaml npm run start:api
// It serves the built desktop too when web/build exists (or SWITCHBOARD_WEB_ROOT says where).
import { runProcess } from '../process-lifecycle.js';

await runProcess({
  parts: ['api'],
  web: 'if-built',
  // One JSON line a supervisor (or a test) can wait for.
  ready: ({ api, config }) =>
    JSON.stringify({
      listening: api!.url,
      ...(api!.webUrl ? { web: api!.webUrl } : {}),
      instance: config.temporal.instance,
    }),
});
