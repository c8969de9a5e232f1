import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lines } from './lines';

/** Texts made of short lines, with empty lines, a newline at either end, and characters beyond ASCII. */
const texts = fc
  .array(fc.oneof(fc.constantFrom('', 'a', 'ab', 'é', '日本', '\t', 'x\ty'), fc.string({ maxLength: 6 }).map((s) => s.replace(/\n/g, ''))), { maxLength: 12 })
  .map((lines) => lines.join('\n'));

describe('Lines', () => {
  it('reads every line as split does, and nothing outside', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const split = text.split('\n');
        const lines = new Lines(text);
        expect(lines.length).toBe(split.length);
        split.forEach((line, i) => expect(lines.get(i)).toBe(line));
        for (const outside of [-1, split.length, split.length + 1, 0.5, NaN]) expect(lines.get(outside)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('compares a line in place exactly as the line itself compares', () => {
    fc.assert(
      fc.property(texts, fc.string({ maxLength: 4 }), (text, other) => {
        const split = text.split('\n');
        const lines = new Lines(text);
        split.forEach((line, i) => {
          expect(lines.equals(i, line)).toBe(true);
          // A prefix, a longer string, another string.
          expect(lines.equals(i, line.slice(0, -1))).toBe(line.length === 0);
          expect(lines.equals(i, line + 'x')).toBe(false);
          expect(lines.equals(i, other)).toBe(other === line);
        });
        expect(lines.equals(split.length, '')).toBe(false);
        expect(lines.equals(-1, '')).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('reads lines next to each other without running into the next', () => {
    const lines = new Lines('ab\n\nabc\nab');
    expect([0, 1, 2, 3].map((i) => lines.get(i))).toEqual(['ab', '', 'abc', 'ab']);
    expect(lines.equals(0, 'abc')).toBe(false);
    expect(lines.equals(2, 'ab')).toBe(false);
    expect(lines.equals(1, '')).toBe(true);
  });
});
