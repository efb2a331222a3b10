/**
 * monitoring/ checked with the real tools: `promtool check config` (Kubernetes and Compose
 * variants), `promtool check rules`, `promtool test rules` (each alert fires on the series meant
 * to trigger it and stays quiet on a healthy system), `amtool check-config` and its routing; and
 * the metric names in the rules and the Grafana dashboard against the /metrics of a running server.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { startServer, type SpawnedServer } from '../support/server-process.js';
import { readRepoFile, repoPath, requireTool, runTool } from './support/tools.js';

const MON = (...parts: string[]): string => repoPath('monitoring', ...parts);

interface RuleFile {
  groups: Array<{ name: string; rules: Array<{ alert?: string; record?: string; expr: string; for?: string; labels?: Record<string, string> }> }>;
}
interface PanelTarget {
  expr?: string;
  datasource?: { uid?: string; type?: string };
}
interface Panel {
  id: number;
  title: string;
  type: string;
  datasource?: { uid?: string; type?: string };
  gridPos: { x: number; y: number; w: number; h: number };
  targets?: PanelTarget[];
}

const rules = (): RuleFile => parse(readRepoFile('monitoring', 'dashboard_rules.yml')) as RuleFile;
const dashboard = (): { uid: string; title: string; panels: Panel[] } =>
  JSON.parse(readRepoFile('monitoring', 'grafana', 'dashboards', 'dashboard-system.json')) as { uid: string; title: string; panels: Panel[] };

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'dash-monitoring-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('Prometheus configuration (promtool)', () => {
  beforeAll(() => {
    requireTool('promtool');
  });

  it.each(['prometheus.yml', 'prometheus-compose.yml'])('promtool check config accepts %s and its rule file', (file) => {
    const res = runTool('promtool', ['check', 'config', MON(file)]);
    expect(res.code, res.output).toBe(0);
    expect(res.output).toContain('SUCCESS: 1 rule files found');
  });

  it('both configurations scrape the same jobs: each backend role and the two exporters, no frontend', () => {
    for (const file of ['prometheus.yml', 'prometheus-compose.yml']) {
      const config = parse(readRepoFile('monitoring', file)) as { scrape_configs: Array<{ job_name: string }>; rule_files: string[] };
      expect(config.scrape_configs.map((s) => s.job_name).sort(), file).toEqual(['api-bridge', 'dashboard-backend', 'memory-api', 'postgres', 'redis']);
      expect(config.rule_files).toEqual(['dashboard_rules.yml']);
    }
  });

  it('promtool check config rejects a configuration with an unknown field (the check can fail)', () => {
    const bad = join(scratch, 'bad-prometheus.yml');
    writeFileSync(bad, readRepoFile('monitoring', 'prometheus-compose.yml').replace('rule_files:', 'rule_filez:'));
    const res = runTool('promtool', ['check', 'config', bad]);
    expect(res.code).not.toBe(0);
    expect(res.output).toMatch(/rule_filez/);
  });

  it('promtool check rules accepts the alert rules', () => {
    const res = runTool('promtool', ['check', 'rules', MON('dashboard_rules.yml')]);
    expect(res.code, res.output).toBe(0);
    const count = rules().groups.flatMap((g) => g.rules).length;
    expect(res.output).toContain(`SUCCESS: ${count} rules found`);
  });

  it('promtool check rules rejects a rule with invalid PromQL', () => {
    const bad = join(scratch, 'bad-rules.yml');
    writeFileSync(bad, readRepoFile('monitoring', 'dashboard_rules.yml').replace('> 50\n', '> > 50\n'));
    const res = runTool('promtool', ['check', 'rules', bad]);
    expect(res.code).not.toBe(0);
    expect(res.output).toMatch(/parse error/);
  });

  it('has the alerts the issue asks for', () => {
    const alerts = rules().groups.flatMap((g) => g.rules.map((r) => r.alert));
    for (const name of [
      'DashboardQueueBacklog', // queue depth
      'DashboardTasksStuck', // stuck runs
      'DashboardRunsTimingOut',
      'DashboardHighErrorRate', // error rate
      'DashboardHighLatencyP95', // p95 latency
      'DashboardReplicaDown', // replica down
      'DashboardCostBurnHigh', // cost burn
    ]) {
      expect(alerts).toContain(name);
    }
    for (const rule of rules().groups.flatMap((g) => g.rules)) expect(['warning', 'critical'], rule.alert).toContain(rule.labels?.severity);
  });

  it('promtool test rules: every alert fires in a unit test, and none on a healthy system', () => {
    const res = runTool('promtool', ['test', 'rules', MON('tests', 'dashboard_rules.test.yml')]);
    expect(res.code, res.output).toBe(0);
    const tests = parse(readRepoFile('monitoring', 'tests', 'dashboard_rules.test.yml')) as {
      tests: Array<{ name: string; alert_rule_test: Array<{ alertname: string; exp_alerts: unknown[] }> }>;
    };
    const fired = new Set(tests.tests.flatMap((t) => t.alert_rule_test.filter((a) => a.exp_alerts.length > 0).map((a) => a.alertname)));
    const quiet = new Set(tests.tests.find((t) => t.name === 'a healthy system raises nothing')?.alert_rule_test.map((a) => a.alertname));
    for (const alert of rules().groups.flatMap((g) => g.rules.map((r) => r.alert ?? ''))) {
      expect(fired, `${alert} never fires in a test`).toContain(alert);
      expect(quiet, `${alert} is not checked on a healthy system`).toContain(alert);
    }
  });

  it('promtool test rules fails when an alert does not fire as expected (the check can fail)', () => {
    const dir = mkdtempSync(join(scratch, 'rules-'));
    writeFileSync(join(dir, 'dashboard_rules.yml'), readRepoFile('monitoring', 'dashboard_rules.yml').replace('max(dashboard_task_queue_depth{state="queued"}) > 50', 'max(dashboard_task_queue_depth{state="queued"}) > 500'));
    writeFileSync(join(dir, 'rules.test.yml'), readRepoFile('monitoring', 'tests', 'dashboard_rules.test.yml').replace('../dashboard_rules.yml', 'dashboard_rules.yml'));
    const res = runTool('promtool', ['test', 'rules', join(dir, 'rules.test.yml')]);
    expect(res.code).not.toBe(0);
    expect(res.output).toContain('DashboardQueueBacklog');
  });
});

describe('Alertmanager configuration (amtool)', () => {
  beforeAll(() => {
    requireTool('amtool');
  });

  it('amtool check-config accepts it', () => {
    const res = runTool('amtool', ['check-config', MON('alertmanager.yml')]);
    expect(res.code, res.output).toBe(0);
    expect(res.output).toContain('SUCCESS');
  });

  it('routes critical alerts to on-call and the rest to the digest', () => {
    const route = (...labels: string[]): string =>
      runTool('amtool', ['config', 'routes', 'test', `--config.file=${MON('alertmanager.yml')}`, ...labels]).stdout.trim();
    expect(route('alertname=DashboardTooFewReplicas', 'severity=critical')).toBe('on-call');
    expect(route('alertname=DashboardQueueBacklog', 'severity=warning')).toBe('team-digest');
  });

  it('amtool check-config rejects a route to an undefined receiver (the check can fail)', () => {
    const bad = join(scratch, 'bad-alertmanager.yml');
    writeFileSync(bad, readRepoFile('monitoring', 'alertmanager.yml').replace('receiver: on-call', 'receiver: nobody'));
    const res = runTool('amtool', ['check-config', bad]);
    expect(res.code).not.toBe(0);
    expect(res.output).toMatch(/nobody/);
  });
});

describe('Grafana dashboard', () => {
  it("keeps the seed's three panels and adds more, each with a unique id and a place on the grid", () => {
    const { panels, uid } = dashboard();
    expect(uid).toBe('dashboard-system');
    const titles = panels.map((p) => p.title);
    for (const seed of ['Active Processes', 'Task Queue Depth', 'Response Times']) expect(titles).toContain(seed);
    expect(panels.length).toBeGreaterThan(10);
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
    for (const p of panels) {
      expect(p.gridPos.w, p.title).toBeGreaterThan(0);
      expect(p.gridPos.x + p.gridPos.w, p.title).toBeLessThanOrEqual(24);
      // "graph" is the retired panel type the seed used.
      expect(p.type, p.title).not.toBe('graph');
    }
  });

  it('uses only the data sources Grafana is provisioned with', () => {
    const provisioned = parse(readRepoFile('monitoring', 'grafana', 'provisioning', 'datasources', 'datasources.yml')) as { datasources: Array<{ uid: string; type: string }> };
    const uids = new Map(provisioned.datasources.map((d) => [d.uid, d.type]));
    for (const p of dashboard().panels) {
      for (const ds of [p.datasource, ...(p.targets ?? []).map((t) => t.datasource)]) {
        expect(uids.get(ds?.uid ?? ''), p.title).toBe(ds?.type);
      }
    }
  });

  it('every Prometheus query of the dashboard is valid PromQL (promtool parses them as recording rules)', () => {
    const exprs = prometheusExprs();
    const file = join(scratch, 'grafana-exprs.yml');
    const doc = { groups: [{ name: 'grafana', rules: exprs.map((expr, i) => ({ record: `grafana:panel_query:${i}`, expr })) }] };
    writeFileSync(file, JSON.stringify(doc));
    const res = runTool('promtool', ['check', 'rules', file]);
    expect(res.code, res.output).toBe(0);
    expect(res.output).toContain(`SUCCESS: ${exprs.length} rules found`);
  });
});

function prometheusExprs(): string[] {
  return dashboard()
    .panels.flatMap((p) => (p.datasource?.type === 'prometheus' ? (p.targets ?? []).map((t) => t.expr ?? '') : []))
    .filter((e) => e !== '');
}

/** Metric names (not functions, labels or keywords) in a PromQL expression. */
function metricNames(expr: string): string[] {
  const withoutStrings = expr.replace(/"[^"]*"/g, '""');
  const withoutMatchers = withoutStrings.replace(/\{[^}]*\}/g, '{}').replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, '');
  return [...withoutMatchers.matchAll(/\b([a-z_:][a-z0-9_:]*)\b(?!\s*\()/gi)]
    .map((m) => m[1] ?? '')
    .filter((n) => !['and', 'or', 'unless', 'bool', 'offset', 'le', 'e', 'inf', 'nan'].includes(n.toLowerCase()) && !/^\d/.test(n));
}

