/**
 * Attaché's page-world reader: runs in x.com's own JavaScript world ("world": "MAIN", at document_start) and learns,
 * from the responses X's web client already receives from its GraphQL API, the numeric id, current handle,
 * verification type and affiliation label of the accounts it renders. See docs/identity.md.
 *
 * - Read only: fetch and XMLHttpRequest are wrapped so that X gets exactly what it would have got (the same
 *   Response, the same XHR); Attaché reads a clone of the body, later, off X's own callbacks.
 * - Never throws into X's code: every line of ours runs inside try/catch; the originals are called first.
 * - No network requests of its own, no extension APIs (this world has none), no storage.
 * - Bounded: responses over MAX_BODY characters are skipped; the walk is bounded (extract.ts); one record per id is
 *   kept (at most MAX_CACHE), and only new or changed records are sent.
 */
import { RESEND_EVENT, USERS_EVENT, encodeBatch, type WireRecord } from '../contract/page-world';
import { extractUsers, isGraphqlUrl } from './extract';

const MAX_BODY = 5_000_000;
const MAX_CACHE = 5000;
const FLAG = '__attachePageWorld';

function install(win: Window & typeof globalThis): void {
  const holder = win as unknown as Record<string, unknown>;
  if (holder[FLAG]) return;
  Object.defineProperty(holder, FLAG, { value: true });
  const doc = win.document;
  const cache = new Map<string, string>();
  const records = new Map<string, WireRecord>();
  const CustomEventCtor = win.CustomEvent;
  const setTimeoutFn = win.setTimeout.bind(win);
  const parse = JSON.parse;

  const send = (batch: readonly WireRecord[]) => {
    if (!batch.length) return;
    for (let i = 0; i < batch.length; i += 500) {
      doc.documentElement?.dispatchEvent(new CustomEventCtor(USERS_EVENT, { detail: encodeBatch(batch.slice(i, i + 500)) }));
    }
  };

  const take = (root: unknown) => {
    const { users } = extractUsers(root);
    const fresh: WireRecord[] = [];
    for (const user of users) {
      const key = user.join('\t');
      if (cache.get(user[0]) === key) continue;
      cache.delete(user[0]);
      records.delete(user[0]);
      cache.set(user[0], key);
      records.set(user[0], user);
      fresh.push(user);
      if (cache.size > MAX_CACHE) {
        const oldest = cache.keys().next().value as string;
        cache.delete(oldest);
        records.delete(oldest);
      }
    }
    send(fresh);
  };

  const later = (work: () => void) =>
    setTimeoutFn(() => {
      try {
        work();
      } catch {
        // A shape we do not know: Attaché keeps matching by handle.
      }
    }, 0);

  const fromText = (text: unknown) => {
    if (typeof text !== 'string' || text.length > MAX_BODY || text[0] !== '{') return;
    take(parse(text));
  };

  // fetch: X gets the original promise; Attaché reads a clone of the response.
  const originalFetch = win.fetch;
  if (typeof originalFetch === 'function') {
    const wrapped = function (this: unknown, ...args: Parameters<typeof fetch>): Promise<Response> {
      const result = originalFetch.apply(this, args);
      try {
        const input = args[0];
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : (input as Request | undefined)?.url ?? '';
        if (isGraphqlUrl(url)) {
          result.then(
            (response) => {
              try {
                const length = Number(response.headers.get('content-length') ?? 0);
                if (!response.ok || length > MAX_BODY) return;
                response
                  .clone()
                  .text()
                  .then((text) => later(() => fromText(text)), () => undefined);
              } catch {
                // Nothing of ours reaches X's code.
              }
            },
            () => undefined,
          );
        }
      } catch {
        // Nothing of ours reaches X's code.
      }
      return result;
    };
    try {
      win.fetch = wrapped as typeof fetch;
    } catch {
      // Not writable: the reader stays off for fetch.
    }
  }

  // XMLHttpRequest: a listener on `load`, added at open(); the request and its response are untouched.
  const proto = win.XMLHttpRequest?.prototype;
  const originalOpen = proto?.open;
  if (proto && typeof originalOpen === 'function') {
    const urls = new WeakMap<XMLHttpRequest, string>();
    const onLoad = function (this: XMLHttpRequest) {
      try {
        if (this.status < 200 || this.status >= 300) return;
        const type = this.responseType;
        if (type === '' || type === 'text') {
          const text = this.responseText;
          later(() => fromText(text));
        } else if (type === 'json') {
          const value: unknown = this.response;
          later(() => take(value));
        }
      } catch {
        // Nothing of ours reaches X's code.
      }
    };
    proto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
      try {
        const url = String(args[1] ?? '');
        if (isGraphqlUrl(url) && !urls.has(this)) {
          urls.set(this, url);
          this.addEventListener('load', onLoad);
        }
      } catch {
        // Nothing of ours reaches X's code.
      }
      return (originalOpen as (...a: unknown[]) => void).apply(this, args);
    } as typeof proto.open;
  }

  // The content script starts after this one: it asks for everything seen so far.
  doc.addEventListener(
    RESEND_EVENT,
    () => {
      try {
        send([...records.values()]);
      } catch {
        // Nothing of ours reaches X's code.
      }
    },
    true,
  );
}

try {
  install(window);
} catch {
  // Never into X's code.
}
