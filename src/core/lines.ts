/**
 * The lines of a text ("\n"-separated), read in place. The compiled index keeps its columns (handles, names,
 * countries...) as long texts; splitting one makes a string per line, 100,000 of them for a 100k-account index,
 * where a page reads a few dozen. Here each line's start is found once (one indexOf pass), and a line is copied only
 * when asked for. Pure: no DOM, no browser APIs.
 */
export class Lines {
  private starts: Int32Array | null = null;

  constructor(private readonly text: string) {}

  /** Where each line starts, and one past the end (as if the text ended with a newline). */
  private offsets(): Int32Array {
    if (this.starts) return this.starts;
    const text = this.text;
    let count = 1;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
    const starts = new Int32Array(count + 1);
    let line = 1;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts[line++] = at + 1;
    starts[count] = text.length + 1;
    return (this.starts = starts);
  }

  /** As many as `text.split('\n')` gives (an empty text is one empty line). */
  get length(): number {
    return this.offsets().length - 1;
  }

  /** Line `i`, as `text.split('\n')[i]`; undefined outside the lines. */
  get(i: number): string | undefined {
    const starts = this.offsets();
    if (!(i >= 0 && i < starts.length - 1) || !Number.isInteger(i)) return undefined;
    return this.text.slice(starts[i]!, starts[i + 1]! - 1);
  }

  /** Whether line `i` is exactly `value`, compared in place. */
  equals(i: number, value: string): boolean {
    const starts = this.offsets();
    if (!(i >= 0 && i < starts.length - 1) || !Number.isInteger(i)) return false;
    const start = starts[i]!;
    return starts[i + 1]! - 1 - start === value.length && this.text.startsWith(value, start);
  }
}
