import { render } from 'preact';
import { useState } from 'preact/hooks';
import compiled from 'virtual:attache-dataset';
import { Switch } from '../pages/Switch';
import { useSettings } from '../pages/useSettings';
import { formatPartialDate, t } from '../ui/i18n';
import '../pages/pages.css';
import './options.css';

function Options() {
  const { settings, problem, update } = useSettings();
  const [saved, setSaved] = useState(false);
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
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
      <div class="field">
        <label for="hover-delay">{t('optionsHoverDelay')}</label>
        <input
          id="hover-delay"
          type="number"
          min={0}
          max={5000}
          step={100}
          value={settings?.hoverDelayMs ?? 600}
          disabled={!settings}
          onChange={async (e) => {
            const value = Math.round(Number(e.currentTarget.value));
            if (!Number.isFinite(value) || value < 0 || value > 5000) return;
            await update({ hoverDelayMs: value });
            setSaved(true);
            setTimeout(() => setSaved(false), 1500);
          }}
        />
        <span class="muted" role="status">
          {saved ? t('optionsSaved') : ''}
        </span>
      </div>
      <h2>{t('optionsAbout')}</h2>
      <p>{t('popupDataset', [compiled.version, String(compiled.summaries.length)])}</p>
      <p class="muted">{t('optionsReleased', formatPartialDate(compiled.released))}</p>
      <p class="muted">{t('popupPrivacy')}</p>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
