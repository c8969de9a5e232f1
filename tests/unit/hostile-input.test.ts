/**
 * Hostile and pathological input to the parsers that read files a user or maintainer supplies: bounded time,
 * a clear problem instead of an exception, and nothing executed or lost. At least 1,000 generated cases per run.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDataset } from '../../src/core/dataset-files';
import { parseCsvList, parseJsonList, parseCustomList } from '../../src/core/custom-lists';
import { handleFromHref, handleFromAtText, profileHandleFromPath } from '../../src/core/handles';
import { SETTINGS_VERSION, readSettings } from '../../src/settings/settings';

const META = 'version: 1.0.0\nreleased: "2026-01-01"\nlicence: CC0\nattribution: []\n';

function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

describe('dataset files', () => {
  it('never throws on arbitrary text, and reports problems with positions', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom('accounts/a.yaml', 'notices/n.yaml', 'meta.yaml', 'other.txt'), (text, path) => {
        const files = path === 'meta.yaml' ? [{ path, text }] : [{ path: 'meta.yaml', text: META }, { path, text }];
        const parsed = parseDataset(files);
        for (const p of parsed.problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.column).toBeGreaterThanOrEqual(1);
          expect(p.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    ['a billion laughs (alias bomb)', `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n`],
    ['deep nesting', '['.repeat(5000) + ']'.repeat(5000)],
    ['a very long line', `- id: ${'a'.repeat(2_000_000)}\n`],
    ['BOM and CRLF', '\uFEFF- id: a\r\n  handle: b\r\n'],
    ['invalid UTF-8 decoded as replacement characters', '- id: \uFFFD\uFFFD\n  handle: \uD800\n'],
    ['NUL bytes', '- id: a\u0000b\n'],
  ])('survives %s with a clear problem in bounded time', (_name, text) => {
    const { value, ms } = timed(() => parseDataset([{ path: 'meta.yaml', text: META }, { path: 'accounts/x.yaml', text }]));
    expect(value.dataset).toBeNull();
    expect(value.problems.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(10_000);
  });
});

describe('custom lists', () => {
  it('never throws on arbitrary CSV or JSON text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const parsed of [parseCsvList(text), parseJsonList(text), parseCustomList('x.csv', text)]) {
          for (const entry of parsed.entries) expect(entry.handle).toMatch(/^[A-Za-z0-9_]{1,15}$/);
          for (const p of parsed.problems) expect(p.row).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps only valid handles and https links from generated rows', () => {
    const cell = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('javascript:alert(1)', '<script>', '=cmd|x', '@@', 'https://ok.example/', '"q""uote"'));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { maxLength: 20 }), (rows) => {
        const csv = ['handle,label,source_url', ...rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))].join('\n');
        const parsed = parseCsvList(csv);
        for (const e of parsed.entries) {
          expect(e.handle).toMatch(/^[A-Za-z0-9_]{1,15}$/);
          if (e.sourceUrl) expect(e.sourceUrl.startsWith('https://')).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['a huge single cell', `handle,label\na,${'x'.repeat(5_000_000)}`],
    ['unbalanced quotes', 'handle,label\n"a,b\nc,d'],
    ['deeply nested JSON', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['a file over the size limit', 'handle,label\n' + 'a,b\n'.repeat(9_000_000)],
  ])('survives %s in bounded time', (_name, text) => {
    const { value, ms } = timed(() => parseCustomList('x', text));
    expect(value.entries.length + value.problems.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(10_000);
  });
});

describe('handles and settings', () => {
  it('reads handles only of the allowed shape from any href or text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        for (const h of [handleFromHref(s), handleFromHref('/' + s), handleFromAtText(s), profileHandleFromPath('/' + s)]) {
          if (h !== null) expect(h).toMatch(/^[A-Za-z0-9_]{1,20}$/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('turns any stored value into valid settings', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const { settings } = readSettings(raw);
        expect(typeof settings.enabled).toBe('boolean');
        expect(settings.schemaVersion).toBe(SETTINGS_VERSION);
        expect(typeof settings.showUnverified).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
