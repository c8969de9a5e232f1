/**
 * The dataset directory: every bundled entry, searchable by name or handle and filtered by country, category, layer
 * and confidence, in a virtualised listbox; Enter opens the entry's card (the same Card as on X). Reads the bundled
 * index; full entries come from the background, as for the content script. No network.
 */
import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { loadBundledIndex } from '../bundled-dataset';
import { parseDetails } from '../core/lookup';
import { isUnverified, type AccountDetails } from '../core/compiled';
import { DirectoryIndex, type DirectoryFilters } from '../core/directory';
import { ACCOUNT_DETAILS, type AccountDetailsReply, type AccountDetailsRequest } from '../pages/messages';
import { Card } from '../ui/Card';
import { countryName, keyFor, t, uiDirection, uiLanguage } from '../ui/i18n';
import themeCss from '../ui/theme.css?inline';
import cardCss from '../ui/card.css?inline';
import '../pages/pages.css';
import './directory.css';

const ROW_HEIGHT = 52;
/** Rows drawn above and below the visible ones. */
const OVERSCAN = 6;

// The packed index, from the extension's own package (no network): a few milliseconds before the first render.
const index = await loadBundledIndex();
const directory = new DirectoryIndex(index);

async function fetchDetails(position: number): Promise<AccountDetails | null> {
  const request: AccountDetailsRequest = { type: ACCOUNT_DETAILS, index: position, version: index.version };
  try {
    const reply = (await browser.runtime.sendMessage(request)) as AccountDetailsReply | undefined;
    return reply && typeof reply.json === 'string' ? parseDetails(reply.json) : null;
  } catch {
    return null;
  }
}

function label(facet: keyof DirectoryFilters, value: string): string {
  if (facet === 'country') return countryName(value);
  const key = keyFor(facet, value);
  const text = t(key);
  return text && text !== key ? text : value;
}

