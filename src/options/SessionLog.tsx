/** The researchers' session log: explained, off by default, exportable as CSV and JSON, clearable. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { Switch } from '../pages/Switch';
import { download, today } from '../pages/download';
import { LOG_KEY, clearSessionLog, readSessionLog, sessionLogToCsv } from '../storage/session-log';
import type { Settings } from '../settings/settings';
import { t } from '../ui/i18n';

export function SessionLog({ settings, update }: { settings: Settings | null; update: (c: Partial<Settings>) => Promise<void> }) {
  const [count, setCount] = useState(0);
  const [full, setFull] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const refresh = () =>
      readSessionLog()
        .then((log) => {
          setCount(log.entries.length);
          setFull(!!log.full);
        })
        .catch((e) => setError(String(e)));
    void refresh();
    const onChange = (changes: Record<string, unknown>, area: string) => area === 'local' && LOG_KEY in changes && void refresh();
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  const exportAs = (format: 'csv' | 'json') => async () => {
    const log = await readSessionLog();
    if (format === 'csv') download(`attache-session-log-${today()}.csv`, sessionLogToCsv(log.entries), 'text/csv');
    else download(`attache-session-log-${today()}.json`, JSON.stringify(log.entries, null, 2), 'application/json');
  };

  return (
    <section aria-labelledby="log-title">
      <h2 id="log-title">{t('optionsSessionLog')}</h2>
      <p class="hint">{t('optionsSessionLogHint')}</p>
      {error && <p class="problem" role="alert">{error}</p>}
      <Switch
        id="session-log"
        label={t('optionsSessionLogSwitch')}
        checked={settings?.sessionLog ?? false}
        disabled={!settings}
        onChange={(sessionLog) => void update({ sessionLog })}
      />
      <p role="status" data-attache-log-count={count}>
        {t('optionsSessionLogCount', String(count))}
      </p>
      {full && <p class="problem">{t('optionsSessionLogFull')}</p>}
      <div class="actions">
        <button type="button" disabled={count === 0} onClick={() => void exportAs('csv')()}>
          {t('optionsExportCsv')}
        </button>
        <button type="button" disabled={count === 0} onClick={() => void exportAs('json')()}>
          {t('optionsExportJson')}
        </button>
        <button
          type="button"
          class="danger"
          disabled={count === 0}
          onClick={() => {
            if (window.confirm(t('optionsConfirmClear', String(count)))) void clearSessionLog().catch((e) => setError(String(e)));
          }}
        >
          {t('optionsClear')}
        </button>
      </div>
    </section>
  );
}
