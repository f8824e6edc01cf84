// The routing map: a Sankey diagram (d3-sankey does the layout) of client app → identity → model →
// backend → provider. Link width is the request count in the window; failures are drawn in red on the
// link where they happened. Nodes and links are buttons: activating one filters the log to it.
import { sankey, sankeyLinkHorizontal, type SankeyLink, type SankeyNode } from 'd3-sankey';
import { useId, useMemo, type KeyboardEvent } from 'react';
import { identityStyle } from '../../components/identity-chip';
import { formatCount } from '../../lib/format';
import { KIND_LABEL, type MapGraph, type MapLink, type MapNode, type NodeKind } from '../../lib/routing-graph';

type Node = SankeyNode<MapNode, MapLink>;
type Link = SankeyLink<MapNode, MapLink>;

export interface MapPick {
  /** one node, or both ends of a link */
  nodes: MapNode[];
}

export interface RoutingMapProps {
  graph: MapGraph;
  width: number;
  onPick: (pick: MapPick) => void;
  /** links a request just went along: which hop of its path (staggers the pulse) and a key to restart it */
  pulses: ReadonlyMap<string, Pulse>;
}

export interface Pulse {
  hop: number;
  key: number;
  failed: boolean;
}

const HEAD = 22;
const NODE_W = 10;
const LINK_PATH = sankeyLinkHorizontal<MapNode, MapLink>();

export function mapHeight(graph: MapGraph): number {
  const perColumn = graph.kinds.map((kind) => graph.nodes.filter((n) => n.kind === kind).length);
  return Math.max(180, HEAD + 16 + Math.max(...perColumn) * 40);
}

/** Room right of the last column for its labels, so they never sit on the flows. */
export function labelRoom(width: number): number {
  return Math.round(Math.min(150, Math.max(84, width * 0.16)));
}

function layout(graph: MapGraph, width: number, height: number): { nodes: Node[]; links: Link[] } {
  const generator = sankey<MapNode, MapLink>()
    .nodeId((n) => n.id)
    // fixed columns: a route cut short (refused) still ends in its own column, not the last one
    .nodeAlign((n) => graph.kinds.indexOf(n.kind))
    .nodeWidth(NODE_W)
    .nodePadding(14)
    .nodeSort((a, b) => b.requests - a.requests || a.label.localeCompare(b.label))
    .extent([[1, HEAD + 4], [width - labelRoom(width), height - 4]]);
  return generator({
    nodes: graph.nodes.map((n) => ({ ...n })),
    links: graph.links.map((l) => ({ ...l, value: l.requests })),
  });
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

function onActivate(run: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      run();
    }
  };
}

