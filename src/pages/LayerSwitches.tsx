/** One switch per built-in layer, for the popup and the options page alike. */
import type { ComponentChildren } from 'preact';
import { DEFAULT_LAYERS, LAYER_IDS, type LayerId } from '../core/layers';
import type { Settings } from '../settings/settings';
import type { SettingsChange } from '../settings/store';
import { keyFor, t } from '../ui/i18n';
import { Switch } from './Switch';

export function layerLabel(id: LayerId): string {
  return t(keyFor('layer', id));
}

export function LayerSwitches(props: {
  settings: Settings | null;
  update: (change: SettingsChange) => Promise<void>;
  /** Something to show beside a layer's label (the popup's count on the page). */
  extra?: (id: LayerId) => ComponentChildren;
}) {
  const { settings, update, extra } = props;
  return (
    <>
      {LAYER_IDS.map((id) => (
        <Switch
          key={id}
          id={`layer-${id}`}
          layer={id}
          label={layerLabel(id)}
          // Until the settings are read, each switch shows its layer's default (one layer is off by default).
          checked={settings?.layers[id] ?? DEFAULT_LAYERS[id]}
          disabled={!settings}
          extra={extra?.(id)}
          onChange={(on) => void (settings && update({ layers: { ...settings.layers, [id]: on } }))}
        />
      ))}
    </>
  );
}
