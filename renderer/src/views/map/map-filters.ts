// What the log shows for a picked map node or link: each picked node narrows by its own field.
import type { MapNode } from '../../lib/routing-graph';
import type { LogFilters } from '../../state/log-filters';

export function filtersForPick(nodes: readonly MapNode[]): Partial<LogFilters> {
  const filters: Partial<LogFilters> = {};
  for (const node of nodes) {
    if (node.kind === 'app') filters.app = node.name;
    else if (node.kind === 'identity') filters.identity = node.name;
    else if (node.kind === 'model') filters.model = node.name === 'model list' ? '' : node.name;
    else if (node.kind === 'backend') filters.backend = node.name === 'SDK' ? 'sdk' : 'binary';
    else filters.provider = node.name;
  }
  return filters;
}
