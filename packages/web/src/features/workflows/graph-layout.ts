/**
 * Where the graph view draws each step: one column per DAG depth (a step sits right of every step
 * it depends on), steps of a column top to bottom in template order; an edge from the right edge
 * of each dependency to the left edge of the step, as a smooth curve. Pure, so it is tested alone.
 */
export interface LayoutStep {
  key: string;
  depth: number;
  position: number;
  dependsOn: readonly string[];
}

export interface NodeBox {
  key: string;
  x: number;
  y: number;
  column: number;
  row: number;
}

export interface Edge {
  from: string;
  to: string;
  /** SVG path data. */
  d: string;
}

export interface GraphLayout {
  nodes: NodeBox[];
  edges: Edge[];
  width: number;
  height: number;
}

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 132;
export const GAP_X = 44;
export const GAP_Y = 16;

export function layoutGraph(steps: readonly LayoutStep[]): GraphLayout {
  const columns = new Map<number, LayoutStep[]>();
  for (const step of steps) columns.set(step.depth, [...(columns.get(step.depth) ?? []), step]);
  const nodes: NodeBox[] = [];
  for (const [column, members] of [...columns].sort((a, b) => a[0] - b[0])) {
    members
      .sort((a, b) => a.position - b.position)
      .forEach((step, row) => nodes.push({ key: step.key, column, row, x: column * (NODE_WIDTH + GAP_X), y: row * (NODE_HEIGHT + GAP_Y) }));
  }
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const edges: Edge[] = [];
  for (const step of steps) {
    const to = byKey.get(step.key);
    for (const dep of step.dependsOn) {
      const from = byKey.get(dep);
      if (!from || !to) continue;
      const x1 = from.x + NODE_WIDTH;
      const y1 = from.y + NODE_HEIGHT / 2;
      const x2 = to.x;
      const y2 = to.y + NODE_HEIGHT / 2;
      const bend = Math.max(24, (x2 - x1) / 2);
      edges.push({ from: dep, to: step.key, d: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}` });
    }
  }
  const width = nodes.reduce((w, n) => Math.max(w, n.x + NODE_WIDTH), 0);
  const height = nodes.reduce((h, n) => Math.max(h, n.y + NODE_HEIGHT), 0);
  return { nodes, edges, width, height };
}
