/**
 * The context card: who the account belongs to, roles with dates, and dated notices with each side's statement and
 * sources. Every dataset string is rendered as text (Preact escapes it); links are https only.
 */
import { useState } from 'preact/hooks';
import type { AccountDetails } from '../core/compiled';
import type { Match } from '../core/summary';
import type { Notice, Role, Source } from '../core/schema';
import { isHttpsUrl } from '../core/schema';
import { isUnverified } from '../core/compiled';
import { citedSources } from '../core/source-lists';
import { Icon, iconFor } from './icons';
import { Dialog } from './Dialog';
import { SafeLink } from './SafeLink';

export { SafeLink } from './SafeLink';
import { CustomMatches } from './Custom';
import type { CustomMatch } from '../core/custom-layers';
import type { Identity } from '../core/identity';
import { IdentityLines } from './Identity';
import { countryName, formatPartialDate, keyFor, t, uiLanguage } from './i18n';

export interface CardProps {
  details: AccountDetails;
  via: Match['via'];
  placement: string;
  datasetVersion: string;
  /** Layers the badge belongs to (shown under "Why am I seeing this"). */
  layers?: readonly string[];
  /** Entries of the researcher's own lists for this account. */
  custom?: readonly CustomMatch[];
  /** How the account was matched, and what X's page says about it (src/core/identity.ts). */
  identity?: Identity;
  onClose: (reason: 'escape' | 'button') => void;
  /** Move focus into the card (click and keyboard opening; not hover). */
  autoFocus: boolean;
}

