/** Settings for extension pages (popup, options): loaded, observed live, and updated with visible errors. */
import { useEffect, useState } from 'preact/hooks';
import { loadSettings, onSettingsChanged, updateSettings } from '../settings/store';
import type { Settings } from '../settings/settings';
import { t } from '../ui/i18n';

export function useSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadSettings().then((result) => {
      if (!live) return;
      setSettings(result.settings);
      if (result.problem) setProblem(result.problem);
    });
    const off = onSettingsChanged((next) => live && setSettings(next));
    return () => {
      live = false;
      off();
    };
  }, []);
  const update = async (change: Partial<Omit<Settings, 'schemaVersion'>>) => {
    try {
      setSettings(await updateSettings(change));
      setProblem(null);
    } catch (error) {
      // Storage failed (quota, corruption): the stored settings are unchanged; say so.
      setProblem(t('settingsError', String(error instanceof Error ? error.message : error)));
    }
  };
  return { settings, problem, update };
}
