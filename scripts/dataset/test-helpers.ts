/** Helpers for the importer tests: throwaway dataset folders. */
import { afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TEST_META = `version: 1.0.0\nreleased: "2026-01-01"\nlicence: CC-BY-4.0\nattribution: []\n`;

const made: string[] = [];
// Every throwaway folder goes when the test file is done.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder under the system's temporary folder, removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function tempDataset(files: Record<string, string> = {}): string {
  const dir = tempDir('attache-dataset-');
  const all: Record<string, string> = { 'meta.yaml': TEST_META, ...files };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export function read(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8');
}

export const TESTDATA = fileURLToPath(new URL('./testdata', import.meta.url));

/** Collects log lines instead of printing them. */
export function collect(): { lines: string[]; log: (line: string) => void } {
  const lines: string[] = [];
  return { lines, log: (line) => lines.push(line) };
}
