/**
 * Background: the keyboard shortcut that turns all annotations on or off. Open X tabs follow through
 * storage.onChanged, like every other settings change. No network, no other work.
 */
import browser from 'webextension-polyfill';
import { loadSettings, updateSettings } from '../settings/store';

browser.commands.onCommand.addListener(async (command) => {
  if (command !== 'toggle-annotations') return;
  const { settings } = await loadSettings();
  await updateSettings({ enabled: !settings.enabled }).catch((error) => console.warn('[Attaché]', error));
});
