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

/** Hand-written entries like those of dataset/accounts/cn.yaml (trimmed), for the merge tests. */
export const HAND_CN = `- id: cn-embassy-gb
  handle: ChineseEmbinUK
  name: Embassy of the People's Republic of China in the United Kingdom
  kind: institution
  category: embassy
  country: CN
  confidence: high
  sources:
    - url: https://example.org/embassy-statement
      title: A statement posted by the embassy
      publisher: Example News
    - url: https://github.com/centre-for-humanities-computing/china-twiplomacy-2020-2022
      title: China twiplomacy 2020-2022 (research dataset README)
      publisher: Centre for Humanities Computing, Aarhus University
- id: cn-mfa-spokesperson-office
  handle: MFA_China
  name: Spokesperson's Office, Ministry of Foreign Affairs of the People's Republic of China
  kind: institution
  category: ministry
  country: CN
  confidence: high
  sources:
    - url: https://example.org/mfa-china
      title: The office's posts
      publisher: Example News
- id: hua-chunying
  handle: SpokespersonCHN
  name: Hua Chunying
  kind: person
  category: spokesperson
  country: CN
  confidence: high
  sources:
    - url: https://example.org/hua
      title: Her first post
      publisher: Example News
- id: zhao-lijian
  handle: zlj517
  name: Zhao Lijian
  kind: person
  category: official
  country: CN
  confidence: high
  sources:
    - url: https://example.org/zhao
      title: Profile
      publisher: Example News
`;

/** A hand-written entry like the one of dataset/accounts/ru.yaml. */
export const HAND_RU = `- id: ru-embassy-gb
  handle: RussianEmbassy
  name: Embassy of the Russian Federation in the United Kingdom
  kind: institution
  category: embassy
  country: RU
  confidence: high
  sources:
    - url: https://example.org/ru-embassy
      title: The embassy on X
      publisher: Example News
`;
