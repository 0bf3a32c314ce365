// .ci/run calls this before the tests so that CI builds (or reuses) the cached Temporal CLI once,
// outside any test's timeout.
import { findTemporalCli, temporalCliVersion } from '../platform/temporal/cli.js';

const path = findTemporalCli();
console.log(`temporal CLI: ${path} (${temporalCliVersion(path).split('\n')[0]})`);
