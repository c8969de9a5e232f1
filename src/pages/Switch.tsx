/** An accessible on/off switch (role="switch", state in text as well as in shape). */
export interface SwitchProps {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}

export function Switch({ id, label, hint, checked, disabled, onChange }: SwitchProps) {
  return (
    <div class="switch-row">
      <div class="switch-text">
        <label id={`${id}-label`} for={id}>
          {label}
        </label>
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
        disabled={disabled}
        onClick={() => onChange(!checked)}
      >
        <span class="track" aria-hidden="true">
          <span class="thumb" />
        </span>
        <span class="state">{checked ? 'On' : 'Off'}</span>
      </button>
    </div>
  );
}
