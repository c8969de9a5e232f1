/**
 * The researchers' session log: off by default, local only (storage.local, never sync). Each annotated encounter is
 * recorded once per page view (repeated renders of the same post are de-duplicated), written in small batches.
 */
import browser from 'webextension-polyfill';

export const LOG_KEY = 'sessionLog';
export const MAX_ENTRIES = 50_000;

export interface Encounter {
  /** ISO timestamp */
  time: string;
  /** Page path on X (no query string, no host) */
  path: string;
  placement: string;
  handle: string;
  account: string;
  layers: string[];
  dataset: string;
  /** Post id when the account appeared on a post */
  post?: string;
  /** The numeric X id X's own page data gave the account holding `handle`, when it gave one (docs/identity.md). */
  xId?: string;
  /** How the account was matched: id, renamed, recycled, pending, handle-only. */
  identity?: string;
}

interface StoredLog {
  version: 1;
  entries: Encounter[];
  /** Set when the log reached MAX_ENTRIES and stopped recording. */
  full?: boolean;
}

function readLog(raw: unknown): StoredLog {
  const log = raw as Partial<StoredLog> | undefined;
  if (!log || typeof log !== 'object' || !Array.isArray(log.entries)) return { version: 1, entries: [] };
  return { version: 1, entries: log.entries.filter((e) => e && typeof e.handle === 'string'), full: !!log.full };
}

export async function readSessionLog(): Promise<StoredLog> {
  return readLog((await browser.storage.local.get(LOG_KEY))[LOG_KEY]);
}

export async function clearSessionLog(): Promise<void> {
  await browser.storage.local.remove(LOG_KEY);
}

/** Appends entries; returns false (and marks the log full) when the cap is reached. Throws on storage errors. */
export async function appendToSessionLog(entries: Encounter[]): Promise<boolean> {
  if (entries.length === 0) return true;
  const log = await readSessionLog();
  if (log.full) return false;
  const room = MAX_ENTRIES - log.entries.length;
  const accepted = entries.slice(0, Math.max(0, room));
  const full = accepted.length < entries.length;
  await browser.storage.local.set({ [LOG_KEY]: { version: 1, entries: [...log.entries, ...accepted], full } satisfies StoredLog });
  return !full;
}

export const CSV_HEADER = ['time', 'path', 'placement', 'handle', 'account', 'layers', 'dataset', 'post'] as const;

function csvCell(value: string): string {
  // Quote always; neutralise spreadsheet formulas (cells starting with = + - @) from untrusted page text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function sessionLogToCsv(entries: readonly Encounter[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const e of entries) {
    lines.push([e.time, e.path, e.placement, e.handle, e.account, e.layers.join(' '), e.dataset, e.post ?? ''].map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** Collects encounters in the content script and writes them in batches; de-duplicates per page view. */
export class SessionRecorder {
  private seen = new Set<string>();
  private pending: Encounter[] = [];
  private timer: ReturnType<typeof setTimeout> | 0 = 0;
  private path = '';
  stopped = false;

  constructor(
    private readonly onError: (message: string) => void = () => undefined,
    private readonly flushDelayMs = 1500,
  ) {}

  record(encounter: Omit<Encounter, 'time'>): void {
    if (this.stopped) return;
    if (encounter.path !== this.path) {
      // A new page view: the same post seen again on another page is a new encounter.
      this.path = encounter.path;
      this.seen = new Set();
    }
    const key = `${encounter.placement}|${encounter.handle}|${encounter.post ?? ''}|${encounter.xId ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.pending.push({ time: new Date().toISOString(), ...encounter });
    if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.flushDelayMs);
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = 0;
    const batch = this.pending;
    this.pending = [];
    try {
      const ok = await appendToSessionLog(batch);
      if (!ok) {
        this.stopped = true;
        this.onError(`The session log is full (${MAX_ENTRIES} entries): export and clear it to keep recording.`);
      }
    } catch (error) {
      // Keep the batch for the next attempt rather than losing it silently.
      this.pending = [...batch, ...this.pending];
      this.onError(`The session log could not be saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = 0;
  }
}
