/** The badge: icon + short text ("Diplomat · China") + a notice marker; a button that opens the context card. */
import type { AccountSummary } from '../core/lookup';
import { Icon, iconFor } from './icons';
import { countryName, keyFor, t } from './i18n';

export interface BadgeProps {
  account: AccountSummary;
  expanded: boolean;
  onActivate: (button: HTMLButtonElement, via: 'click' | 'keyboard') => void;
  onHoverStart?: () => void;
  onHoverEnd?: () => void;
}

const labels = new WeakMap<AccountSummary, { label: string; aria: string }>();

/** The badge's text and accessible label; computed once per account (an account can appear hundreds of times). */
export function badgeText(account: AccountSummary): { label: string; aria: string } {
  let text = labels.get(account);
  if (!text) {
    text = computeBadgeText(account);
    labels.set(account, text);
  }
  return text;
}

function computeBadgeText(account: AccountSummary): { label: string; aria: string } {
  const categoryName = t(keyFor('category', account.category));
  const category = account.former ? t('badgeFormer', categoryName) : categoryName;
  const country = countryName(account.country);
  const shortCountry = countryName(account.country, undefined, 'short');
  const notices =
    account.noticeCount === 0 ? '' : account.noticeCount === 1 ? t('badgeNoticesOne') : t('badgeNoticesMany', String(account.noticeCount));
  return {
    label: `${category} · ${shortCountry}`,
    aria: t('badgeAriaLabel', [account.name, category, country, notices]),
  };
}

export function Badge({ account, expanded, onActivate, onHoverStart, onHoverEnd }: BadgeProps) {
  const { label, aria } = badgeText(account);
  return (
    <button
      type="button"
      class={`badge cat-${account.category}`}
      aria-label={aria}
      aria-haspopup="dialog"
      aria-expanded={expanded ? 'true' : 'false'}
      onClick={(e) => {
        e.preventDefault();
        // detail === 0: activated from the keyboard (Enter/Space) rather than a pointer.
        onActivate(e.currentTarget, e.detail === 0 ? 'keyboard' : 'click');
      }}
      onPointerEnter={(e) => e.pointerType === 'mouse' && onHoverStart?.()}
      onPointerLeave={(e) => e.pointerType === 'mouse' && onHoverEnd?.()}
    >
      <Icon name={iconFor(account)} />
      <span class="label" dir="auto">
        {label}
      </span>
      {account.noticeCount > 0 && (
        <span class="notice-marker" title={t('badgeNoticeMarker')}>
          <Icon name="notice" class="icon notice-icon" />
          <span class="notice-count">{account.noticeCount}</span>
        </span>
      )}
    </button>
  );
}
