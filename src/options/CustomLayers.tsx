/** Import, preview, save, edit, disable, export and remove researchers' own lists. Nothing is saved with problems. */
import { useState } from 'preact/hooks';
import { parseCustomList, toCsv, type ParsedList } from '../core/custom-lists';
import { CUSTOM_LAYER_PREFIX } from '../core/custom-layers';
import { Switch } from '../pages/Switch';
import { useCustomLayers } from '../pages/useCustomLayers';
import { download, today } from '../pages/download';
import {
  loadCustomLayers,
  newLayerId,
  removeCustomLayer,
  saveCustomLayer,
  updateCustomLayerMeta,
} from '../storage/custom-layers-store';
import { t } from '../ui/i18n';

const PREVIEW_ROWS = 20;
const PROBLEMS_SHOWN = 200;
const COLOURS = ['#1d6fa5', '#8a3ffc', '#b25f00', '#1a7f37', '#c21f58', '#00707a'];

export function CustomLayers() {
  const { layers, problem } = useCustomLayers();
  const [parsed, setParsed] = useState<(ParsedList & { fileName: string }) | null>(null);
  const [name, setName] = useState('');
  const [colour, setColour] = useState(COLOURS[0]!);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (file: File | undefined) => {
    setMessage(null);
    setParsed(null);
    if (!file) return;
    setBusy(true);
    try {
      const text = await file.text();
      const result = parseCustomList(file.name, text);
      setParsed({ ...result, fileName: file.name });
      setName(file.name.replace(/\.(csv|json)$/i, '').slice(0, 60));
      setColour(COLOURS[layers.length % COLOURS.length]!);
    } catch (error) {
      setMessage({ text: String(error instanceof Error ? error.message : error), error: true });
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!parsed || parsed.problems.length > 0 || parsed.entries.length === 0) return;
    setBusy(true);
    try {
      const layerName = name.trim() || parsed.fileName;
      await saveCustomLayer({
        id: newLayerId(layerName),
        name: layerName,
        colour,
        enabled: true,
        created: today(),
        entries: parsed.entries,
      });
      setMessage({ text: t('optionsLayerSaved', [layerName, String(parsed.entries.length)]) });
      setParsed(null);
    } catch (error) {
      setMessage({ text: String(error instanceof Error ? error.message : error), error: true });
    } finally {
      setBusy(false);
    }
  };

  const act = (work: () => Promise<unknown>) => () =>
    work().catch((error) => setMessage({ text: String(error instanceof Error ? error.message : error), error: true }));

  const exportLayer = (id: string, format: 'csv' | 'json') =>
    act(async () => {
      const { layers: full } = await loadCustomLayers();
      const layer = full.find((l) => l.id === id);
      if (!layer) return;
      if (format === 'csv') download(`attache-${id}.csv`, toCsv(layer.entries), 'text/csv');
      else download(`attache-${id}.json`, JSON.stringify(layer, null, 2), 'application/json');
    });

  return (
    <section aria-labelledby="custom-title">
      <h2 id="custom-title">{t('optionsCustomLayers')}</h2>
      <p class="hint">{t('optionsCustomHint')}</p>
      {problem && <p class="problem" role="alert">{problem}</p>}
      {message && (
        <p class={message.error ? 'problem' : 'ok'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <div class="field">
        <label for="custom-file">{t('optionsChooseFile')}</label>
        <input
          id="custom-file"
          type="file"
          accept=".csv,.json,text/csv,application/json"
          disabled={busy}
          onChange={(e) => void choose(e.currentTarget.files?.[0])}
        />
      </div>

      {parsed && (
        <div class="import-preview" data-attache-import-preview>
          {parsed.problems.length > 0 ? (
            <div role="alert">
              <p class="problem">{t('optionsProblems', String(parsed.problems.length))}</p>
              <ul class="problems">
                {parsed.problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
                  <li key={i}>
                    {p.row === 0 ? p.message : t('optionsProblemRow', [String(p.row), p.column || '—', p.message])}
                  </li>
                ))}
                {parsed.problems.length > PROBLEMS_SHOWN && <li>…</li>}
              </ul>
            </div>
          ) : (
            <>
              <p role="status">{t('optionsPreview', [String(parsed.entries.length), String(parsed.duplicates)])}</p>
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">handle</th>
                      <th scope="col">label</th>
                      <th scope="col">category</th>
                      <th scope="col">country</th>
                      <th scope="col">x_id</th>
                    </tr>
                  </thead>
                  <tbody>
                    {parsed.entries.slice(0, PREVIEW_ROWS).map((e) => (
                      <tr key={e.handle}>
                        <td dir="ltr">@{e.handle}</td>
                        <td dir="auto">{e.label}</td>
                        <td>{e.category ?? ''}</td>
                        <td>{e.country ?? ''}</td>
                        <td>{e.xId ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div class="field">
                <label for="layer-name">{t('optionsLayerName')}</label>
                <input id="layer-name" type="text" maxLength={60} value={name} onInput={(e) => setName(e.currentTarget.value)} />
                <label for="layer-colour">{t('optionsLayerColour')}</label>
                <input id="layer-colour" type="color" value={colour} onInput={(e) => setColour(e.currentTarget.value)} />
              </div>
              <div class="actions">
                <button type="button" class="primary" disabled={busy} onClick={() => void save()}>
                  {t('optionsSaveLayer')}
                </button>
                <button type="button" onClick={() => setParsed(null)}>
                  {t('optionsCancel')}
                </button>
              </div>
            </>
          )}
        </div>
      )}

      {layers.length === 0 ? (
        <p class="muted">{t('optionsNoLayers')}</p>
      ) : (
        <ul class="custom-list">
          {layers.map((layer) => (
            <li key={layer.id} data-attache-layer={CUSTOM_LAYER_PREFIX + layer.id}>
              <Switch
                id={`custom-${layer.id}`}
                layer={CUSTOM_LAYER_PREFIX + layer.id}
                label={layer.name}
                accent={layer.colour}
                checked={layer.enabled}
                extra={<span class="muted">{t('optionsAccounts', String(layer.count))}</span>}
                onChange={(enabled) => void act(() => updateCustomLayerMeta(layer.id, { enabled }))()}
              />
              <div class="actions">
                <button
                  type="button"
                  onClick={act(async () => {
                    const next = window.prompt(t('optionsRename'), layer.name)?.trim();
                    if (next) await updateCustomLayerMeta(layer.id, { name: next.slice(0, 60) });
                  })}
                >
                  {t('optionsRename')}
                </button>
                <label class="colour">
                  <span class="visually-hidden">{t('optionsLayerColour')}</span>
                  <input
                    type="color"
                    value={layer.colour}
                    onChange={(e) => void act(() => updateCustomLayerMeta(layer.id, { colour: e.currentTarget.value }))()}
                  />
                </label>
                <button type="button" onClick={exportLayer(layer.id, 'csv')}>
                  {t('optionsExportCsv')}
                </button>
                <button type="button" onClick={exportLayer(layer.id, 'json')}>
                  {t('optionsExportJson')}
                </button>
                <button
                  type="button"
                  class="danger"
                  onClick={act(async () => {
                    if (window.confirm(t('optionsConfirmRemove', layer.name))) await removeCustomLayer(layer.id);
                  })}
                >
                  {t('optionsRemove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