function FilterSelect(props: { facet: keyof DirectoryFilters; title: string; value: string; onChange: (v: string) => void }) {
  const options = useMemo(
    () => directory.values(props.facet).map(([value, n]) => [value, `${label(props.facet, value)} (${n})`] as const).sort((a, b) => a[1].localeCompare(b[1], uiLanguage())),
    [props.facet],
  );
  const id = `filter-${props.facet}`;
  return (
    <div class="filter">
      <label for={id}>{props.title}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">{t('directoryAny')}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The card in a shadow root of its own, with the card's own styles, as on X. */
function CardHost(props: { details: AccountDetails; layers: readonly string[]; onClose: () => void }) {
  const host = useRef<HTMLDivElement>(null);
  const dark = useDarkScheme();
  useEffect(() => {
    const el = host.current!;
    const shadow = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    if (!shadow.querySelector('style')) {
      const style = document.createElement('style');
      style.textContent = `${themeCss}\n${cardCss}`;
      shadow.append(style);
    }
    let mount = shadow.querySelector<HTMLElement>('.mount');
    if (!mount) {
      mount = document.createElement('div');
      mount.className = 'mount';
      shadow.append(mount);
    }
    render(
      <Card
        key={props.details.account.id}
        details={props.details}
        via="handle"
        placement={t('directoryTitle')}
        datasetVersion={index.version}
        layers={props.layers}
        onClose={props.onClose}
        autoFocus={true}
      />,
      mount,
    );
  }, [props.details]);
  useEffect(() => () => host.current?.shadowRoot && render(null, host.current.shadowRoot.querySelector('.mount')!), []);
  return <div ref={host} class="card-host" data-attache-theme={dark ? 'dark' : 'light'} dir={uiDirection()} />;
}

function useDarkScheme(): boolean {
  const query = useMemo(() => window.matchMedia('(prefers-color-scheme: dark)'), []);
  const [dark, setDark] = useState(query.matches);
  useEffect(() => {
    const on = () => setDark(query.matches);
    query.addEventListener('change', on);
    return () => query.removeEventListener('change', on);
  }, []);
  return dark;
}

function Directory() {
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<DirectoryFilters>({});
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState<{ position: number; details: AccountDetails } | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(480);
  const list = useRef<HTMLDivElement>(null);
  const results = useMemo(() => directory.search(query, filters).positions, [query, filters]);

  useEffect(() => setActive(0), [results]);
  useEffect(() => {
    const el = list.current!;
    const measure = () => setViewport(el.clientHeight || 480);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const setFilter = (facet: keyof DirectoryFilters) => (value: string) => setFilters((f) => ({ ...f, [facet]: value || undefined }));

  const moveTo = (next: number) => {
    const i = Math.max(0, Math.min(results.length - 1, next));
    setActive(i);
    const el = list.current!;
    const top = i * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  };

  const openEntry = async (i: number) => {
    const position = results[i];
    if (position === undefined) return;
    const details = await fetchDetails(position);
    if (details) setOpen({ position, details });
  };

  const closeCard = () => {
    setOpen(null);
    list.current?.focus();
  };

  const onListKey = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + page, PageUp: active - page, Home: 0, End: results.length - 1 };
    if (e.key in moves) {
      e.preventDefault();
      moveTo(moves[e.key]!);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      void openEntry(active);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      closeCard();
    }
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(results.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const rows = [];
  for (let i = first; i < last; i++) {
    const s = directory.summaries[results[i]!]!;
    const unverified = isUnverified(s.confidence);
    rows.push(
      <div
        key={s.id}
        id={`entry-${s.index}`}
        role="option"
        class={`row${i === active ? ' active' : ''}`}
        aria-selected={i === active ? 'true' : 'false'}
        aria-setsize={results.length}
        aria-posinset={i + 1}
        data-attache-account={s.id}
        style={{ top: `${i * ROW_HEIGHT}px`, height: `${ROW_HEIGHT}px` }}
        onClick={() => {
          setActive(i);
          void openEntry(i);
        }}
      >
        <span class="row-name" dir="auto">
          {s.name}
        </span>
        <span class="row-meta">
          <span dir="ltr">@{s.handle}</span> · {label('category', s.category)} · {countryName(s.country)}
          {' · '}
          <span class={unverified ? 'unverified-mark' : 'confidence'}>{unverified ? t('badgeUnverified') : label('confidence', s.confidence)}</span>
        </span>
      </div>,
    );
  }
  const activeId = results[active] !== undefined ? `entry-${results[active]}` : undefined;

  return (
    <main class="directory">
      <h1>{t('directoryTitle')}</h1>
      <p class="muted">{t('directoryIntro', index.version)}</p>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="filter search">
          <label for="directory-search">{t('directorySearch')}</label>
          <input
            id="directory-search"
            type="search"
            autoComplete="off"
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' && results.length) {
                e.preventDefault();
                list.current?.focus();
              }
            }}
          />
        </div>
        <FilterSelect facet="country" title={t('directoryCountry')} value={filters.country ?? ''} onChange={setFilter('country')} />
        <FilterSelect facet="category" title={t('directoryCategory')} value={filters.category ?? ''} onChange={setFilter('category')} />
        <FilterSelect facet="layer" title={t('directoryLayer')} value={filters.layer ?? ''} onChange={setFilter('layer')} />
        <FilterSelect facet="confidence" title={t('directoryConfidence')} value={filters.confidence ?? ''} onChange={setFilter('confidence')} />
      </form>
      <p class="count" role="status" aria-live="polite" data-attache-results={results.length}>
        {results.length ? t('directoryResults', [String(results.length), String(directory.size)]) : t('directoryNone')}
      </p>
      <p class="hint" id="directory-help">
        {t('directoryHelp')}
      </p>
      <div class="panes">
        <div
          ref={list}
          class="list"
          role="listbox"
          tabIndex={0}
          aria-label={t('directoryList')}
          aria-describedby="directory-help"
          aria-activedescendant={activeId}
          onKeyDown={onListKey}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        >
          <div class="spacer" style={{ height: `${results.length * ROW_HEIGHT}px` }}>
            {rows}
          </div>
        </div>
        {open && (
          <div class="card-pane" onKeyDown={(e) => e.key === 'Escape' && closeCard()}>
            <CardHost details={open.details} layers={directory.summaries[open.position]!.layers} onClose={closeCard} />
          </div>
        )}
      </div>
    </main>
  );
}

document.documentElement.lang = uiLanguage();
document.documentElement.dir = uiDirection();
document.title = t('directoryTitle');
render(<Directory />, document.getElementById('app')!);
