// Types for inline-dataset.mjs (used by scripts/build.mjs and the benchmark), for the TypeScript tests.
export const PLACEHOLDERS: Readonly<{ index: string; details: string }>;
export const DATASET_JSON: Readonly<{ index: string; details: string }>;
export function bundledIndexExpression(): string;
export function walk(dir: string): string[];
export function jsonExpression(json: string): string;
export function inlineJson(code: string, placeholder: string, json: string): { code: string; count: number };
export function inlineDir(dir: string, json: { index: string; details: string }): { index: number; details: number };
