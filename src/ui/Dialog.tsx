/** The shell of every card: a non-modal dialog that takes focus when asked, closes on Escape or its button. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from './i18n';

export interface DialogProps {
  title: ComponentChildren;
  titleId: string;
  /** Shown before the title (an icon). */
  before?: ComponentChildren;
  /** Shown under the title, inside the header (other names, the handle). */
  subtitle?: ComponentChildren;
  autoFocus: boolean;
  /** The close button. */
  onClose: () => void;
  /** Escape (defaults to onClose). */
  onEscape?: () => void;
  class?: string;
  children: ComponentChildren;
}

export function Dialog({ title, titleId, before, subtitle, autoFocus, onClose, onEscape, class: className, children }: DialogProps) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (autoFocus) root.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div
      ref={root}
      class={`card ${className ?? ''}`}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          (onEscape ?? onClose)();
        }
      }}
    >
      <header class="card-header">
        {before}
        <div class="titles">
          <h2 id={titleId} class="name" dir="auto">
            {title}
          </h2>
          {subtitle}
        </div>
        <button type="button" class="close" aria-label={t('cardClose')} title={t('cardClose')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {children}
    </div>
  );
}
