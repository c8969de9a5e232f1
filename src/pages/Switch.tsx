/** An accessible on/off switch: role="switch", with its state in words as well as in shape. */
import type { ComponentChildren } from 'preact';
import { t } from '../ui/i18n';

export interface SwitchProps {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  disabled?: boolean;
  /** Extra content after the label (e.g. a count). */
  extra?: ComponentChildren;
  /** Stable id of the layer this switch controls (public DOM contract). */
  layer?: string;
  accent?: string;
  onChange: (checked: boolean) => void;
}

export function Switch({ id, label, hint, checked, disabled, extra, layer, accent, onChange }: SwitchProps) {
  return (
    <div class="switch-row" data-attache-layer={layer}>
      <div class="switch-text">
        <label id={`${id}-label`} for={id}>
          {accent && <span class="accent" style={{ background: accent }} aria-hidden="true" />}
          {label}
        </label>
        {extra}
        {hint && (
          <p id={`${id}-hint`} class="hint">
            {hint}
          </p>
        )}
      </div>
      <button
        id={id}
        type="button"
        role="switch"
        class="switch"
        aria-checked={checked ? 'true' : 'false'}
        aria-describedby={hint ? `${id}-hint` : undefined}
        data-attache-layer={layer}
        disabled={disabled}
        onClick={() => onChange(!checked)}
      >
        <span class="track" aria-hidden="true">
          <span class="thumb" />
        </span>
        <span class="state">{checked ? t('switchOn') : t('switchOff')}</span>
      </button>
    </div>
  );
}
