/** Every placement has one module in src/content/placements/ and is registered once, in PLACEMENT_NAMES order. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLACEMENTS } from '../../src/content/placements/registry';
import { PLACEMENT_NAMES } from '../../src/content/placements/types';

const DIR = join(__dirname, '..', '..', 'src', 'content', 'placements');

describe('placement registry', () => {
  it('registers every placement exactly once', () => {
    expect(PLACEMENTS.map((p) => p.name)).toEqual([...PLACEMENT_NAMES]);
  });

  it('has one module per placement, named after it', () => {
    const files = new Set(readdirSync(DIR));
    for (const name of PLACEMENT_NAMES) expect(files.has(`${name}.ts`), name).toBe(true);
  });

  it('keeps X selectors in selectors.ts: no placement module writes a data-testid of its own', () => {
    for (const file of readdirSync(DIR).filter((f) => f.endsWith('.ts'))) {
      const code = readFileSync(join(DIR, file), 'utf8');
      const own = [...code.matchAll(/data-testid=|\[role=/g)].length;
      expect({ file, own }).toEqual({ file, own: 0 });
    }
  });
});
