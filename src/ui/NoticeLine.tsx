/** One line under a post by an account with a notice: type, date and title; activating it opens the card. */
import type { Notice } from '../core/schema';
import { Icon } from './icons';
import { formatPartialDate, keyFor, t } from './i18n';

export function NoticeLine({ notice, onActivate }: { notice: Notice; onActivate: () => void }) {
  return (
    <button
      type="button"
      class="notice-line"
      aria-haspopup="dialog"
      onClick={(e) => {
        e.preventDefault();
        onActivate();
      }}
    >
      <Icon name="notice" class="icon" />
      <span class="notice-type">{t(keyFor('notice_type', notice.type))}</span>
      <span aria-hidden="true"> · </span>
      <time dateTime={notice.date}>{formatPartialDate(notice.date)}</time>
      <span aria-hidden="true"> · </span>
      <span class="label" dir="auto">
        {notice.title}
      </span>
    </button>
  );
}
