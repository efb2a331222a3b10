/**
 * The phase graph of a workflow template, as pure functions shared by the template validation,
 * the engine and the graph view.
 *
 * A phase runs after the phases it depends on. When a phase does not name its dependencies, they
 * follow from the list order and the `parallel` flag: consecutive phases marked `parallel` form a
 * group that runs at the same time, every other phase is a group of its own, and each group
 * depends on the whole group before it. So `[a, b(parallel), c(parallel), d]` is
 * `a → {b, c} → d`. An explicit `dependsOn` (possibly empty: a root) always wins.
 */

export interface PhaseGraphInput {
  readonly key: string;
  readonly parallel: boolean;
  readonly dependsOn?: readonly string[] | undefined;
}

/** Every phase's dependencies, explicit or derived from order and `parallel` (see the header). */
export function resolvePhaseDependencies(phases: readonly PhaseGraphInput[]): string[][] {
  const resolved: string[][] = [];
  let previousGroup: string[] = [];
  let currentGroup: string[] = [];
  let groupDeps: string[] = [];
  phases.forEach((phase, i) => {
    const joinsGroup = phase.parallel && i > 0 && (phases[i - 1]?.parallel ?? false);
    if (!joinsGroup) {
      previousGroup = currentGroup;
      currentGroup = [];
      groupDeps = [...previousGroup];
    }
    currentGroup.push(phase.key);
    resolved.push(phase.dependsOn === undefined ? [...groupDeps] : [...phase.dependsOn]);
  });
  return resolved;
}

/** A cycle as the keys along it (first key repeated at the end), or null when the graph is a DAG. */
export function findPhaseCycle(nodes: ReadonlyArray<{ key: string; dependsOn: readonly string[] }>): string[] | null {
  const deps = new Map(nodes.map((n) => [n.key, n.dependsOn]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (key: string): string[] | null => {
    const seen = state.get(key);
    if (seen === 'done') return null;
    if (seen === 'visiting') return [...path.slice(path.indexOf(key)), key];
    state.set(key, 'visiting');
    path.push(key);
    for (const dep of deps.get(key) ?? []) {
      if (!deps.has(dep)) continue;
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(key, 'done');
    return null;
  };
  for (const node of nodes) {
    const cycle = visit(node.key);
    if (cycle) return cycle;
  }
  return null;
}

/**
 * Depth of each phase in the DAG: 0 for roots, else 1 + the deepest dependency. The graph view
 * draws one column per depth. Assumes no cycle (validated templates have none).
 */
export function phaseDepths(nodes: ReadonlyArray<{ key: string; dependsOn: readonly string[] }>): Map<string, number> {
  const deps = new Map(nodes.map((n) => [n.key, n.dependsOn]));
  const depths = new Map<string, number>();
  const depthOf = (key: string, guard: number): number => {
    const known = depths.get(key);
    if (known !== undefined) return known;
    if (guard > nodes.length) return 0;
    const parents = (deps.get(key) ?? []).filter((d) => deps.has(d));
    const depth = parents.length === 0 ? 0 : 1 + Math.max(...parents.map((p) => depthOf(p, guard + 1)));
    depths.set(key, depth);
    return depth;
  };
  for (const node of nodes) depthOf(node.key, 0);
  return depths;
}
