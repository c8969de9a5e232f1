/**
 * Builds a variant of the extension (scripts/lib/build-variant.ts says which and why):
 *   npx tsx scripts/build-variant.ts demo [chrome|firefox ...]           -> dist/demo-<browser>
 *   npx tsx scripts/build-variant.ts no-page-world [chrome|firefox ...]  -> dist/no-page-world-<browser>
 * The shipped build (npm run build) is not touched: each variant has its own output and generated dataset modules.
 */
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_DATASET_DIR, VARIANT_NAMES, buildVariant } from './lib/build-variant';

process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';

export async function buildVariantOf(name: string, targets: readonly string[] = ['chrome']): Promise<string[]> {
  if (!(VARIANT_NAMES as readonly string[]).includes(name)) throw new Error(`usage: build-variant.ts <${VARIANT_NAMES.join('|')}> [chrome|firefox ...]`);
  if (name === 'demo') {
    // The shipped dataset plus the demo's fictional accounts: assembled afresh each time.
    rmSync(DEMO_DATASET_DIR, { recursive: true, force: true });
    cpSync('dataset', DEMO_DATASET_DIR, { recursive: true });
    cpSync('scripts/demo/overlay', DEMO_DATASET_DIR, { recursive: true });
  }
  const previous = process.env.ATTACHE_VARIANT;
  process.env.ATTACHE_VARIANT = name;
  try {
    const variant = buildVariant();
    const { build } = await import('vite');
    const dirs: string[] = [];
    for (const mode of targets) {
      await build({ mode, logLevel: 'warn', configFile: 'vite.config.ts' });
      const dir = variant.outDir(mode);
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts?: { world?: string }[] };
      const main = manifest.content_scripts?.some((s) => s.world === 'MAIN') ?? false;
      if (main !== variant.pageWorld) throw new Error(`${dir}: the page-world reader should ${variant.pageWorld ? '' : 'not '}be in this build`);
      if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir}: no manifest was written`);
      dirs.push(dir);
    }
    return dirs;
  } finally {
    if (previous === undefined) delete process.env.ATTACHE_VARIANT;
    else process.env.ATTACHE_VARIANT = previous;
  }
}

if (process.argv[1] && /build-variant\.ts$/.test(process.argv[1])) {
  const [name = '', ...targets] = process.argv.slice(2);
  const dirs = await buildVariantOf(name, targets.length ? targets : ['chrome']);
  for (const dir of dirs) console.log(`${name} build: ${dir}`);
}
