/**
 * Builds other than the one Attaché ships, chosen by `ATTACHE_VARIANT` (scripts/build-variant.mjs sets it and
 * prepares what a variant needs). Without it, vite.config.ts builds the shipped extension exactly as before.
 *
 * - `demo`: the shipped dataset plus the demo overlay (scripts/demo/overlay: fictional accounts with fictional ids,
 *   for the demo's identity cases), into dist/demo-<browser>. Never packaged.
 * - `no-page-world`: the shipped extension without the page-world reader (src/page-world), into
 *   dist/no-page-world-<browser>: the bench's baseline for the reader's cost (scripts/bench).
 */
export interface BuildVariant {
  /** null: the shipped build. */
  name: 'demo' | 'no-page-world' | null;
  /** The dataset folder to compile. */
  datasetDir: string;
  /** Where the compiled dataset's generated modules go (each variant its own, so builds never mix). */
  generatedDir: string;
  /** Whether the MAIN-world content script (the page-world reader) is in the build. */
  pageWorld: boolean;
  outDir(target: string): string;
}

export const VARIANT_NAMES = ['demo', 'no-page-world'] as const;
/** Where scripts/build-variant.mjs assembles the demo's dataset (the shipped one plus the overlay). */
export const DEMO_DATASET_DIR = 'node_modules/.attache/variant-demo/dataset';

export function buildVariant(env: Record<string, string | undefined> = process.env): BuildVariant {
  const name = env.ATTACHE_VARIANT || null;
  if (name === null) {
    return { name, datasetDir: 'dataset', generatedDir: 'node_modules/.attache', pageWorld: true, outDir: (target) => `dist/${target}` };
  }
  if (!(VARIANT_NAMES as readonly string[]).includes(name)) throw new Error(`ATTACHE_VARIANT=${name}: not one of ${VARIANT_NAMES.join(', ')}`);
  return {
    name: name as BuildVariant['name'],
    datasetDir: name === 'demo' ? DEMO_DATASET_DIR : 'dataset',
    generatedDir: `node_modules/.attache/variant-${name}`,
    pageWorld: name !== 'no-page-world',
    outDir: (target) => `dist/${name}-${target}`,
  };
}

/** The manifest without the page-world reader (the MAIN-world content script), for the `no-page-world` variant. */
export function withoutPageWorld<T extends { content_scripts?: { world?: string }[] }>(manifest: T): T {
  return { ...manifest, content_scripts: manifest.content_scripts?.filter((script) => script.world !== 'MAIN') };
}
