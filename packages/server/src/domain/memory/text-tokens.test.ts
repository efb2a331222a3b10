import { describe, expect, it } from 'vitest';
import { contentTokens, stem, words } from './text-tokens.js';

describe('text tokens', () => {
  it('splits on anything that is not a letter or digit and lower-cases', () => {
    expect(words('CI_CD: Deploy v2.1 to Prod!')).toEqual(['ci', 'cd', 'deploy', 'v2', '1', 'to', 'prod']);
  });

  it('drops stopwords and single letters from content tokens', () => {
    expect(contentTokens('The cache was flushed by a cron job')).toEqual(['cach', 'flush', 'cron', 'job']);
  });

  it('maps inflections of one word to one stem', () => {
    const groups = [
      ['deploy', 'deploys', 'deploying', 'deployed', 'deployment', 'deployments'],
      ['cache', 'caches', 'caching', 'cached'],
      ['migrate', 'migrated', 'migrating', 'migration', 'migrations'],
      ['test', 'tests', 'testing', 'tested'],
      ['run', 'running'],
      ['stop', 'stopped', 'stopping'],
      ['query', 'queries'],
    ];
    for (const group of groups) expect(new Set(group.map(stem)), group.join(',')).toHaveProperty('size', 1);
  });

  it('leaves short words, numbers and words with digits alone', () => {
    expect(['api', 'k8s', '404', 'oauth2'].map(stem)).toEqual(['api', 'k8s', '404', 'oauth2']);
    expect(stem('install')).toBe('install');
    expect(stem('status')).toBe('status');
  });
});
