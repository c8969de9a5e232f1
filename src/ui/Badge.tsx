import type { ComponentChildren } from 'preact';
/** The badge: icon + short text ("Diplomat · China") + a notice marker; a button that opens the context card. */
import type { AccountSummary } from '../core/summary';
import { isUnverified } from '../core/compiled';
import { Icon, iconFor } from './icons';
import { countryName, keyFor, t } from './i18n';

export interface BadgeProps {
  account: AccountSummary;
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
  const spoken = isUnverified(account.confidence) ? t('badgeUnverifiedAria', category) : category;
  const country = countryName(account.country);
  const shortCountry = countryName(account.country, undefined, 'short');
  const notices =
    account.noticeCount === 0 ? '' : account.noticeCount === 1 ? t('badgeNoticesOne') : t('badgeNoticesMany', String(account.noticeCount));
  return {
    label: `${category} · ${shortCountry}`,
    aria: t('badgeAriaLabel', [account.name, spoken, country, notices]),
  };
}

/**
 * What an official badge looks like apart from its words (category, icon, notice count): badges of one shape share
 * one Preact render, and each account's copy gets its words with `fillBadge` (src/ui/hosts.tsx).
 */
export function badgeShape(account: AccountSummary): string {
  return `${account.category}|${iconFor(account)}|${account.noticeCount}|${isUnverified(account.confidence) ? 'u' : ''}`;
}

/** Writes an account's words into a copy of a badge of its shape: the same markup `<Badge account>` renders. */
export function fillBadge(button: Element, account: AccountSummary): void {
  const { label, aria } = badgeText(account);
  button.setAttribute('aria-label', aria);
  const text = button.querySelector('.label');
  if (text) text.textContent = label;
}

/**
 * The button every kind of badge is. Markup only: the badge host renders it once per distinct badge and clones it,
 * and hears its clicks (Enter and Space click a button) and hovers itself (src/ui/hosts.tsx), so the clones need no
 * listeners of their own. `aria-expanded` starts false; the host keeps it in step with the card.
 */
export function BadgeButton(props: { class: string; ariaLabel: string; children: ComponentChildren }) {
  return (
    <button type="button" class={props.class} aria-label={props.ariaLabel} aria-haspopup="dialog" aria-expanded="false">
      {props.children}
    </button>
  );
}

export function Badge({ account }: BadgeProps) {
  const { label, aria } = badgeText(account);
  const unverified = isUnverified(account.confidence);
  return (
    <BadgeButton class={`badge cat-${account.category}${unverified ? ' unverified' : ''}`} ariaLabel={aria}>
      <Icon name={iconFor(account)} />
      <span class="label" dir="auto">
        {label}
      </span>
      {/* Spaces between the words the badge shows, so that its text reads "Diplomat · China 1", not "China1", and is
          found in its accessible name (WCAG 2.5.3). A flex container does not render spaces between its items. */}
      {unverified && ' '}
      {unverified && (
        <span class="unverified-mark" data-attache-unverified="">
          {t('badgeUnverified')}
        </span>
      )}
      {account.noticeCount > 0 && ' '}
      {account.noticeCount > 0 && (
        <span class="notice-marker" title={t('badgeNoticeMarker')}>
          <Icon name="notice" class="icon notice-icon" />
          <span class="notice-count">{account.noticeCount}</span>
        </span>
      )}
    </BadgeButton>
  );
}
