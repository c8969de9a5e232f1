/** Warning badge and card for an account that imitates an official one: what it is not, and where the real one is. */
import type { AccountSummary } from '../core/summary';
import type { LookalikeReason } from '../core/lookalike';
import { BadgeButton } from './Badge';
import { Dialog } from './Dialog';
import { SafeLink } from './SafeLink';
import { Icon } from './icons';
import { keyFor, t } from './i18n';

function reasonText(reason: LookalikeReason): string {
  return t(keyFor('reason', reason.startsWith('display') ? 'name' : 'handle'));
}

export function LookalikeBadge({ resembles, reason }: { resembles: AccountSummary; reason: LookalikeReason }) {
  return (
    <BadgeButton class="badge warning" ariaLabel={t('lookalikeAria', [resembles.handle, resembles.name, reasonText(reason)])}>
      <Icon name="notice" class="icon warning-icon" />
      <span class="label" dir="auto">
        {t('lookalikeBadge', resembles.handle)}
      </span>
    </BadgeButton>
  );
}

export function LookalikeCard(props: { resembles: AccountSummary; reason: LookalikeReason; autoFocus: boolean; onClose: () => void }) {
  const { resembles, reason, autoFocus, onClose } = props;
  return (
    <Dialog title={t('lookalikeTitle', resembles.handle)} titleId="attache-lookalike-title" autoFocus={autoFocus} onClose={onClose} class="warning-card">
      <p class="warning-text">
        <Icon name="notice" class="icon" /> {t('lookalikeText', [reasonText(reason), resembles.handle, resembles.name])}
      </p>
      <p class="real-link">
        <SafeLink url={`https://x.com/${encodeURIComponent(resembles.handle)}`}>{t('lookalikeReal', resembles.handle)}</SafeLink>
      </p>
    </Dialog>
  );
}
