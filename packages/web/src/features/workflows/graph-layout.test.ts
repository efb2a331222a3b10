import { describe, expect, it } from 'vitest';
import { GAP_X, GAP_Y, layoutGraph, NODE_HEIGHT, NODE_WIDTH } from './graph-layout';

describe('workflow graph layout', () => {
  it('puts steps in columns by depth, in template order, with an edge per dependency', () => {
    const layout = layoutGraph([
      { key: 'plan', depth: 0, position: 0, dependsOn: [] },
      { key: 'docs', depth: 1, position: 2, dependsOn: ['plan'] },
      { key: 'build', depth: 1, position: 1, dependsOn: ['plan'] },
      { key: 'ship', depth: 2, position: 3, dependsOn: ['build', 'docs'] },
    ]);
    expect(layout.nodes.map((n) => [n.key, n.column, n.row])).toEqual([
      ['plan', 0, 0],
      ['build', 1, 0],
      ['docs', 1, 1],
      ['ship', 2, 0],
    ]);
    expect(layout.nodes.find((n) => n.key === 'docs')).toMatchObject({ x: NODE_WIDTH + GAP_X, y: NODE_HEIGHT + GAP_Y });
    expect(layout.edges.map((e) => `${e.from}->${e.to}`)).toEqual(['plan->docs', 'plan->build', 'build->ship', 'docs->ship']);
    expect(layout.edges[0]?.d.startsWith(`M ${NODE_WIDTH} ${NODE_HEIGHT / 2} C`)).toBe(true);
    expect(layout.width).toBe(3 * NODE_WIDTH + 2 * GAP_X);
    expect(layout.height).toBe(2 * NODE_HEIGHT + GAP_Y);
  });

  it('is empty for no steps and ignores unknown dependencies', () => {
    expect(layoutGraph([])).toEqual({ nodes: [], edges: [], width: 0, height: 0 });
    expect(layoutGraph([{ key: 'a', depth: 0, position: 0, dependsOn: ['ghost'] }]).edges).toEqual([]);
  });
});
