/** Badges and card sections for accounts on the researcher's own lists (custom layers). */
import type { CustomMatch } from '../core/custom-layers';
import { BadgeButton } from './Badge';
import { Dialog } from './Dialog';
import { SafeLink } from './SafeLink';
import { countryName, keyFor, t } from './i18n';

export function CustomBadge({ matches }: { matches: readonly CustomMatch[] }) {
  const first = matches[0]!;
  return (
    <BadgeButton class="badge custom" ariaLabel={t('customBadgeAria', [first.layer.name, first.entry.label])}>
      <span class="swatch" style={{ background: safeColour(first.layer.colour) }} aria-hidden="true" />
      <span class="label" dir="auto">
        {first.entry.label}
      </span>
      {matches.length > 1 && <span class="more">+{matches.length - 1}</span>}
    </BadgeButton>
  );
}

/** "From your list": every custom list entry for the account. */
export function CustomMatches({ matches }: { matches: readonly CustomMatch[] }) {
  return (
    <>
      {matches.map(({ layer, entry }) => (
        <section class="custom-entry" key={layer.id}>
          <h3>
            <span class="swatch" style={{ background: safeColour(layer.colour) }} aria-hidden="true" /> {t('cardCustomLayer', layer.name)}
          </h3>
          <p class="facts">
            <span class="chip" dir="auto">
              {entry.label}
            </span>
            {entry.category && <span class="chip">{t(keyFor('category', entry.category))}</span>}
            {entry.country && <span class="chip">{countryName(entry.country)}</span>}
          </p>
          {entry.note && <p dir="auto">{t('cardCustomNote', entry.note)}</p>}
          {entry.sourceUrl && (
            <p>
              {t('cardCustomSource')}: <SafeLink url={entry.sourceUrl}>{entry.sourceUrl}</SafeLink>
            </p>
          )}
        </section>
      ))}
    </>
  );
}

export function CustomCard(props: { handle: string; matches: readonly CustomMatch[]; autoFocus: boolean; onClose: () => void }) {
  return (
    <Dialog title={`@${props.handle}`} titleId="attache-custom-title" autoFocus={props.autoFocus} onClose={props.onClose}>
      <CustomMatches matches={props.matches} />
    </Dialog>
  );
}

/** Only #rrggbb colours reach a style attribute (they come from storage, which could hold anything). */
export function safeColour(colour: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(colour) ? colour : '#888888';
}
