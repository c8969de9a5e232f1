/**
 * The optional layer "X government accounts not in the dataset": a quiet marker and a small card for an account X's
 * page marks as government that neither the dataset nor a custom list has (src/core/identity.ts, unlistedGovernment).
 *
 * It repeats X's own signal and claims nothing of Attaché's: no category, no country, no official badge, no dataset
 * text; its accessible name and the card's title say only "X marks this account as government". The card offers a
 * plain-text report for the dataset's maintainers, copied on one click, or shown selected where copying is refused.
 * X's label is rendered as text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Observation } from '../core/identity';
import { BadgeButton } from './Badge';
import { Dialog } from './Dialog';
import { t } from './i18n';

/** The marker's visible text is short ("X: government"); its name is the one sentence the layer may say. */
export function XGovernmentBadge() {
  return (
    <BadgeButton class="badge x-signal" ariaLabel={t('xGovMarker')}>
      <span class="x-mark" aria-hidden="true">
        X
      </span>
      <span class="label">{t('xGovBadge')}</span>
    </BadgeButton>
  );
}

export interface SuggestionInput {
  handle: string;
  observed: Observation;
  /** The page the account was seen on (origin and path only). */
  page: string;
  /** When: an ISO date (YYYY-MM-DD). */
  date: string;
}

/** The report the "Suggest for the dataset" button copies: plain text, English (the maintainers' working language). */
export function suggestionReport({ handle, observed, page, date }: SuggestionInput): string {
  return [
    'Attaché: suggestion for the dataset',
    `Handle: @${observed.handle || handle}`,
    `X id: ${observed.id}`,
    `X verification type: ${observed.verification}`,
    `X label: ${observed.label || '(none)'}`,
    `Page: ${page}`,
    `Date: ${date}`,
    'Seen: X marks this account as government; it is in neither the dataset nor a custom list.',
    'Public source (https) for the entry:',
  ].join('\n');
}

type CopyState = 'idle' | 'copied' | 'manual';

export function XGovernmentCard(props: SuggestionInput & { autoFocus: boolean; onClose: () => void; copy?: (text: string) => Promise<void> }) {
  const { observed, autoFocus, onClose } = props;
  const handle = observed.handle || props.handle;
  const report = suggestionReport(props);
  const [state, setState] = useState<CopyState>('idle');
  const text = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (state === 'manual') {
      text.current?.focus();
      text.current?.select();
    }
  }, [state]);
  const copy = props.copy ?? ((value: string) => navigator.clipboard.writeText(value));
  return (
    <Dialog
      title={t('xGovMarker')}
      titleId="attache-x-government-title"
      autoFocus={autoFocus}
      onClose={onClose}
      class="x-signal-card"
      subtitle={
        <p class="handle" dir="ltr">
          @{handle}
        </p>
      }
    >
      {observed.label && (
        <p class="x-label">
          <strong>{t('xGovLabel')}</strong> <span dir="auto">{observed.label}</span>
        </p>
      )}
      <p class="x-signal-note">{t('xGovNote')}</p>
      <div class="suggest">
        <button
          type="button"
          class="copy"
          onClick={async () => {
            try {
              await copy(report);
              setState('copied');
            } catch {
              setState('manual');
            }
          }}
        >
          {t('xGovSuggest')}
        </button>
        <p class="suggest-status" role="status" data-attache-copy={state}>
          {state === 'copied' ? t('xGovCopied') : state === 'manual' ? t('xGovCopyManual') : ''}
        </p>
        {state === 'manual' && <textarea ref={text} readOnly rows={9} value={report} aria-label={t('xGovReport')} />}
      </div>
    </Dialog>
  );
}
