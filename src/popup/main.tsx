import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { accountCount, bundledMeta as compiled } from '../bundled-dataset';
import { CUSTOM_LAYER_PREFIX } from '../core/custom-layers';
import { Switch } from '../pages/Switch';
import { useSettings } from '../pages/useSettings';
import { useCustomLayers } from '../pages/useCustomLayers';
import { LayerSwitches } from '../pages/LayerSwitches';
import { DIRECTORY_PAGE } from '../pages/privacy';
import { PAGE_STATS, isPageStats, type PageStats } from '../pages/messages';
import { updateCustomLayerMeta } from '../storage/custom-layers-store';
import { t } from '../ui/i18n';
import '../pages/pages.css';
import './popup.css';

/** Asks the content script in the active tab what it annotated; null when the tab is not an X page. */
function usePageStats(refreshKey: unknown) {
  const [stats, setStats] = useState<PageStats | null | 'none'>(null);
  useEffect(() => {
    let live = true;
    const ask = async () => {
      try {
        const reply = await askActiveXTab();
        if (live) setStats(reply ?? 'none');
      } catch {
        if (live) setStats('none');
      }
    };
    void ask();
    // Counts change as the page changes and as layers are switched: refresh while the popup is open.
    const timer = setInterval(ask, 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [refreshKey]);
  return stats;
}

async function statsOf(tabId: number): Promise<PageStats | null> {
  try {
    const reply = await browser.tabs.sendMessage(tabId, { type: PAGE_STATS });
    return isPageStats(reply) ? reply : null;
  } catch {
    return null; // no content script there: not an X page
  }
}

/**
 * The stats of the active tab; when the popup itself is open in a tab (or the active tab is not X), the most
 * recently used X tab of this window. Tab ids and lastAccessed need no "tabs" permission.
 */
async function askActiveXTab(): Promise<PageStats | null> {
  const tabs = await browser.tabs.query({ currentWindow: true });
  const active = tabs.find((tab) => tab.active);
  if (active?.id !== undefined) {
    const stats = await statsOf(active.id);
    if (stats) return stats;
  }
  const others = tabs.filter((tab) => tab.id !== undefined && tab !== active).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  for (const tab of others) {
    const stats = await statsOf(tab.id!);
    if (stats) return stats;
  }
  return null;
}

function Popup() {
  const { settings, problem, update } = useSettings();
  const { layers: custom, problem: customProblem } = useCustomLayers();
  const stats = usePageStats(settings);
  const [error, setError] = useState<string | null>(null);
  const count = (layer: string) => (stats && stats !== 'none' ? stats.counts[layer] ?? 0 : null);
  const shortcut = useShortcut();

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('popupTitle')}</h1>
        <span class="muted" data-attache-dataset-version={compiled.version}>
          {t('popupDataset', [compiled.version, String(accountCount())])}
        </span>
      </header>
      {[problem, customProblem, error].filter(Boolean).map((p) => (
        <p class="problem" role="alert" key={p}>
          {p}
        </p>
      ))}
      <Switch
        id="attache-enabled"
        label={t('popupEnabled')}
        hint={t('popupEnabledHint')}
        checked={settings?.enabled ?? false}
        disabled={!settings}
        onChange={(enabled) => update({ enabled })}
      />
      <p class="page-total" role="status" data-attache-total={stats && stats !== 'none' ? stats.total : undefined}>
        {stats === 'none' ? t('popupNotOnX') : stats ? t('popupOnThisPage', String(stats.total)) : '…'}
      </p>
      {stats && stats !== 'none' && stats.missingHooks.length > 0 && (
        <p class="problem" role="alert">
          {t('popupLayoutWarning', stats.missingHooks.join(', '))}
        </p>
      )}
      {stats && stats !== 'none' && stats.errors > 0 && <p class="problem">{t('popupErrors', String(stats.errors))}</p>}
      {stats && stats !== 'none' && stats.pageWorld && (
        <p class={stats.pageWorld.seen > 0 ? 'muted' : 'problem'} data-attache-page-world={stats.pageWorld.seen > 0 ? 'seen' : 'none'}>
          {stats.pageWorld.seen > 0 ? t('popupPageWorldSeen', String(stats.pageWorld.seen)) : t('popupPageWorldNone')}
        </p>
      )}
      <fieldset class="layers" disabled={!settings?.enabled}>
        <legend>{t('popupLayers')}</legend>
        <LayerSwitches settings={settings} update={update} extra={(id) => <LayerCount n={count(id)} />} />
        <Switch
          id="attache-show-unverified"
          label={t('settingShowUnverified')}
          hint={t('settingShowUnverifiedHint')}
          checked={settings?.showUnverified ?? true}
          disabled={!settings}
          onChange={(showUnverified) => update({ showUnverified })}
        />
      </fieldset>
      {custom.length > 0 && (
        <fieldset class="layers" disabled={!settings?.enabled}>
          <legend>{t('popupCustomLayers')}</legend>
          {custom.map((layer) => (
            <Switch
              key={layer.id}
              id={`custom-${layer.id}`}
              layer={CUSTOM_LAYER_PREFIX + layer.id}
              label={layer.name}
              accent={layer.colour}
              checked={layer.enabled}
              extra={<LayerCount n={count(CUSTOM_LAYER_PREFIX + layer.id)} />}
              onChange={(enabled) => updateCustomLayerMeta(layer.id, { enabled }).catch((e) => setError(String(e.message ?? e)))}
            />
          ))}
        </fieldset>
      )}
      <footer>
        {shortcut && <p class="muted">{t('popupShortcut', shortcut)}</p>}
        <p class="muted">{t('popupPrivacy')}</p>
        <p>
          <a
            id="attache-directory-link"
            href={browser.runtime.getURL(DIRECTORY_PAGE)}
            onClick={(e) => {
              e.preventDefault();
              void browser.tabs.create({ url: browser.runtime.getURL(DIRECTORY_PAGE) }).then(() => window.close());
            }}
          >
            {t('directoryOpen')}
          </a>
        </p>
        <a
          href={browser.runtime.getURL('src/options/index.html')}
          onClick={(e) => {
            e.preventDefault();
            void browser.runtime.openOptionsPage().then(() => window.close());
          }}
        >
          {t('popupOptions')}
        </a>
      </footer>
    </main>
  );
}

function LayerCount({ n }: { n: number | null }) {
  if (n === null) return null;
  return (
    <span class="count" aria-label={t('popupCountLabel', String(n))}>
      {n}
    </span>
  );
}

function useShortcut(): string | null {
  const [keys, setKeys] = useState<string | null>(null);
  useEffect(() => {
    browser.commands
      ?.getAll()
      .then((all) => setKeys(all.find((c) => c.name === 'toggle-annotations')?.shortcut || null))
      .catch(() => setKeys(null));
  }, []);
  return keys;
}

render(<Popup />, document.getElementById('app')!);
