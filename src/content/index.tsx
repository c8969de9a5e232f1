/**
 * Attaché's content script on X: loads the bundled index, reads settings, and runs the annotator with the Preact UI.
 * Built as one standalone file (no web-accessible resources, nothing an x.com page can probe).
 */
import compiled from 'virtual:attache-dataset';
import { DatasetIndex } from '../core/lookup';
import { loadSettings, onSettingsChanged } from '../settings/store';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings';
import { AttacheUi } from '../ui/hosts';
import { Annotator } from './annotator';

const MARK = 'data-attache-ready';

async function main(): Promise<void> {
  const root = document.documentElement;
  // An older copy of this script (before an extension update) may still be running: it stops itself when its
  // context is invalidated; never run two annotators in one page.
  if (root.hasAttribute(MARK)) root.dispatchEvent(new CustomEvent('attache:shutdown'));
  root.setAttribute(MARK, '');

  const index = new DatasetIndex(compiled);
  let settings: Settings = { ...DEFAULT_SETTINGS };
  const ui = new AttacheUi({ index, hoverDelayMs: () => settings.hoverDelayMs });
  const annotator = new Annotator({
    index,
    renderer: ui,
    onError: (error, where) => console.debug('[Attaché]', where, error),
    onNavigate: () => ui.closeCard(false),
  });

  const apply = (next: Settings) => {
    settings = next;
    if (settings.enabled) {
      ui.start();
      annotator.start();
      annotator.flush();
    } else {
      annotator.stop();
      ui.stop();
    }
  };

  const shutdown = () => {
    unsubscribe();
    annotator.stop();
    ui.stop();
    root.removeEventListener('attache:shutdown', shutdown);
  };
  root.addEventListener('attache:shutdown', shutdown);

  const unsubscribe = onSettingsChanged(apply);
  const { settings: loaded } = await loadSettings();
  apply(loaded);
}

main().catch((error) => console.debug('[Attaché] failed to start', error));
