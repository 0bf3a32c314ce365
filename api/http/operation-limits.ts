import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

// Two validation rules GraphQL Armor does not have.
//
// Fan-out: some root fields cost Temporal queries (customerHistory: a thread query and up to 20
// conversation states). Each carries a cost, aliases and fragments count every time, and an
// operation over the budget is refused before anything runs, so aliases cannot multiply queries.
//
// Introspection: outside a demo, only a caller with a token or API key may introspect (the schema
// file is in the repository for integrators anyway).

const FAN_OUT_COSTS: Readonly<Record<string, number>> = {
  customerHistory: 21,
  conversations: 50, // a page of up to 100 states: two per operation at most
  myConversations: 10,
  myOffers: 10,
  agents: 1,
  me: 1,
  conversation: 1,
  queues: 1,
};
const MAX_FAN_OUT = 100;

function rootCost(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, seen: Set<string>): number {
  let cost = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) cost += FAN_OUT_COSTS[s.name.value] ?? 0;
    else if (s.kind === Kind.INLINE_FRAGMENT) cost += rootCost(s.selectionSet, fragments, seen);
    else {
      const f = fragments[s.name.value];
      if (!f || seen.has(f.name.value)) continue; // a cycle is another rule's error
      seen.add(f.name.value);
      cost += rootCost(f.selectionSet, fragments, seen);
      seen.delete(f.name.value);
    }
  }
  return cost;
}

function fanOutRule(context: ValidationContext): ASTVisitor {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of context.getDocument().definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  return {
    OperationDefinition(op) {
      const cost = rootCost(op.selectionSet, fragments, new Set());
      if (cost > MAX_FAN_OUT) {
        context.reportError(
          new GraphQLError(
            `Operation fan-out cost ${cost} is over the limit of ${MAX_FAN_OUT} (customerHistory costs ${FAN_OUT_COSTS.customerHistory}).`,
            { nodes: [op], extensions: { code: 'BAD_USER_INPUT' } },
          ),
        );
      }
    },
  };
}

function noIntrospectionRule(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        context.reportError(
          new GraphQLError('Introspection needs a token or an API key (Authorization: Bearer ...).', {
            nodes: [node],
            extensions: { code: 'UNAUTHENTICATED' },
          }),
        );
      }
    },
  };
}

export function useOperationLimits(options: { demo: boolean }): Plugin {
  return {
    onValidate({ addValidationRule, context }) {
      addValidationRule(fanOutRule);
      const request = (context as { request?: Request }).request;
      if (!options.demo && !request?.headers.get('authorization')) addValidationRule(noIntrospectionRule);
    },
  };
}
