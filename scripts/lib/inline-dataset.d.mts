// Types for inline-dataset.mjs (used by scripts/build.mjs and the benchmark), for the TypeScript tests.
export const PLACEHOLDERS: Readonly<{ details: string }>;
export const DATASET_JSON: Readonly<{ details: string }>;
export const PACKED_INDEX: string;
export function walk(dir: string): string[];
export function jsonExpression(json: string): string;
export function inlineJson(code: string, placeholder: string, json: string): { code: string; count: number };
export function inlineDir<K extends string>(dir: string, json: Record<K, string>): Record<K, number>;
