import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS, inlineDir, inlineJson, jsonExpression } from './inline-dataset.mjs';

describe('the dataset inlined after minification', () => {
  const tricky = {
    format: 5,
    handles: 'a\nb\nc',
    names: 'Line\u2028Separator\nParagraph\u2029Separator\n"Quoted" `back` ${x} $& $1 \\ end',
    table: [1, 2, { nested: ['x', null, true] }],
  };

  it('reads back as what JSON.parse gives, whatever the strings hold', () => {
    const json = JSON.stringify(tricky);
    const expression = jsonExpression(json);
    expect(runInNewContext(expression)).toEqual(JSON.parse(json));
    // Line and paragraph separators are written as escapes.
    expect(expression).not.toMatch(/[\u2028\u2029]/);
  });

  it('replaces every placeholder, and only them, without expanding $ patterns', () => {
    const json = JSON.stringify(tricky);
    const code = `var r=${PLACEHOLDERS.details},s="${PLACEHOLDERS.details.slice(0, 5)}";f(${PLACEHOLDERS.details});`;
    const out = inlineJson(code, PLACEHOLDERS.details, json);
    expect(out.count).toBe(2);
    expect(out.code).not.toContain(PLACEHOLDERS.details);
    const read = runInNewContext(`var got = []; function f(x) { got.push(x); } ${out.code} got.concat([r])`) as unknown[];
    expect(read).toEqual([tricky, tricky]);
  });

  it('refuses a "__proto__" key, which an object literal would turn into a prototype', () => {
    expect(() => jsonExpression('{"a":{"__proto__":{"polluted":true}}}')).toThrow(/__proto__/);
    expect(() => jsonExpression('[{"__proto__":1}]')).toThrow(/__proto__/);
    // As a value it is only a string.
    expect(runInNewContext(jsonExpression('{"a":"__proto__"}'))).toEqual({ a: '__proto__' });
  });

  it('refuses text that is not JSON', () => {
    expect(() => jsonExpression('{a: 1}')).toThrow();
    expect(() => jsonExpression('1); alert(1); (')).toThrow();
  });
});

describe('inlining a built extension', () => {
  it('fills every script under the directory, and only scripts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'attache-inline-'));
    try {
      mkdirSync(join(dir, 'src', 'content'), { recursive: true });
      writeFileSync(join(dir, 'src', 'content', 'index.js'), 'var r=1;');
      writeFileSync(join(dir, 'worker.js'), `var d=${PLACEHOLDERS.details};`);
      writeFileSync(join(dir, 'notes.txt'), PLACEHOLDERS.details);
      const counts = inlineDir(dir, { details: '["{}"]' });
      expect(counts).toEqual({ details: 1 });
      expect(readFileSync(join(dir, 'src', 'content', 'index.js'), 'utf8')).toBe('var r=1;');
      expect(readFileSync(join(dir, 'worker.js'), 'utf8')).toBe('var d=(["{}"]);');
      expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe(PLACEHOLDERS.details);
      // A placeholder it does not know is an error, not a silent leftover.
      writeFileSync(join(dir, 'other.js'), 'var x=__ATTACHE_DATASET_OTHER__;');
      expect(() => inlineDir(dir, { details: '[]' })).toThrow(/placeholder is left/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
