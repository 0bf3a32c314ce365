import type { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { ALL_SEARCH_ATTRIBUTES } from '../../workflows/contract/search-attributes.js';

/**
 * On a cluster the search attributes must be registered once per namespace. Self-hosted clusters
 * accept it through the operator service; Temporal Cloud does not (register them in its console
 * or with tcld), so a refusal is reported, not fatal.
 */
export async function ensureSearchAttributes(
  connection: Pick<Connection, 'operatorService'>,
  namespace: string,
): Promise<string | undefined> {
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    const known = new Set(Object.keys(existing.customAttributes ?? {}));
    const missing = ALL_SEARCH_ATTRIBUTES.filter((sa) => !known.has(sa.name));
    if (missing.length === 0) return undefined;
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(
        missing.map((sa) => [sa.name, proto.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD]),
      ),
    });
    return undefined;
  } catch (error) {
    return `could not register search attributes ${ALL_SEARCH_ATTRIBUTES.map((s) => s.name).join(', ')} (${(error as Error).message}); register them as Keyword in namespace ${namespace}`;
  }
}
