import { describe, expect, it } from 'vitest';
import { createSequenceMatcher } from './sequence-matcher';

const goTasks = { keys: ['g', 't'] };
const goOverview = { keys: ['g', 'o'] };
const help = { keys: ['?'] };
const makeMatcher = () => createSequenceMatcher([goTasks, goOverview, help], 1000);

describe('sequence matcher', () => {
  it('matches a two-key sequence and a single key', () => {
    const sut = makeMatcher();

    expect(sut.feed('g', 0)).toBeNull();
    expect(sut.pending).toBe(true);
    expect(sut.feed('t', 100)).toBe(goTasks);
    expect(sut.pending).toBe(false);
    expect(sut.feed('?', 200)).toBe(help);
  });

  it('forgets a prefix after the timeout', () => {
    const sut = makeMatcher();

    sut.feed('g', 0);

    expect(sut.feed('t', 1001)).toBeNull();
  });

  it('lets a wrong key restart a sequence', () => {
    const sut = makeMatcher();

    sut.feed('g', 0);
    expect(sut.feed('x', 10)).toBeNull();
    expect(sut.pending).toBe(false);
    sut.feed('g', 20);
    expect(sut.feed('o', 30)).toBe(goOverview);
  });

  it('treats a repeated prefix as a fresh start', () => {
    const sut = makeMatcher();

    sut.feed('g', 0);
    sut.feed('g', 10);

    expect(sut.feed('t', 20)).toBe(goTasks);
  });

  it('matches a single key typed after an unfinished prefix', () => {
    const sut = makeMatcher();

    sut.feed('g', 0);

    expect(sut.feed('?', 10)).toBe(help);
  });
});
