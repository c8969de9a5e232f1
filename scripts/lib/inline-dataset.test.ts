import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS, inlineJson, jsonExpression } from './inline-dataset.mjs';

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
    const code = `var r=${PLACEHOLDERS.index},s="${PLACEHOLDERS.index.slice(0, 5)}";f(${PLACEHOLDERS.index});`;
    const out = inlineJson(code, PLACEHOLDERS.index, json);
    expect(out.count).toBe(2);
    expect(out.code).not.toContain(PLACEHOLDERS.index);
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
