/**
 * The container of the packed index (compiled format 8): one binary file of typed-array sections, written at build
 * time and read in place. Reading it builds nothing that grows with the dataset: each section is a view on the
 * file's bytes (`new Uint32Array(buffer, offset, length)`), and text is decoded only for the lines a lookup reads.
 * Pure: no DOM, no browser APIs.
 *
 * Layout, little-endian, every section 4-byte aligned:
 *   word 0  MAGIC ("ATTI")        word 1  format
 *   word 2  section count S       then S pairs of words: (byte offset, byte length) of each section
 */

export const PACKED_MAGIC = 0x49545441; // "ATTI" read as a little-endian word
const HEADER_WORDS = 3;

/** Sections of a packed file, each a byte array; 4-byte aligned in the file so that any can be a Uint32Array view. */
export function writePacked(format: number, sections: readonly Uint8Array[]): Uint8Array {
  const headerBytes = (HEADER_WORDS + 2 * sections.length) * 4;
  let size = headerBytes;
  const offsets = sections.map((s) => {
    const at = size;
    size += align4(s.byteLength);
    return at;
  });
  const out = new Uint8Array(size);
  const header = new DataView(out.buffer);
  header.setUint32(0, PACKED_MAGIC, true);
  header.setUint32(4, format, true);
  header.setUint32(8, sections.length, true);
  sections.forEach((s, i) => {
    header.setUint32(12 + 8 * i, offsets[i]!, true);
    header.setUint32(16 + 8 * i, s.byteLength, true);
    out.set(s, offsets[i]!);
  });
  return out;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** Why a file cannot be read as a packed index of `format`: the error a consumer shows (null when it can). */
export function packedProblem(bytes: Uint8Array, format: number): string | null {
  if (bytes.byteLength < HEADER_WORDS * 4) return `the compiled index is ${bytes.byteLength} bytes long, too short to be one`;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== PACKED_MAGIC) return 'the compiled index is not a packed index (no "ATTI" at its start)';
  const found = view.getUint32(4, true);
  if (found !== format) {
    return `the compiled index is of format ${found}, and this code reads format ${format} only: rebuild the extension (npm run build)`;
  }
  const count = view.getUint32(8, true);
  if (bytes.byteLength < (HEADER_WORDS + 2 * count) * 4) return 'the compiled index is cut short in its header';
  for (let i = 0; i < count; i++) {
    const at = view.getUint32(12 + 8 * i, true);
    const length = view.getUint32(16 + 8 * i, true);
    if (at % 4 !== 0 || at + length > bytes.byteLength) return `section ${i} of the compiled index lies outside the file`;
  }
  return null;
}

/** The sections of a packed file, as views on its bytes (no copy). Call `packedProblem` first. */
export class PackedSections {
  private readonly view: DataView;
  readonly count: number;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.count = this.view.getUint32(8, true);
  }

  private range(i: number): [number, number] {
    if (i >= this.count) return [0, 0];
    return [this.view.getUint32(12 + 8 * i, true), this.view.getUint32(16 + 8 * i, true)];
  }

  u8(i: number): Uint8Array {
    const [at, length] = this.range(i);
    return new Uint8Array(this.bytes.buffer, this.bytes.byteOffset + at, length);
  }

  /** Sections read as words need their file's bytes at a 4-byte aligned offset (a fetched buffer is). */
  u32(i: number): Uint32Array {
    const [at, length] = this.range(i);
    const start = this.bytes.byteOffset + at;
    if (start % 4 === 0) return new Uint32Array(this.bytes.buffer, start, length >>> 2);
    // A copy only for bytes handed in at an odd offset (never the build's file, read whole).
    return new Uint32Array(this.bytes.slice(at, at + length).buffer);
  }
}

const utf8 = new TextEncoder();

/**
 * UTF-8 bytes [start, end) as text, read byte by byte (a malformed sequence reads as U+FFFD). Not TextDecoder: in a
 * Firefox content script the fetched bytes belong to another compartment, and with TextDecoder the one fixture
 * account whose name is beyond ASCII lost its badge in Firefox ESR 153 (plain reads by index work). Lines are short,
 * and most are ASCII.
 */
export function decodeUtf8(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let out = '';
  for (let k = start; k < end; ) {
    const b = bytes[k]!;
    let code = 0xfffd;
    let size = 1;
    if (b < 0x80) code = b;
    else if (b >= 0xc2 && b < 0xe0 && k + 1 < end && (bytes[k + 1]! & 0xc0) === 0x80) {
      code = ((b & 0x1f) << 6) | (bytes[k + 1]! & 0x3f);
      size = 2;
    } else if (b >= 0xe0 && b < 0xf0 && k + 2 < end && (bytes[k + 1]! & 0xc0) === 0x80 && (bytes[k + 2]! & 0xc0) === 0x80) {
      code = ((b & 0x0f) << 12) | ((bytes[k + 1]! & 0x3f) << 6) | (bytes[k + 2]! & 0x3f);
      size = 3;
      if (code < 0x800 || (code >= 0xd800 && code < 0xe000)) code = 0xfffd;
    } else if (b >= 0xf0 && b < 0xf5 && k + 3 < end && (bytes[k + 1]! & 0xc0) === 0x80 && (bytes[k + 2]! & 0xc0) === 0x80 && (bytes[k + 3]! & 0xc0) === 0x80) {
      code = ((b & 0x07) << 18) | ((bytes[k + 1]! & 0x3f) << 12) | ((bytes[k + 2]! & 0x3f) << 6) | (bytes[k + 3]! & 0x3f);
      size = 4;
      if (code < 0x10000 || code > 0x10ffff) code = 0xfffd;
    }
    out += String.fromCodePoint(code);
    k += size;
  }
  return out;
}

/** Lines of text as one UTF-8 section and a section of (count + 1) start offsets. */
export function packColumn(lines: readonly string[]): { bytes: Uint8Array; starts: Uint8Array } {
  const encoded = lines.map((line) => utf8.encode(line));
  const starts = new Uint32Array(lines.length + 1);
  let at = 0;
  encoded.forEach((e, i) => {
    starts[i] = at;
    at += e.byteLength;
  });
  starts[lines.length] = at;
  const bytes = new Uint8Array(at);
  encoded.forEach((e, i) => bytes.set(e, starts[i]!));
  return { bytes, starts: new Uint8Array(starts.buffer) };
}

export function packWords(values: ArrayLike<number>): Uint8Array {
  return new Uint8Array(Uint32Array.from(values).buffer);
}

/** A column written by `packColumn`, read in place: a line is decoded only when asked for. */
export class TextColumn {
  readonly length: number;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly starts: Uint32Array,
  ) {
    this.length = Math.max(0, starts.length - 1);
  }

  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.length) || !Number.isInteger(i)) return undefined;
    const start = this.starts[i]!;
    const end = this.starts[i + 1]!;
    return decodeUtf8(this.bytes, start, end);
  }

  /**
   * Whether line `i` is `key`, compared in place; `foldCase`: the line's ASCII capitals read as lower case (`key` is
   * lower case). Lines with bytes beyond ASCII equal no key here (handles and ids are ASCII).
   */
  equals(i: number, key: string, foldCase = false): boolean {
    if (!(i >= 0 && i < this.length)) return false;
    const start = this.starts[i]!;
    if (this.starts[i + 1]! - start !== key.length) return false;
    for (let k = 0; k < key.length; k++) {
      let b = this.bytes[start + k]!;
      if (foldCase && b >= 0x41 && b <= 0x5a) b += 0x20;
      if (b !== key.charCodeAt(k)) return false;
    }
    return true;
  }
}