export function RoutingMap({ graph, width, onPick, pulses }: RoutingMapProps) {
  const uid = useId().replace(/:/g, '');
  const height = mapHeight(graph);
  const { nodes, links } = useMemo(() => layout(graph, width, height), [graph, width, height]);
  const kinds = graph.kinds;
  const columns = kinds.length;
  const drawn = width - labelRoom(width) - 1;
  const columnWidth = (drawn - NODE_W) / (columns - 1);
  // narrow: names only (counts stay in each box's accessible name and tooltip), in the smaller font
  const compact = width < 640;
  const charW = compact ? 6.1 : 6.8;
  const countChars = compact ? 0 : 5;
  // room for a label between its node and the next column, in characters
  const labelChars = Math.max(6, Math.floor((columnWidth - NODE_W - 10) / charW) - countChars);
  const columnX = (kind: NodeKind) => kinds.indexOf(kind) * columnWidth;

  return (
    <svg className={`routing-map${compact ? ' routing-map-compact' : ''}`} width={width} height={height} role="group" aria-label="Routing map: client apps, identities, models, backends and providers" data-testid="routing-map">
      {kinds.map((kind) => (
        <text key={kind} className="map-column" x={columnX(kind)} y={12} aria-hidden="true">
          {KIND_LABEL[kind]}
        </text>
      ))}
      <g className="map-links">
        {links.map((link) => {
          const source = link.source as Node;
          const target = link.target as Node;
          const d = LINK_PATH(link) ?? '';
          const strokeWidth = Math.max(1.5, link.width ?? 1);
          const errorWidth = link.errors > 0 ? Math.max(2.5, strokeWidth * (link.errors / link.requests)) : 0;
          const label = `${source.label} to ${target.label}: ${formatCount(link.requests)} requests${link.errors ? `, ${formatCount(link.errors)} failed here` : ''}. Show in the log.`;
          const pick = () => onPick({ nodes: [source, target] });
          const pulse = pulses.get(link.id);
          return (
            <g
              key={link.id}
              className={`map-link${link.errors ? ' map-link-has-error' : ''}`}
              role="button"
              tabIndex={0}
              aria-label={label}
              data-testid="map-link"
              data-link-id={link.id}
              data-requests={link.requests}
              data-errors={link.errors}
              onClick={pick}
              onKeyDown={onActivate(pick)}
            >
              <title>{label}</title>
              <path className="map-link-hit" d={d} strokeWidth={Math.max(10, strokeWidth)} />
              <path className="map-link-flow" d={d} strokeWidth={strokeWidth} />
              {errorWidth > 0 && <path className="map-link-error" d={d} strokeWidth={errorWidth} data-testid="map-link-error" />}
              {pulse && (
                // a dash that runs the length of the link (pathLength normalises it), one hop after another
                <path
                  key={pulse.key}
                  className={`map-pulse${pulse.failed ? ' map-pulse-failed' : ''}`}
                  d={d}
                  pathLength={100}
                  strokeWidth={Math.min(6, Math.max(3, strokeWidth / 2))}
                  style={{ animationDelay: `${pulse.hop * 160}ms` }}
                  data-testid="map-pulse"
                />
              )}
            </g>
          );
        })}
      </g>
      <g className="map-nodes">
        {nodes.map((node, index) => {
          const x0 = node.x0 ?? 0;
          const y0 = node.y0 ?? 0;
          const h = Math.max(2, (node.y1 ?? 0) - y0);
          const last = node.kind === kinds[columns - 1];
          const chars = last ? Math.floor((width - (node.x1 ?? 0) - 8) / charW) - countChars : labelChars;
          const shown = shorten(node.label, Math.max(6, chars));
          // the name is what the box shows (WCAG 2.5.3: speech matches sight, a shortened label included);
          // the description carries the whole name, the kind and what activating it does
          const labelId = `${uid}-n${index}`;
          const pick = () => onPick({ nodes: [node] });
          return (
            <g
              key={node.id}
              className={`map-node map-node-${node.kind}`}
              style={node.kind === 'identity' ? identityStyle(node.name) : undefined}
              role="button"
              tabIndex={0}
              aria-labelledby={labelId}
              aria-describedby={`${labelId}-d`}
              data-testid="map-node"
              data-node-id={node.id}
              data-requests={node.requests}
              onClick={pick}
              onKeyDown={onActivate(pick)}
            >
              <rect x={x0} y={y0} width={NODE_W} height={h} rx={2} />
              {/* one text node: axe reads a <tspan> inside <text> twice and then finds the name not matching */}
              <text id={labelId} className="map-label" x={x0 + NODE_W + 5} y={y0 + h / 2} dy="0.35em">
                {compact ? `${shown}` : `${shown} ${formatCount(node.requests)}`}
              </text>
            </g>
          );
        })}
      </g>
      {/* the boxes' descriptions live apart from them: text inside a box counts as its visible text */}
      <g aria-hidden="true">
        {nodes.map((node, index) => (
          <desc key={node.id} id={`${uid}-n${index}-d`}>
            {`${node.label}: ${KIND_LABEL[node.kind].toLowerCase()}, ${formatCount(node.requests)} requests. Show in the log.`}
          </desc>
        ))}
      </g>
    </svg>
  );
}
