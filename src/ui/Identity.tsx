/**
 * Identity on the card and the recycled-handle warning (src/core/identity.ts): how the account was matched (by X id,
 * renamed, by handle only, waiting for X's data) and what X itself shows (the "On X" line), with a visible note when
 * X and the dataset disagree. X's words (its label) are rendered as text, never as markup.
 */
import { disagreement, type Identity, type Observation } from '../core/identity';
import type { AccountSummary } from '../core/summary';
import { BadgeButton } from './Badge';
import { Dialog } from './Dialog';
import { SafeLink } from './SafeLink';
import { Icon } from './icons';
import { keyFor, t } from './i18n';

/** The identity line: one sentence per status. */
export function identityText(identity: Identity): string {
  const listed = identity.match.account.handle;
  switch (identity.status) {
    case 'id':
      return t('identityById');
    case 'renamed':
      return t('identityRenamed', [identity.observed?.handle ?? identity.handle, listed]);
    case 'recycled':
      return t('recycledTitle', identity.handle);
    case 'pending':
      return t('identityPending');
    case 'handle-only':
      return t('identityHandleOnly');
  }
}

/** X's verification and label; `account` null: no dataset entry to compare with (a recycled handle's new holder). */
export function OnXLine({ account, observed }: { account: Pick<AccountSummary, 'kind' | 'category'> | null; observed: Observation }) {
  const note = account ? disagreement(account, observed) : null;
  return (
    <>
      <p class="on-x" data-attache-on-x={observed.verification}>
        <strong>{t('onXLabel')}</strong> {t(keyFor('xVerification', observed.verification))}
        {observed.label && (
          <>
            {' · '}
            <span dir="auto">{observed.label}</span>
          </>
        )}
      </p>
      {note && (
        <p class="on-x-note" data-attache-disagreement={note} role="note">
          <Icon name="notice" class="icon" /> {t(keyFor('disagreement', note))}
        </p>
      )}
    </>
  );
}

/** The identity section of an official account's card. */
export function IdentityLines({ identity, account }: { identity: Identity; account: Pick<AccountSummary, 'kind' | 'category'> }) {
  return (
    <section class={`identity identity-${identity.status}`} aria-label={t('identitySection')} data-attache-identity-line={identity.status}>
      <p class="identity-line" dir="auto">
        {identityText(identity)}
      </p>
      {identity.observed && <OnXLine account={account} observed={identity.observed} />}
    </section>
  );
}

export function RecycledBadge({ identity }: { identity: Identity }) {
  const entry = identity.match.account;
  return (
    <BadgeButton class="badge warning" ariaLabel={t('recycledAria', [identity.handle, entry.name])}>
      <Icon name="notice" class="icon warning-icon" />
      <span class="label" dir="auto">
        {t('recycledBadge', identity.handle)}
      </span>
    </BadgeButton>
  );
}

export function RecycledCard(props: { identity: Identity; autoFocus: boolean; onClose: () => void }) {
  const { identity, autoFocus, onClose } = props;
  const entry = identity.match.account;
  return (
    <Dialog title={t('recycledTitle', identity.handle)} titleId="attache-recycled-title" autoFocus={autoFocus} onClose={onClose} class="warning-card">
      <p class="warning-text">
        <Icon name="notice" class="icon" /> {t('recycledText', [identity.handle, entry.name, t(keyFor('category', entry.category))])}
      </p>
      {identity.observed && <OnXLine account={null} observed={identity.observed} />}
      {entry.xId && (
        <p class="real-link">
          <SafeLink url={`https://x.com/i/user/${encodeURIComponent(entry.xId)}`}>{t('recycledReal', entry.name)}</SafeLink>
        </p>
      )}
    </Dialog>
  );
}
