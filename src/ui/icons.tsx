/** Small inline icons (no network, no external sprites). Decorative: the text next to them carries the meaning. */
import type { Account } from '../core/schema';

type IconName = 'person' | 'building' | 'broadcast' | 'globe' | 'notice';

const PATHS: Record<IconName, string> = {
  // A person's head and shoulders.
  person: 'M8 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm-5 6c0-2.8 2.2-4.5 5-4.5s5 1.7 5 4.5v.5H3V14Z',
  // A building with columns (government institution).
  building: 'M8 1 1.5 4.5V6h13V4.5L8 1ZM2.5 7v5h2V7h-2Zm4.5 0v5h2V7H7Zm4.5 0v5h2V7h-2ZM1.5 13v1.5h13V13h-13Z',
  // A broadcast tower (media outlet).
  broadcast:
    'M8 6.5a1.5 1.5 0 0 0-.75 2.8L5 15h1.6l.6-1.5h1.6l.6 1.5H11L8.75 9.3A1.5 1.5 0 0 0 8 6.5ZM4.2 3.7a5.4 5.4 0 0 0 0 7.6l.9-.9a4.1 4.1 0 0 1 0-5.8l-.9-.9Zm7.6 0-.9.9a4.1 4.1 0 0 1 0 5.8l.9.9a5.4 5.4 0 0 0 0-7.6Z',
  // A globe (international organisation).
  globe:
    'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm4.9 6h-2.1a11 11 0 0 0-.9-4 5.5 5.5 0 0 1 3 4ZM8 2.6c.6.8 1.2 2.3 1.3 4.4H6.7C6.8 4.9 7.4 3.4 8 2.6ZM6.1 3a11 11 0 0 0-.9 4H3.1a5.5 5.5 0 0 1 3-4ZM3.1 8.5h2.1a11 11 0 0 0 .9 4 5.5 5.5 0 0 1-3-4Zm4.9 4.9c-.6-.8-1.2-2.3-1.3-4.4h2.6c-.1 2.1-.7 3.6-1.3 4.4Zm1.9-.4a11 11 0 0 0 .9-4h2.1a5.5 5.5 0 0 1-3 4Z',
  // An exclamation mark in a triangle.
  notice: 'M8 1.5 .8 14h14.4L8 1.5ZM7.2 6h1.6v4H7.2V6Zm0 5.3h1.6v1.6H7.2v-1.6Z',
};

export function iconFor(account: { kind: Account['kind']; category: Account['category'] }): IconName {
  if (account.category === 'igo' || account.category === 'igo-official') return 'globe';
  if (account.kind === 'outlet' || account.category === 'state-media') return 'broadcast';
  if (account.kind === 'person') return 'person';
  return 'building';
}

export function Icon({ name, class: className }: { name: IconName; class?: string }) {
  return (
    <svg class={className ?? 'icon'} viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
