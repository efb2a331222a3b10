/**
 * The operations scripts pass shellcheck (POSIX sh: they also run in the database container,
 * whose image may have no bash, e.g. postgres:15-alpine), and shellcheck does flag a broken script.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRepoFile, repoPath, requireTool, runTool } from './support/tools.js';

const SCRIPTS = ['scripts/backup.sh', 'scripts/restore.sh', 'scripts/backup-common.sh'];

describe('shell scripts (shellcheck)', () => {
  it('shellcheck finds nothing, following the sourced helper', () => {
    requireTool('shellcheck');
    const res = runTool('shellcheck', ['--external-sources', '--severity=style', ...SCRIPTS]);
    expect(res.code, res.output).toBe(0);
  });

  it('the scripts are POSIX sh and executable; the helper is only sourced', () => {
    for (const file of ['scripts/backup.sh', 'scripts/restore.sh']) {
      expect(readRepoFile(file).split('\n')[0], file).toBe('#!/bin/sh');
      expect(statSync(repoPath(file)).mode & 0o111, file).not.toBe(0);
    }
    expect(readRepoFile('scripts/backup-common.sh').split('\n')[0]).toBe('# shellcheck shell=sh');
  });

  it('shellcheck flags an unquoted variable and a bash-only construct (the check can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dash-shellcheck-'));
    try {
      const bad = join(dir, 'bad.sh');
      writeFileSync(bad, '#!/bin/sh\nset -eu\nfile=$1\nrm $file\nif [[ -n "$file" ]]; then echo done; fi\n');
      const res = runTool('shellcheck', [bad]);
      expect(res.code).not.toBe(0);
      expect(res.output).toMatch(/SC2086/);
      expect(res.output).toMatch(/SC3010/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
