import { render } from 'preact';
import { useState } from 'preact/hooks';
import { accountCount, bundledMeta as compiled } from '../bundled-dataset';
import { Switch } from '../pages/Switch';
import { useSettings } from '../pages/useSettings';
import { LayerSwitches } from '../pages/LayerSwitches';
import { download, today } from '../pages/download';
import { PROMINENCE, defaultSettings, type Settings } from '../settings/settings';
import { replaceSettings } from '../settings/store';
import { formatPartialDate, keyFor, t } from '../ui/i18n';
import { CustomLayers } from './CustomLayers';
import { SessionLog } from './SessionLog';
import { DIRECTORY_PAGE, PRIVACY_PAGE } from '../pages/privacy';
import '../pages/pages.css';
import './options.css';

function Options() {
  const { settings, problem, update } = useSettings();
  const [note, setNote] = useState<{ text: string; error?: boolean } | null>(null);
  const [delay, setDelay] = useState<string | null>(null);

  const importSettings = async (file: File | undefined) => {
    if (!file) return;
    try {
      const value = JSON.parse(await file.text());
      await replaceSettings(value);
      setNote({ text: t('optionsImported') });
    } catch (error) {
      setNote({ text: String(error instanceof Error ? error.message : error), error: true });
    }
  };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}

      <section aria-labelledby="annotations-title">
        <h2 id="annotations-title">{t('optionsAnnotations')}</h2>
        <Switch
          id="attache-enabled"
          label={t('popupEnabled')}
          hint={t('popupEnabledHint')}
          checked={settings?.enabled ?? false}
          disabled={!settings}
          onChange={(enabled) => update({ enabled })}
        />
        <Switch
          id="attache-show-unverified"
          label={t('settingShowUnverified')}
          hint={t('settingShowUnverifiedHint')}
          checked={settings?.showUnverified ?? true}
          disabled={!settings}
          onChange={(showUnverified) => update({ showUnverified })}
        />
        <fieldset class="group">
          <legend>{t('popupLayers')}</legend>
          <p class="hint">{t('optionsLayersHint')}</p>
          <LayerSwitches settings={settings} update={update} />
        </fieldset>
        <fieldset class="group">
          <legend>{t('optionsProminence')}</legend>
          {PROMINENCE.map((value) => (
            <label class="radio" key={value}>
              <input
                type="radio"
                name="prominence"
                value={value}
                checked={settings?.prominence === value}
                disabled={!settings}
                onChange={() => update({ prominence: value })}
              />
              {t(keyFor('prominence', value))}
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="hover-delay">{t('optionsHoverDelay')}</label>
          <input
            id="hover-delay"
            type="number"
            min={100}
            max={5000}
            step={100}
            value={delay ?? settings?.hoverDelayMs ?? 600}
            disabled={!settings || settings.prominence === 'badge'}
            onInput={(e) => setDelay(e.currentTarget.value)}
            onChange={async (e) => {
              const value = Math.round(Number(e.currentTarget.value));
              setDelay(null);
              if (Number.isFinite(value) && value >= 100 && value <= 5000) await update({ hoverDelayMs: value });
            }}
          />
        </div>
      </section>

      <CustomLayers />
      <SessionLog settings={settings} update={update} />

      <section aria-labelledby="settings-title">
        <h2 id="settings-title">{t('optionsSettings')}</h2>
        {note && (
          <p class={note.error ? 'problem' : 'ok'} role={note.error ? 'alert' : 'status'}>
            {note.text}
          </p>
        )}
        <div class="actions">
          <button
            type="button"
            disabled={!settings}
            onClick={() => settings && download(`attache-settings-${today()}.json`, JSON.stringify(settings, null, 2), 'application/json')}
          >
            {t('optionsExportSettings')}
          </button>
          <label class="button">
            {t('optionsImportSettings')}
            <input type="file" accept=".json,application/json" class="visually-hidden" onChange={(e) => void importSettings(e.currentTarget.files?.[0])} />
          </label>
          <button
            type="button"
            class="danger"
            onClick={async () => {
              if (!window.confirm(t('optionsConfirmReset'))) return;
              try {
                await replaceSettings(defaultSettings() as Settings);
                setNote({ text: t('optionsResetDone') });
              } catch (error) {
                setNote({ text: String(error instanceof Error ? error.message : error), error: true });
              }
            }}
          >
            {t('optionsReset')}
          </button>
        </div>
      </section>

      <section aria-labelledby="about-title">
        <h2 id="about-title">{t('optionsAbout')}</h2>
        <p>{t('popupDataset', [compiled.version, String(accountCount())])}</p>
        <p class="muted">{t('optionsReleased', formatPartialDate(compiled.released))}</p>
        <p>
          <a id="attache-directory-link" href={`/${DIRECTORY_PAGE}`} target="_blank" rel="noopener noreferrer">
            {t('directoryOpen')}
          </a>
        </p>
        <p class="muted">{t('popupPrivacy')}</p>
        <p>
          <a href={`/${PRIVACY_PAGE}`} target="_blank" rel="noopener noreferrer">
            {t('optionsPrivacyPolicy')}
          </a>
        </p>
      </section>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