describe('metric names in rules and dashboard exist', () => {
  let server: SpawnedServer | null = null;
  let exposed: Map<string, string>;

  /** Every HTTP call to the server in this file goes through here, with the test admin's credentials. */
  const api = (path: string): Promise<Response> => {
    if (server === null) throw new Error('the server is not running');
    return server.api(path);
  };

  let database: TestDatabase | null = null;

  // Scaled out, as deployed: PostgreSQL and Redis (some metrics, such as the Redis bus's, exist only there).
  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServer({
      env: { DATABASE_URL: database.url, REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', QUEUE_PREFIX: `deploy-${randomUUID()}` },
    });
    const res = await api('/metrics');
    expect(res.status).toBe(200);
    const text = await res.text();
    exposed = new Map([...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']));
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  /** `up` is Prometheus's own; the exporters' names are theirs. */
  const external = new Set(['up', 'redis_up', 'pg_up']);

  function exists(name: string): boolean {
    if (external.has(name) || exposed.has(name)) return true;
    const histogram = /^(.*)_(bucket|sum|count)$/.exec(name);
    return histogram !== null && ['histogram', 'summary'].includes(exposed.get(histogram[1] ?? '') ?? '');
  }

  it('the server exposes the metrics the seed dashboards use', () => {
    expect(exposed.get('dashboard_active_processes_total')).toBe('gauge');
    expect(exposed.get('dashboard_task_queue_depth')).toBe('gauge');
    expect(exposed.get('dashboard_request_duration_seconds')).toBe('histogram');
  });

  it('every metric an alert rule reads is exported by the server or an exporter', () => {
    const used = rules().groups.flatMap((g) => g.rules.flatMap((r) => metricNames(r.expr)));
    expect(used).toContain('dashboard_llm_cost_usd_total');
    const missing = [...new Set(used)].filter((n) => !exists(n));
    expect(missing).toEqual([]);
  });

  it('every metric a dashboard panel reads is exported by the server or an exporter', () => {
    const used = prometheusExprs().flatMap(metricNames);
    expect(used).toContain('dashboard_request_duration_seconds_bucket');
    const missing = [...new Set(used)].filter((n) => !exists(n));
    expect(missing).toEqual([]);
  });

  it('the name check catches a metric that does not exist (the check can fail)', () => {
    expect(metricNames('sum(rate(dashboard_no_such_metric_total{job="x"}[5m])) by (le)')).toEqual(['dashboard_no_such_metric_total']);
    expect(exists('dashboard_no_such_metric_total')).toBe(false);
    expect(exists('dashboard_active_processes_total_bucket')).toBe(false);
  });
});

describe('log shipping (Promtail) configuration', () => {
  it.each(['promtail.yml', 'promtail-compose.yml'])('%s pushes to Loki and reads the JSON log fields', (file) => {
    const config = parse(readFileSync(MON(file), 'utf8')) as {
      clients: Array<{ url: string }>;
      scrape_configs: Array<{ pipeline_stages: Array<Record<string, unknown>> }>;
    };
    expect(config.clients[0]?.url).toMatch(/\/loki\/api\/v1\/push$/);
    const stages = config.scrape_configs.flatMap((s) => s.pipeline_stages.map((st) => Object.keys(st)[0]));
    expect(stages).toContain('json');
  });
});
