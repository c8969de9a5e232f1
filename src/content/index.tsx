/**
 * Attaché's content script on X: loads the bundled index and the researcher's lists, follows settings live, runs
 * the annotator with the Preact UI, answers the popup, and keeps the optional session log.
 * Built as one standalone file that carries no dataset: the packed index is read from the package
 * (src/bundled-dataset.ts), while the settings and messages load.
 */
import browser from 'webextension-polyfill';
import { loadBundledIndex } from '../bundled-dataset';
import { parseDetails } from '../core/lookup';
import type { AccountDetails } from '../core/compiled';
import { CUSTOM_LAYER_PREFIX, CustomLayerIndex } from '../core/custom-layers';
import { loadSettings, onSettingsChanged } from '../settings/store';
import { defaultSettings, layerEnabled, type Settings } from '../settings/settings';
import { loadCustomLayers, onCustomLayersChanged } from '../storage/custom-layers-store';
import { SessionRecorder } from '../storage/session-log';
import { ACCOUNT_DETAILS, PAGE_STATS, type AccountDetailsReply, type AccountDetailsRequest, type PageStats } from '../pages/messages';
import { AttacheUi } from '../ui/hosts';
import { loadMessageCatalog } from '../ui/message-catalog';
import { Annotator, X_GOVERNMENT_LAYER, type Annotation } from './annotator';
import { HookCheck } from './hook-check';
import { PageSignals } from './page-signals';
import type { Candidate } from './placements/types';
import { postText } from './placements/read';
import { X } from './selectors';
import { CARD_TAG, HOST_TAG, NOTICE_TAG } from '../contract/tags';

const MARK = 'data-attache-ready';
const SHUTDOWN = 'attache:shutdown';

