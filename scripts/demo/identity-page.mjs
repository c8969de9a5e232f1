// The demo's identity page (npm start, scripts/demo.mjs): an X-like timeline whose posts come from FICTIONAL demo
// accounts, served at https://x.com/attache-demo/identity, and the GraphQL response X's own client would fetch for
// it. The page fetches that response itself (as X does); Attaché's page-world reader hears it. Needs the demo build
// (scripts/build-variant.ts demo), whose dataset adds the fictional entries of scripts/demo/overlay.
//
// The cases, each said on the page:
//   - matched by X id:  @AttacheDemoOff, the id the demo entry lists;
//   - rename:           the demo embassy's id under a new handle, @AttacheDemoEmb2 (listed as @AttacheDemoEmb);
//   - recycled handle:  @AttacheDemoMin, the demo ministry's handle, held by an account with another id;
//   - X government:     @AttacheDemoGov, not in the dataset, marked government by X (the optional layer).
import {
  ACCOUNTS, NONCE, esc, homeHeader, page, postArticle, t, timeline, v,
} from '../../tests/fixtures/x/render.mjs';
import { timeline as graphqlTimeline, user } from '../../tests/fixtures/page-world/index.mjs';

export const DEMO_IDENTITY_URL = 'https://x.com/attache-demo/identity';

/** Fictional accounts; ids beyond today's range of X ids (as the overlay's). */
const DEMO = {
  AttacheDemoOff: { name: 'Demo Office', color: '#2b6cb0', initials: 'DO', id: '9000000000000000103', verified: 'Government' },
  AttacheDemoEmb2: { name: 'Demo Embassy', color: '#6b46c1', initials: 'DE', id: '9000000000000000102', verified: 'Government' },
  AttacheDemoMin: { name: 'Demo Parody', color: '#c05621', initials: 'DP', id: '9000000000000000199' },
  AttacheDemoGov: { name: 'Demo Agency', color: '#4a5568', initials: 'DA', id: '9000000000000000104', verified: 'Government', label: 'Demo Republic government (fictional)' },
};
for (const [handle, a] of Object.entries(DEMO)) {
  ACCOUNTS[handle] ??= { name: a.name, color: a.color, initials: a.initials, id: a.id, bio: ['A fictional account of Attaché\u2019s demo.'], joined: 'December 2026', following: '1', followers: '1' };
}

const time = (iso) => ({ iso, label: new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(iso)) });
const sid = (n) => String(9100000000000000000n + BigInt(n));

const POSTS = [
  { author: 'AttacheDemoOff', statusId: sid(901), time: time('2026-12-03T10:00:00Z'), text: ['Demo case 1, matched by X id: X gives this handle the id the demo entry lists.'] },
  { author: 'AttacheDemoEmb2', statusId: sid(902), time: time('2026-12-03T09:00:00Z'), text: ['Demo case 2, rename: the demo embassy\u2019s account (same X id) now posts as @AttacheDemoEmb2; the dataset lists @AttacheDemoEmb.'] },
  { author: 'AttacheDemoMin', statusId: sid(903), time: time('2026-12-03T08:00:00Z'), text: ['Demo case 3, recycled handle: the demo ministry\u2019s handle is now held by another account (another X id). No official badge.'] },
  { author: 'AttacheDemoGov', statusId: sid(904), time: time('2026-12-03T07:00:00Z'), text: ['Demo case 4, X government check: not in the dataset; X marks it as government (shown with the optional layer on).'] },
];

/** The GraphQL answer X's client would get for this timeline (the shapes docs/identity.md documents). */
export function demoGraphql() {
  return graphqlTimeline(Object.entries(DEMO).map(([handle, a]) => user({ id: a.id, handle, verified: a.verified, label: a.label })));
}

/** X's client fetching its timeline once the page has loaded, as x.com does (through the page's own fetch). */
const FETCH_JS = `addEventListener('load', () => { fetch('/i/api/graphql/attacheDemo/HomeTimeline').catch(() => undefined); });`;

export function demoIdentityPage({ theme = 'light' } = {}) {
  const banner = `<div ${v('cellBorder')} role="note" data-attache-demo-banner="" style="padding:12px 16px;background:var(--bg2, #f7f9f9);border-block:2px dashed #b7791f">`
    + `<div ${t('ff', 'fs15', 'lh20', 'bold', 'fg')}>Attaché demo cases: fictional accounts</div>`
    + `<div ${t('ff', 'fs13', 'lh16', 'fg2')}>Every account on this page is invented for Attaché\u2019s demo (handles starting with AttacheDemo, `
    + `ids beyond X\u2019s range). Their dataset entries exist only in the demo build. Nothing here describes a real person or institution.</div></div>`;
  const primary = homeHeader('en') + banner
    + timeline({ id: 'accessible-list-demo', heading: 'Attaché demo cases', aria: 'Timeline: Attaché demo cases' }, POSTS.map((p) => postArticle(p, 'en')));
  return page({ title: 'Attaché demo: identity cases / X', theme, primary, scripts: [FETCH_JS], comment: `Attaché demo page: fictional accounts. ${esc(DEMO_IDENTITY_URL)}` });
}

export { NONCE };
