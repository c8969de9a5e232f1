/**
 * The layers of src/ (docs/architecture.md): imports point down, never up, and never in a circle. Read from the
 * sources' import statements, so a new file is covered without being listed here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

/** What each top-level folder of src/ may import from src/ besides itself. */
const ALLOWED: Record<string, string[]> = {
  core: [],
  contract: ['core'],
  settings: ['core'],
  platform: [],
  storage: ['core', 'platform', 'settings'],
  content: ['core', 'contract', 'settings', 'platform', 'storage', 'ui', 'pages'],
  ui: ['core', 'contract', 'settings', 'platform'],
  pages: ['core', 'settings', 'platform', 'storage', 'ui', 'contract'],
  popup: ['core', 'settings', 'platform', 'storage', 'ui', 'pages', 'contract'],
  options: ['core', 'settings', 'platform', 'storage', 'ui', 'pages', 'contract'],
  directory: ['core', 'settings', 'platform', 'storage', 'ui', 'pages', 'contract'],
  background: ['core', 'settings', 'platform', 'storage', 'ui', 'pages', 'contract'],
  'page-world': ['core', 'contract'],
  /** The dataset compiled at build time (scripts/lib/vite-dataset-plugin.ts), read from the package, for the entry points only. */
  'bundled-dataset.ts': ['core', 'platform'],
};
const ENTRY_POINTS = ['content', 'popup', 'options', 'directory', 'background'];
for (const entry of ENTRY_POINTS) ALLOWED[entry] = [...ALLOWED[entry]!, 'bundled-dataset.ts'];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Relative imports of a file (static, dynamic and re-exports), resolved to files under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
    const spec = (m[1] ?? m[2])!.replace(/\?.*$/, '');
    const base = resolve(dirname(file), spec);
    const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((p) => {
      try {
        return statSync(p).isFile();
      } catch {
        return false;
      }
    });
    if (found && /\.(ts|tsx)$/.test(found)) out.push(found);
  }
  return out;
}

const files = sources(SRC);
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const layerOf = (file: string) => relative(SRC, file).split(/[\\/]/)[0]!;
const name = (file: string) => relative(SRC, file);

describe('architecture', () => {
  it('reads the import graph (a control: the content script imports the core)', () => {
    expect(graph.get(join(SRC, 'content', 'annotator.ts'))).toContain(join(SRC, 'core', 'layers.ts'));
  });

  it('imports point down the layers', () => {
    const wrong: string[] = [];
    for (const [file, deps] of graph) {
      const from = layerOf(file);
      if (!(from in ALLOWED)) continue;
      for (const dep of deps) {
        const to = layerOf(dep);
        if (to !== from && !ALLOWED[from]!.includes(to)) wrong.push(`${name(file)} -> ${name(dep)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every folder (and top-level module) of src/ has a place in the layers', () => {
    const entries = readdirSync(SRC).filter((n) => statSync(join(SRC, n)).isDirectory() || /\.tsx?$/.test(n));
    expect(entries.filter((f) => !(f in ALLOWED) && !f.endsWith('.d.ts'))).toEqual([]);
  });

  it('has no circular imports', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'visiting');
      stack.push(file);
      for (const dep of graph.get(file) ?? []) {
        if (state.get(dep) === 'visiting') cycles.push([...stack.slice(stack.indexOf(dep)), dep].map(name).join(' -> '));
        else if (!state.has(dep)) visit(dep);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
