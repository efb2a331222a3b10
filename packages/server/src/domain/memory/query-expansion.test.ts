import { describe, expect, it } from 'vitest';
import { expandedQueryText, noQueryExpansion, QueryExpander, softwareQueryExpander } from './query-expansion.js';
import { SOFTWARE_VOCABULARY } from './software-vocabulary.js';

const vocabulary = [
  ['sprint', 'iteration'],
  ['log in', 'sign in', 'authentication'],
  ['logs', 'log output'],
  ['infrastructure as code', 'terraform'],
  ['logged out', 'signed out'],
];
const tokensOf = (expander: QueryExpander, query: string) => expander.expand(query).terms.map((t) => `${t.token}:${t.weight}${t.expansion ? '+' : ''}`);

describe('query expansion', () => {
  const expander = new QueryExpander(vocabulary, 0.5);

  it("adds the other terms of a matched group with the expansion weight, after the query's own tokens", () => {
    expect(tokensOf(expander, 'the iteration was late')).toEqual(['iterat:1', 'lat:1', 'sprint:0.5+']);
    expect(expander.expand('the iteration was late').phrases).toEqual(['sprint']);
  });

  it('matches stemmed words, and phrases word by word with stopwords kept', () => {
    expect(expander.expand('Sprints slipped').phrases).toEqual(['iteration']);
    expect(expander.expand('state locked in Infrastructure-as-code').phrases).toEqual(['terraform']);
    // "log in" is a phrase: a lone "log" must not pull in the authentication group.
    expect(expander.expand('read the log for errors').phrases).toEqual(['log output']);
    expect(expander.expand('users cannot log in').phrases).toEqual(['sign in', 'authentication']);
  });

  it('lets the longer of overlapping matches win', () => {
    // "logged out" (a group) covers "logged" (stem "log", which alone would match "logs").
    expect(expander.expand('users were logged out').phrases).toEqual(['signed out']);
  });

  it("keeps weight 1 for a token the query has itself, and lists each token once", () => {
    const terms = expander.expand('terraform as infrastructure as code').terms;
    expect(terms.filter((t) => t.token === 'terraform')).toEqual([{ token: 'terraform', weight: 1, expansion: false }]);
    expect(new Set(terms.map((t) => t.token)).size).toBe(terms.length);
  });

  it('adds nothing without a vocabulary', () => {
    expect(tokensOf(noQueryExpansion, 'the iteration was late')).toEqual(['iterat:1', 'lat:1']);
  });

  it('embeds the added terms after the query for bag-of-words embedders', () => {
    expect(expandedQueryText('sprint late', expander.expand('sprint late'))).toBe('sprint late\niteration');
    expect(expandedQueryText('nothing here', expander.expand('nothing here'))).toBe('nothing here');
  });
});

describe('software vocabulary', () => {
  it('is a list of groups of two or more distinct terms', () => {
    expect(SOFTWARE_VOCABULARY.length).toBeGreaterThan(300);
    for (const group of SOFTWARE_VOCABULARY) {
      expect(group.length, group.join(', ')).toBeGreaterThanOrEqual(2);
      for (const term of group) expect(term, group.join(', ')).toMatch(/^[\p{L}\p{N}][\p{L}\p{N} .'/+-]*$/u);
    }
  });

  it('expands general engineering words through the shipped expander', () => {
    expect(softwareQueryExpander.expand('the iteration finished late').phrases).toContain('sprint');
    expect(softwareQueryExpander.expand('infrastructure as code state').phrases).toContain('terraform');
  });
});
