// The workflow bundle's entry point: every workflow type the worker registers.
export { conversationWorkflow } from './conversation/workflow.js';
export { routerWorkflow } from './router/workflow.js';
export { routerCarryWorkflow } from './router/carry.js';
export { threadWorkflow } from './thread/workflow.js';