export function Card({ details, via, placement, datasetVersion, layers, custom, identity, onClose, autoFocus }: CardProps) {
  const { account, notices } = details;
  const lang = uiLanguage();
  const localName = account.names?.[lang] ?? account.names?.[lang.split('-')[0]!];
  const roles = [...(account.roles ?? [])].sort(compareRoles);
  const confidence = account.confidence ?? 'unrated';
  const cited = citedSources(account.sources)
    .map((c) => (c.date ? `${c.name}, ${formatPartialDate(c.date)}` : c.name))
    .join('; ');

  return (
    <Dialog
      title={account.name}
      titleId="attache-card-title"
      autoFocus={autoFocus}
      onClose={() => onClose('button')}
      onEscape={() => onClose('escape')}
      before={
        <span class={`avatar-icon cat-${account.category}`}>
          <Icon name={iconFor(account)} />
        </span>
      }
      subtitle={
        <>
          {localName && localName !== account.name && (
            <p class="local-name" dir="auto">
              {localName}
            </p>
          )}
          <p class="handle" dir="ltr">
            @{account.handle}
          </p>
        </>
      }
    >
      {isUnverified(confidence) && (
        <p class="unverified-note" role="note">
          <span class="unverified-mark">{t('badgeUnverified')}</span> {t('cardUnverified')}
        </p>
      )}
      <p class="facts">
        <span class="chip">{t(keyFor('category', account.category))}</span>
        <span class="chip">{countryName(account.country)}</span>
        <span class="kind">{t(keyFor('kind', account.kind))}</span>
      </p>

      {identity && <IdentityLines identity={identity} account={account} />}

      {roles.length > 0 && (
        <section aria-label={t('cardRoles')}>
          <h3>{t('cardRoles')}</h3>
          <ul class="roles">
            {roles.map((role, i) => (
              <li key={i}>
                <span dir="auto">{role.title}</span> <span class="dates">{roleDates(role)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {account.formerHandles && account.formerHandles.length > 0 && (
        <p class="former">
          {t('cardFormerHandles')}: <span dir="ltr">{account.formerHandles.map((h) => '@' + h).join(', ')}</span>
        </p>
      )}

      {notices.length > 0 && (
        <section aria-label={t('cardNotices')}>
          <h3>{t('cardNotices')}</h3>
          {notices.map((notice) => (
            <NoticeView key={notice.id} notice={notice} />
          ))}
        </section>
      )}

      {custom && custom.length > 0 && <CustomMatches matches={custom} />}

      <details class="more">
        <summary>{t('cardAccountSources')}</summary>
        {account.confidence && <p class="confidence">{t('cardConfidence', t(keyFor('confidence', account.confidence)))}</p>}
        <SourceList sources={account.sources} />
      </details>
      <details class="more">
        <summary>{t('cardWhy')}</summary>
        <p>{t('cardWhyText', [datasetVersion, t(keyFor('via', via)), placement])}</p>
        <p class="why-sources" dir="auto">
          {t('cardWhySources', cited)}
        </p>
        <p class="why-confidence">{t('cardWhyConfidence', t(keyFor('confidence', confidence)))}</p>
        {layers && layers.length > 0 && <p>{t('cardWhyLayers', layers.map((id) => layerName(id, custom)).join(', '))}</p>}
      </details>
      <details class="more">
        <summary>{t('cardCorrection')}</summary>
        <Correction details={details} datasetVersion={datasetVersion} />
      </details>
    </Dialog>
  );
}

function NoticeView({ notice }: { notice: Notice }) {
  return (
    <article class={`notice status-${notice.status.value}`} aria-label={notice.title}>
      <p class="notice-meta">
        <time dateTime={notice.date}>{formatPartialDate(notice.date)}</time>
        <span class="sep" aria-hidden="true">
          {' · '}
        </span>
        <span>{t(keyFor('notice_type', notice.type))}</span>
      </p>
      <h4 dir="auto">{notice.title}</h4>
      <p class="status-chip">
        <Icon name="notice" class="icon" />
        {t('cardStatusAsOf', [t(keyFor('status', notice.status.value)), formatPartialDate(notice.status.asOf)])}
      </p>
      <p class="summary" dir="auto">
        {notice.summary}
      </p>
      {notice.statements.length > 0 && (
        <>
          <h5>{t('cardStatements')}</h5>
          <ul class="statements">
            {notice.statements.map((s, i) => (
              <li key={i} class={`statement capacity-${s.capacity}`}>
                <p class="who">
                  <strong dir="auto">{s.by}</strong> <span class="capacity">({t(keyFor('capacity', s.capacity))})</span>
                  {s.date && (
                    <>
                      {' · '}
                      <time dateTime={s.date}>{formatPartialDate(s.date)}</time>
                    </>
                  )}
                </p>
                <p class="said" dir="auto">
                  {s.text}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      <h5>{t('cardSources')}</h5>
      <SourceList sources={notice.sources} />
    </article>
  );
}

function SourceList({ sources }: { sources: Source[] }) {
  return (
    <ul class="sources">
      {sources.map((source, i) => (
        <li key={i}>
          <span class="publisher" dir="auto">
            {source.publisher}
          </span>
          {source.date && <span class="date"> · {formatPartialDate(source.date)}</span>}
          <br />
          <SafeLink url={source.url}>{source.title}</SafeLink>
        </li>
      ))}
    </ul>
  );
}

function Correction({ details, datasetVersion }: { details: AccountDetails; datasetVersion: string }) {
  const [copied, setCopied] = useState(false);
  const file = details.file ? `dataset/${details.file}` : 'dataset/';
  const report = [
    `Attaché correction`,
    `Dataset version: ${datasetVersion}`,
    `File: ${file}`,
    `Entry id: ${details.account.id}`,
    `Handle: @${details.account.handle}`,
    `What is wrong:`,
    `What it should say:`,
    `Public source (https):`,
  ].join('\n');
  return (
    <div class="correction">
      <p>{t('cardCorrectionText', [file, details.account.id])}</p>
      <textarea readOnly rows={6} value={report} aria-label={t('cardCorrection')} />
      {CORRECTIONS_URL && (
        <p>
          {t('cardCorrectionUrl')} <SafeLink url={CORRECTIONS_URL}>{CORRECTIONS_URL}</SafeLink>
        </p>
      )}
      <button
        type="button"
        class="copy"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(report);
            setCopied(true);
          } catch {
            setCopied(false);
          }
        }}
      >
        {copied ? t('cardCopied') : t('cardCopy')}
      </button>
    </div>
  );
}

/** Where corrections go, when the build is configured with one (ATTACHE_CORRECTIONS_URL); never a made-up address. */
const CORRECTIONS_URL: string | null = isHttpsUrl(__ATTACHE_CORRECTIONS_URL__) ? __ATTACHE_CORRECTIONS_URL__ : null;

function layerName(id: string, custom?: readonly CustomMatch[]): string {
  const own = custom?.find((m) => m.layer.id === id);
  if (own) return own.layer.name;
  const message = t(keyFor('layer', id));
  return message === keyFor('layer', id) ? id : message;
}

function roleDates(role: Role): string {
  if (role.from && role.to) return `${formatPartialDate(role.from)} – ${formatPartialDate(role.to)}`;
  if (role.from) return t('cardSince', formatPartialDate(role.from));
  if (role.to) return t('cardUntil', formatPartialDate(role.to));
  return '';
}

/** Current roles (no end) first, then by most recent start. */
function compareRoles(a: Role, b: Role): number {
  if (!a.to !== !b.to) return a.to ? 1 : -1;
  return (b.from ?? '').localeCompare(a.from ?? '');
}
