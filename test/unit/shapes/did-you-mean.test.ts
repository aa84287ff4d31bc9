import { damerauLevenshtein, didYouMean } from '../../../src/core/shapes/did-you-mean.js';

describe('damerauLevenshtein', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(damerauLevenshtein('essentail', 'essential')).toBe(1);
    expect(damerauLevenshtein('ab', 'ba')).toBe(1);
  });

  it('counts insertions, deletions and substitutions', () => {
    expect(damerauLevenshtein('', 'abc')).toBe(3);
    expect(damerauLevenshtein('kitten', 'sitting')).toBe(3);
    expect(damerauLevenshtein('same', 'same')).toBe(0);
  });

  it('stops early past the limit', () => {
    expect(damerauLevenshtein('a', 'abcdefgh', 2)).toBe(3);
    expect(damerauLevenshtein('abcdefgh', 'zyxwvuts', 2)).toBe(3);
  });
});

describe('didYouMean', () => {
  const members = ['name', 'image', 'essential', 'portMappings', 'healthCheck', 'environment', 'environmentFiles', 'memory', 'memoryReservation'];

  it('prefers a case-only difference', () => {
    expect(didYouMean('Essential', members)).toBe('essential');
    expect(didYouMean('healthcheck', members)).toBe('healthCheck');
  });

  it('finds typos', () => {
    expect(didYouMean('essentail', members)).toBe('essential');
    expect(didYouMean('portMapping', members)).toBe('portMappings');
    expect(didYouMean('memoryReservaton', members)).toBe('memoryReservation');
  });

  it('finds a known name with a suffix', () => {
    expect(didYouMean('environmentVariables', members)).toBe('environment');
  });

  it('gives nothing for unrelated words', () => {
    expect(didYouMean('revision', members)).toBeUndefined();
    expect(didYouMean('x', members)).toBeUndefined();
    expect(didYouMean('', members)).toBeUndefined();
    expect(didYouMean('a'.repeat(500), members)).toBeUndefined();
  });

  it('is strict on short words', () => {
    expect(didYouMean('nam', ['name'])).toBe('name');
    expect(didYouMean('nm', ['name'])).toBeUndefined();
  });
});
