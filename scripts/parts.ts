import type { Client } from '@temporalio/client';
import type { SwitchboardConfig } from '../config/schema.js';
import type { EventBus } from '../worker/events/bus.js';

export interface Part {
  banner: string;
  stop(): Promise<void>;
}

export interface PartDeps {
  config: SwitchboardConfig;
  client: Client;
  bus: EventBus;
  address: string;
}

/** The parts beside Temporal and the worker: carrier simulator, SMPP gateway, API and desktop. */
export async function startParts(_deps: PartDeps): Promise<Part[]> {
  return [];
}
