import { isHttpsUrl } from '../core/schema';
import { t } from './i18n';

/** Only https links, always in a new tab without opener or referrer. Anything else is shown as plain text. */
export function SafeLink({ url, children }: { url: string; children: string }) {
  if (!isHttpsUrl(url)) return <span dir="auto">{children}</span>;
  // The parsed, normalised form: no stray whitespace or control characters reach the attribute.
  const href = new URL(url).href;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" dir="auto">
      {children}
      <span class="visually-hidden"> {t('cardOpensInNewTab')}</span>
    </a>
  );
}

