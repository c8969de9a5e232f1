/**
 * Follows X's theme (light, dim, lights out) from the body background, live. X sets it inline on <body>; the
 * value is read only when that attribute changes, never on the annotation path.
 */
export type Theme = 'light' | 'dim' | 'dark';

export function themeFromColor(color: string): Theme {
  const m = /rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)/.exec(color);
  if (!m) return 'light';
  const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  if (luminance > 0.5) return 'light';
  return b - r > 12 ? 'dim' : 'dark';
}

export class ThemeWatcher {
  current: Theme = 'light';
  private observer: MutationObserver | null = null;

  constructor(
    private readonly doc: Document,
    private readonly onChange: (theme: Theme) => void,
  ) {}

  start(): void {
    this.current = this.read();
    const body = this.doc.body;
    if (!body) return;
    this.observer = new MutationObserver(() => {
      const next = this.read();
      if (next !== this.current) {
        this.current = next;
        this.onChange(next);
      }
    });
    this.observer.observe(body, { attributes: true, attributeFilter: ['style', 'class'] });
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  private read(): Theme {
    const body = this.doc.body;
    if (!body) return 'light';
    const inline = body.style.backgroundColor;
    const color = inline || this.doc.defaultView?.getComputedStyle(body).backgroundColor || '';
    return themeFromColor(color);
  }
}
