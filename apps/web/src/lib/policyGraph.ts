// Where each document sits in the cascade drawing: one column per issuer level (国家 → 自治区 →
// 盟市 → 旗县, left to right), documents stacked by year within a column. Pure, so tested.
import type { GraphNode, IssuerLevel, PolicyGraph } from '../api/policies';

const COLUMN: Record<IssuerLevel, number> = { national: 0, region: 1, city: 2, county: 3 };
export const COLUMN_WIDTH = 320;
export const ROW_HEIGHT = 90;

/** A placeholder's level is unknown: guess from its 发文字号, else one column left of who cites it. */
function columnOf(n: GraphNode, graph: PolicyGraph, known: Map<string, number>): number {
  if (n.issuerLevel) return COLUMN[n.issuerLevel];
  if (n.docNumber && /^[国國]/.test(n.docNumber)) return 0;
  const citing = graph.edges.filter((e) => e.target === n.id).map((e) => known.get(e.source) ?? 3);
  return citing.length ? Math.max(0, Math.min(...citing) - 1) : 0;
}

export function layoutGraph(graph: PolicyGraph): Map<string, { x: number; y: number; column: number }> {
  const known = new Map<string, number>();
  for (const n of graph.nodes) if (n.issuerLevel) known.set(n.id, COLUMN[n.issuerLevel]);
  const columns = new Map<number, GraphNode[]>();
  for (const n of graph.nodes) {
    const c = columnOf(n, graph, known);
    columns.set(c, [...(columns.get(c) ?? []), n]);
  }
  const out = new Map<string, { x: number; y: number; column: number }>();
  for (const [c, nodes] of columns) {
    nodes.sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || a.title.localeCompare(b.title, 'zh-CN'));
    nodes.forEach((n, i) => {
      out.set(n.id, { x: c * COLUMN_WIDTH, y: i * ROW_HEIGHT, column: c });
    });
  }
  return out;
}
