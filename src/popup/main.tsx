import { render } from 'preact';
import browser from 'webextension-polyfill';
import compiled from 'virtual:attache-dataset';
import { Switch } from '../pages/Switch';
import { useSettings } from '../pages/useSettings';
import { t } from '../ui/i18n';
import '../pages/pages.css';
import './popup.css';

function Popup() {
  const { settings, problem, update } = useSettings();
  return (
    <main class="popup">
      <header>
        <h1>{t('popupTitle')}</h1>
      </header>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      <Switch
        id="attache-enabled"
        label={t('popupEnabled')}
        hint={t('popupEnabledHint')}
        checked={settings?.enabled ?? false}
        disabled={!settings}
        onChange={(enabled) => update({ enabled })}
      />
      <p class="muted" data-attache-dataset-version={compiled.version}>
        {t('popupDataset', [compiled.version, String(compiled.summaries.length)])}
      </p>
      <p class="muted">{t('popupPrivacy')}</p>
      <footer>
        <a
          href="#"
          onClick={(e) => {
            e.preventDefault();
            browser.runtime.openOptionsPage().then(() => window.close());
          }}
        >
          {t('popupOptions')}
        </a>
      </footer>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
