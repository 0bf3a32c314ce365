import type { SwitchboardConfig } from '../config/schema.js';

/**
 * The one address rule, for every entry point and the harness alike: SWITCHBOARD_TEMPORAL_ADDRESS
 * (or the harness's own dev server) replaces `temporal.address`. The result is a cluster address,
 * so no entry point starts a dev server of its own when one is named.
 */
export function withTemporalAddress(
  config: SwitchboardConfig,
  address: string | undefined = process.env.SWITCHBOARD_TEMPORAL_ADDRESS,
): SwitchboardConfig {
  const named = address?.trim();
  if (!named || named === config.temporal.address) return config;
  return { ...config, temporal: { ...config.temporal, address: named } };
}
