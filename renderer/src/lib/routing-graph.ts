// The routing map's data: identities' routes (from the admin API, not the visible log) turned into the
// nodes and weighted links of a flow graph, client app → identity → model → backend → provider, for a
// chosen time window. A failed route stops at the hop where it failed and marks its errors on that link.
import type { IdentityRoute, IdentityStats, Mode, RouteStage } from '../../../shared/protocol/records';

export type MapWindow = '5m' | '1h' | 'all';
export const MAP_WINDOWS: { id: MapWindow; label: string }[] = [
  { id: '5m', label: '5 min' },
  { id: '1h', label: '1 hour' },
  { id: 'all', label: 'Since start' },
];

export type NodeKind = 'app' | 'identity' | 'model' | 'backend' | 'provider';
export const NODE_KINDS: readonly NodeKind[] = ['app', 'identity', 'model', 'backend', 'provider'];
export const KIND_LABEL: Record<NodeKind, string> = {
  app: 'Client app',
  identity: 'Identity',
  model: 'Model',
  backend: 'Backend',
  provider: 'Provider',
};

export interface MapNode {
  id: string;
  kind: NodeKind;
  /** what the log filters on (app name without version, identity, model, backend, provider) */
  name: string;
  label: string;
  requests: number;
}

export interface MapLink {
  id: string;
  source: string;
  target: string;
  requests: number;
  /** requests that failed on this hop */
  errors: number;
}

export interface MapGraph {
  nodes: MapNode[];
  links: MapLink[];
  /** the columns drawn, in order */
  kinds: NodeKind[];
  total: number;
  errors: number;
  /** set when the backend column was folded away (one backend, no failure of its own): its name */
  onlyBackend: string | null;
}

export interface GraphOptions {
  /** narrow windows: drop the backend column when it would be one box every route goes through */
  foldSingleBackend?: boolean;
}

/** "Claude Code 2.0.14" → "Claude Code": versions change under a client; the map groups by the app. */
export function appName(clientApp: string): string {
  return clientApp.replace(/\s+v?\d[\w.-]*$/, '') || 'unknown';
}

export function nodeId(kind: NodeKind, value: string): string {
  return `${kind}:${value}`;
}

const WINDOW_MS: Record<Exclude<MapWindow, 'all'>, number> = { '5m': 5 * 60_000, '1h': 60 * 60_000 };

/** Requests of a route inside the window ending at `now`. */
export function routeCount(route: IdentityRoute, window: MapWindow, now: number): number {
  if (window === 'all') return route.requests;
  const from = now - WINDOW_MS[window];
  let count = 0;
  for (const [minute, n] of route.minutes) if (minute + 60_000 > from) count += n;
  return count;
}

/** The hops a route went through, and the index of the link its failure sits on. */
function hops(userId: string, route: IdentityRoute, skipBackend = false): { path: [NodeKind, string][]; failedLink: number | null } {
  const path: [NodeKind, string][] = [['app', appName(route.clientApp)], ['identity', userId]];
  const stage: RouteStage | null = route.failedAt;
  if (stage === 'gateway') return { path, failedLink: 0 };
  path.push(['model', route.model ?? 'model list']);
  if (stage === 'model') return { path, failedLink: 1 };
  if (!skipBackend) path.push(['backend', backendLabel(route.backend)]);
  if (stage === 'backend') return { path, failedLink: path.length - 2 };
  if (route.provider) path.push(['provider', route.provider]);
  return { path, failedLink: stage === 'provider' ? path.length - 2 : null };
}

export function backendLabel(mode: Mode): string {
  return mode === 'sdk' ? 'SDK' : 'Binary';
}

export function buildRoutingGraph(identities: readonly IdentityStats[], window: MapWindow, now: number, options: GraphOptions = {}): MapGraph {
  let fold: string | null = null;
  if (options.foldSingleBackend) {
    const seen = new Set<Mode>();
    let backendFailures = false;
    for (const identity of identities) {
      for (const route of identity.routes ?? []) {
        if (routeCount(route, window, now) === 0) continue;
        seen.add(route.backend);
        if (route.failedAt === 'backend') backendFailures = true;
      }
    }
    if (seen.size === 1 && !backendFailures) fold = backendLabel([...seen][0]!);
  }
  return buildGraph(identities, window, now, fold);
}

function buildGraph(identities: readonly IdentityStats[], window: MapWindow, now: number, fold: string | null): MapGraph {
  const nodes = new Map<string, MapNode>();
  const links = new Map<string, MapLink>();
  let total = 0;
  let errors = 0;
  for (const identity of identities) {
    for (const route of identity.routes ?? []) {
      const count = routeCount(route, window, now);
      if (count === 0) continue;
      total += count;
      if (route.failedAt) errors += count;
      const { path, failedLink } = hops(identity.userId, route, fold !== null);
      path.forEach(([kind, value], index) => {
        const id = nodeId(kind, value);
        const node = nodes.get(id) ?? { id, kind, name: value, label: value, requests: 0 };
        // a node's count is what reached it
        node.requests += count;
        nodes.set(id, node);
        if (index === 0) return;
        const [prevKind, prevValue] = path[index - 1]!;
        const source = nodeId(prevKind, prevValue);
        const linkId = `${source}→${id}`;
        const link = links.get(linkId) ?? { id: linkId, source, target: id, requests: 0, errors: 0 };
        link.requests += count;
        links.set(linkId, link);
      });
      if (failedLink !== null) {
        // the failing hop: from the last node reached to where it should have gone next (drawn on the
        // last link it took; a refusal at the door sits on app → identity)
        const at = Math.min(failedLink, path.length - 2);
        const [fromKind, fromValue] = path[at]!;
        const [toKind, toValue] = path[at + 1]!;
        links.get(`${nodeId(fromKind, fromValue)}→${nodeId(toKind, toValue)}`)!.errors += count;
      }
    }
  }
  const order = (a: MapNode, b: MapNode) => NODE_KINDS.indexOf(a.kind) - NODE_KINDS.indexOf(b.kind) || b.requests - a.requests || a.label.localeCompare(b.label);
  const kinds = NODE_KINDS.filter((k) => fold === null || k !== 'backend');
  return { nodes: [...nodes.values()].sort(order), links: [...links.values()], kinds, total, errors, onlyBackend: fold };
}

/**
 * The links a finished request's pulse runs along: its full path, cut where the graph has no such link
 * (a refused request stops at the hop that refused it; the view only draws links that exist).
 */
export function recordLinkIds(record: { clientApp: string; identity: string; model: string | null; backend: Mode; provider: string | null }, skipBackend = false): string[] {
  const route: IdentityRoute = {
    clientApp: record.clientApp, model: record.model, provider: record.provider, backend: record.backend,
    failedAt: null, requests: 1, lastSeen: 0, minutes: [],
  };
  const { path } = hops(record.identity, route, skipBackend);
  const ids: string[] = [];
  for (let i = 1; i < path.length; i++) ids.push(`${nodeId(...path[i - 1]!)}→${nodeId(...path[i]!)}`);
  return ids;
}
