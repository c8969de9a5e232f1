/**
 * The compact runtime form of the dataset, compiled at build time and embedded in the content script.
 * Summaries (enough for a badge) are decoded once at start-up; full details are kept as JSON strings and decoded
 * only when a card is opened for that account.
 */
import { CATEGORIES, KINDS, NOTICE_TYPES, type Account, type Dataset, type Notice } from './schema';

export const COMPILED_FORMAT = 2;

/** [id, handle, name, kind index, category index, country, notice count, bit mask of notice types] */
export type SummaryRow = [string, string, string, number, number, string, number, number];

export interface CompiledDataset {
  format: typeof COMPILED_FORMAT;
  version: string;
  released: string;
  /** lower-case handle (current or former) -> account index; negative (-(index + 1)) for a former handle. */
  handles: Record<string, number>;
  /** numeric X id -> account index */
  xIds: Record<string, number>;
  summaries: SummaryRow[];
  /**
   * JSON of AccountDetails, one per account, decoded on a hit. The extension ships these apart from the index
   * (`splitCompiled`): the content script carries the index only and asks the background for an entry when a card
   * opens.
   */
  details: string[];
}

export type CompiledIndex = Omit<CompiledDataset, 'details'>;

/** The index (for the content script, popup and options) and the details (for the background), separately. */
export function splitCompiled(compiled: CompiledDataset): { index: CompiledIndex; details: string[] } {
  const { details, ...index } = compiled;
  return { index, details };
}

export interface AccountDetails {
  account: Account;
  notices: Notice[];
  /** Dataset file the account is defined in, for "suggest a correction". */
  file: string;
}

export function compileDataset(dataset: Dataset, origins?: Map<string, { file: string }>): CompiledDataset {
  const handles: Record<string, number> = {};
  const xIds: Record<string, number> = {};
  const noticesByAccount = new Map<string, Notice[]>();
  for (const notice of [...dataset.notices].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))) {
    for (const id of notice.accounts) {
      const list = noticesByAccount.get(id) ?? [];
      list.push(notice);
      noticesByAccount.set(id, list);
    }
  }
  const accounts = [...dataset.accounts].sort((a, b) => a.id.localeCompare(b.id));
  const summaries: SummaryRow[] = [];
  const details: string[] = [];
  accounts.forEach((account, index) => {
    // Former handles first, so a current handle always wins if data were ever inconsistent.
    for (const former of account.formerHandles ?? []) handles[former.toLowerCase()] = -(index + 1);
    handles[account.handle.toLowerCase()] = index;
    if (account.xId) xIds[account.xId] = index;
    const notices = noticesByAccount.get(account.id) ?? [];
    summaries.push([
      account.id,
      account.handle,
      account.name,
      KINDS.indexOf(account.kind),
      CATEGORIES.indexOf(account.category),
      account.country,
      notices.length,
      notices.reduce((mask, n) => mask | (1 << NOTICE_TYPES.indexOf(n.type)), 0),
    ]);
    const entry: AccountDetails = { account, notices, file: origins?.get(account.id)?.file ?? '' };
    details.push(JSON.stringify(entry));
  });
  return {
    format: COMPILED_FORMAT,
    version: dataset.meta.version,
    released: dataset.meta.released,
    handles,
    xIds,
    summaries,
    details,
  };
}
