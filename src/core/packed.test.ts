import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUtf8, packColumn, TextColumn } from './packed';

describe('the packed index\'s text columns', () => {
  it('decode UTF-8 as TextDecoder does, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const bytes = new TextEncoder().encode(text);
        expect(decodeUtf8(bytes)).toBe(new TextDecoder().decode(bytes));
      }),
    );
  });

  it('read malformed bytes (which the build never writes) as U+FFFD, keeping what is around them', () => {
    for (const bytes of [[0xff], [0xc3], [0x61, 0x80, 0x62]]) {
      expect(decodeUtf8(new Uint8Array(bytes))).toBe(new TextDecoder().decode(new Uint8Array(bytes)));
    }
    for (const bytes of [[0xe4, 0xb8], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe0, 0x80, 0x80]]) {
      expect(decodeUtf8(new Uint8Array([0x61, ...bytes, 0x62]))).toMatch(/^a\uFFFD+b$/u);
    }
  });

  it('give every line back, and compare lines in place with ASCII case folded on request', () => {
    const lines = ['AmbLiuXiaoMing', '', 'Luiz Inácio Lula da Silva', '中华人民共和国', '😀 x'];
    const packed = packColumn(lines);
    const column = new TextColumn(packed.bytes, new Uint32Array(packed.starts.buffer));
    expect(Array.from({ length: column.length }, (_, i) => column.get(i))).toEqual(lines);
    expect(column.get(5)).toBeUndefined();
    expect(column.equals(0, 'ambliuxiaoming', true)).toBe(true);
    expect(column.equals(0, 'ambliuxiaoming')).toBe(false);
    expect(column.equals(0, 'ambliuxiaomin', true)).toBe(false);
    expect(column.equals(1, '')).toBe(true);
  });
});
