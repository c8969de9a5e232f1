/**
 * Background: holds the dataset's full entries and hands one to a content script when a card opens (the content
 * script carries only the compact index), and the keyboard shortcut that turns annotations on or off. Open X tabs
 * follow settings through storage.onChanged. No network, nothing else.
 */
import browser from 'webextension-polyfill';
import { bundledMeta as compiled } from '../bundled-dataset';
import details from 'virtual:attache-details';
import { loadSettings, updateSettings } from '../settings/store';
import { ACCOUNT_DETAILS, type AccountDetailsReply } from '../pages/messages';
import { WRITE_MESSAGE_CATALOG, writeMessageCatalog } from '../ui/message-catalog';

/**
 * The message catalogue for content scripts: after every install or update, at browser start, and when one asks
 * (tabs restored at browser start may all ask at once: one write serves them).
 */
let catalogueWrite: Promise<void> | null = null;
function refreshMessageCatalog(): void {
  catalogueWrite ??= writeMessageCatalog()
    .catch((error) => console.warn('[Attaché] message catalogue', error))
    .finally(() => {
      catalogueWrite = null;
    });
}
browser.runtime.onInstalled.addListener(refreshMessageCatalog);
browser.runtime.onStartup.addListener(refreshMessageCatalog);

browser.commands.onCommand.addListener(async (command) => {
  if (command !== 'toggle-annotations') return;
  const { settings } = await loadSettings();
  await updateSettings({ enabled: !settings.enabled }).catch((error) => console.warn('[Attaché]', error));
});

browser.runtime.onMessage.addListener(
  (message: unknown, sender: browser.Runtime.MessageSender): Promise<AccountDetailsReply> | undefined => {
  const request = message as { type?: unknown; index?: unknown; version?: unknown } | null;
  // Only our own content scripts and pages talk to us (web pages cannot reach runtime.onMessage).
  if (!request || sender.id !== browser.runtime.id) return undefined;
  if (request.type === WRITE_MESSAGE_CATALOG) {
    refreshMessageCatalog();
    return undefined;
  }
  if (request.type !== ACCOUNT_DETAILS) return undefined;
  const index = request.index;
  const sameVersion = request.version === compiled.version;
  const json = sameVersion && typeof index === 'number' && Number.isInteger(index) && index >= 0 ? (details[index] ?? null) : null;
  return Promise.resolve({ version: compiled.version, json });
  },
);
