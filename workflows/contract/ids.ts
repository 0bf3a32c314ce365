// Workflow ids are the public ids (a conversation's id is its workflow id). The instance prefix
// keeps deployments that share a namespace, and parallel test runs, apart.

export function routerId(instance: string): string {
  return `${instance}:router`;
}

export function threadId(instance: string, businessNumber: string, customerNumber: string): string {
  return `${instance}:thread:${businessNumber}:${customerNumber}`;
}

export function conversationIdFor(instance: string, unique: string): string {
  return `${instance}:conv:${unique}`;
}

export function instanceOf(workflowId: string): string {
  return workflowId.split(':')[0] ?? '';
}

/** One routing group's router (routing-groups.ts); `routerId` is the single router of before. */
export function groupRouterId(instance: string, groupKey: string): string {
  return `${instance}:router:${groupKey}`;
}