/** False once the extension was updated, reloaded or removed while this page stayed open. */
function contextValid(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

function postIdOf(candidate: Candidate): string | undefined {
  const article = candidate.instance.closest(X.tweet);
  if (!article) return undefined;
  for (const link of article.querySelectorAll(X.statusLink)) {
    if (link.closest(X.quotedCard)) continue;
    const m = /\/status\/(\d{1,20})$/.exec(link.getAttribute('href') ?? '');
    if (m) return m[1];
  }
  return undefined;
}

async function main(): Promise<void> {
  const root = document.documentElement;
  // The index, the settings and the messages are read at once; nothing below waits for more than the slowest.
  const indexLoad = loadBundledIndex();
  const settingsLoad = loadSettings();
  const catalogLoad = loadMessageCatalog();
  // Settings changed while the index loads are applied once it is in (the latest wins).
  let changedEarly: Settings | null = null;
  let applyChange = (next: Settings): void => {
    changedEarly = next;
  };
  const unsubscribeSettings = onSettingsChanged((next) => applyChange(next));
  let index: Awaited<typeof indexLoad>;
  try {
    index = await indexLoad;
  } catch (error) {
    unsubscribeSettings();
    throw error;
  }
  // An older copy of this script (from before an extension update) may still be attached to this page: stop it,
  // so that there is never more than one annotator and never duplicate badges. Chromium leaves an older copy running
  // without its extension (it takes its own nodes down) and injects no new one into open tabs; Firefox unloads the
  // older copy without a word, leaving its nodes in the page, and injects this one: every Attaché node on the page
  // now is the older copy's.
  if (root.hasAttribute(MARK)) {
    root.dispatchEvent(new CustomEvent(SHUTDOWN));
    for (const node of document.querySelectorAll(`${HOST_TAG}, ${CARD_TAG}, ${NOTICE_TAG}`)) node.remove();
  }

  let settings: Settings = defaultSettings();
  let custom: CustomLayerIndex | null = null;
  let errors = 0;
  const hooks = new HookCheck(document);
  const recorder = new SessionRecorder((message) => console.debug('[Attaché]', message));

  // Full entries live in the background; each is asked for once, when its first card opens.
  const detailCache = new Map<number, Promise<AccountDetails | null>>();
  const details = (i: number): Promise<AccountDetails | null> => {
    let pending = detailCache.get(i);
    if (!pending) {
      const request: AccountDetailsRequest = { type: ACCOUNT_DETAILS, index: i, version: index.version };
      pending = (browser.runtime.sendMessage(request) as Promise<AccountDetailsReply | undefined>)
        .then((reply) => (reply && typeof reply.json === 'string' ? parseDetails(reply.json) : null))
        .catch((error) => {
          errors++;
          console.debug('[Attaché] details', error);
          detailCache.delete(i);
          return null;
        });
      detailCache.set(i, pending);
    }
    return pending;
  };

  const ui = new AttacheUi({
    index,
    details,
    hoverDelayMs: () => (settings.prominence === 'badge' ? 0 : settings.hoverDelayMs),
    noticeLine: () => settings.prominence === 'badge-notice-line',
    noticeAnchor: (candidate) => postText(candidate.instance),
  });
  // What X's own responses say about the accounts it renders (src/page-world): confirms or contradicts entries.
  let refreshQueued = false;
  const signals = new PageSignals(
    document,
    index,
    () => {
      if (refreshQueued) return;
      refreshQueued = true;
      setTimeout(() => {
        refreshQueued = false;
        if (running) annotator.refresh();
      }, 0);
    },
    (error) => {
      errors++;
      console.debug('[Attaché] page data', error);
    },
    // X's government mark on an account outside the dataset, given or taken back: matters when that layer is on.
    (observed, previous) =>
      (observed.verification === 'government' || previous?.verification === 'government') && layerEnabled(settings, X_GOVERNMENT_LAYER),
  );
  const annotator = new Annotator({
    index,
    renderer: ui,
    identity: () => signals.observations,
    // Custom layers in the index are the enabled ones; built-in layers follow the settings.
    layerEnabled: (id) => id.startsWith(CUSTOM_LAYER_PREFIX) || layerEnabled(settings, id),
    showUnverified: () => settings.showUnverified,
    custom: () => custom,
    onError: (error, where) => {
      errors++;
      console.debug('[Attaché]', where, error);
    },
    onNavigate: () => {
      if (!contextValid()) return shutdown();
      ui.closeCard(false);
      hooks.schedule();
    },
    onAnnotate: (annotation: Annotation, candidate: Candidate, layers) => {
      // Warnings and X's own marks are not dataset accounts: the session log records those only.
      if (!settings.sessionLog || annotation.kind === 'lookalike' || annotation.kind === 'x-government') return;
      const identity = annotation.kind === 'official' || annotation.kind === 'recycled' ? annotation.identity : undefined;
      recorder.record({
        path: location.pathname,
        placement: candidate.placement,
        handle: candidate.handle.toLowerCase(),
        account:
          annotation.kind === 'official' ? annotation.match.account.id
          : annotation.kind === 'recycled' ? annotation.identity.match.account.id
          : `custom:${candidate.handle.toLowerCase()}`,
        layers: [...layers],
        dataset: index.version,
        post: postIdOf(candidate),
        ...(identity?.observed ? { xId: identity.observed.id } : {}),
        ...(identity ? { identity: identity.status } : {}),
      });
    },
  });

  let running = false;
  const apply = (next: Settings) => {
    const previous = settings;
    settings = next;
    if (!settings.enabled) {
      if (running) {
        annotator.stop();
        ui.stop();
        hooks.stop();
        running = false;
      }
      return;
    }
    if (!running) {
      running = true;
      ui.start();
      annotator.start();
      annotator.flush();
      hooks.schedule();
      return;
    }
    if (previous.prominence !== settings.prominence) {
      // Prominence changes what each badge brings along (the notice line): rebuild them all.
      annotator.stop();
      annotator.start();
      annotator.flush();
    } else {
      annotator.refresh();
    }
  };

  const loadCustom = async () => {
    try {
      const { layers } = await loadCustomLayers();
      custom = layers.some((l) => l.enabled) ? new CustomLayerIndex(layers) : null;
    } catch (error) {
      errors++;
      console.debug('[Attaché] custom layers', error);
      custom = null;
    }
    if (running) annotator.refresh();
  };

  const onMessage = (message: unknown): Promise<PageStats> | undefined => {
    if (!message || (message as { type?: unknown }).type !== PAGE_STATS) return undefined;
    const counts = running ? annotator.counts() : { total: 0 };
    const { total = 0, ...perLayer } = counts;
    return Promise.resolve({
      counts: perLayer,
      total,
      missingHooks: running ? hooks.missing : [],
      errors,
      pageWorld: { seen: signals.seen, rejected: signals.rejected },
    });
  };

  const unsubscribeCustom = onCustomLayersChanged(() => void loadCustom());
  browser.runtime.onMessage.addListener(onMessage);

  function shutdown() {
    root.removeEventListener(SHUTDOWN, onShutdownRequest);
    try {
      unsubscribeSettings();
      unsubscribeCustom();
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // The extension context is gone: its listeners went with it.
    }
    void recorder.flush().catch(() => undefined);
    recorder.stop();
    hooks.stop();
    signals.stop();
    annotator.stop();
    ui.stop();
    running = false;
  }
  // The page can dispatch this event too. A copy whose extension context is still valid was not replaced by an update
  // or reload, so it ignores the request: a page cannot switch Attaché off.
  const onShutdownRequest = () => {
    if (!contextValid()) shutdown();
  };
  root.addEventListener(SHUTDOWN, onShutdownRequest);
  root.setAttribute(MARK, '');
  signals.start();

  const [{ settings: loaded }, catalogProblem] = await Promise.all([settingsLoad, catalogLoad, loadCustom()]);
  if (catalogProblem) console.debug('[Attaché] messages from the i18n API:', catalogProblem);
  applyChange = apply;
  apply(changedEarly ?? loaded);

  // The lookalike matcher is built by the first pass: it reads the orders compiled into the index, so building it
  // costs next to nothing, and warnings come with the first badges rather than in a second pass over the page.
  whenIdle(() => {
    if (contextValid()) ui.warmUp();
  });
}

function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 3000 });
  else setTimeout(work, 1000);
}

main().catch((error) => console.debug('[Attaché] failed to start', error));
