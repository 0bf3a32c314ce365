// The floor's workflow: takes the same signal as a thread (the same name and payload) and only
// counts it. What Temporal, the dev server and the worker cost before any Switchboard rule runs.
import { condition, defineQuery, setHandler } from '@temporalio/workflow';
import { customerMessageSignal } from '../../workflows/contract/definitions.js';

export const floorCountQuery = defineQuery<number>('count');

export async function floorWorkflow(_input: { maxHistory: number }): Promise<void> {
  let count = 0;
  setHandler(customerMessageSignal, () => void count++);
  setHandler(floorCountQuery, () => count);
  // Open until the server is torn down, as an open conversation is.
  await condition(() => false);
}
