// The bench's X-like traffic: the synthetic timeline (timeline.mjs) fetches its posts' users from X's GraphQL API as
// X's client does — one HomeTimeline response per page of posts, fetched by the page itself before it renders them —
// and this module answers those requests by interception, with responses in the shapes X sends (docs/identity.md:
// `rest_id`, `core.screen_name`, `legacy`, `verification.verified_type`, `affiliates_highlighted_label`, the tweet
// around each user). So Attaché's page-world reader runs in the bench on realistic traffic, and its cost shows as the
// difference between Attaché and Attaché built without it (scripts/build-variant.ts no-page-world), and as the
// sampled time in its own script.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The path the page fetches (the query id is invented; X's changes with every build). */
export const GRAPHQL_PATH = '/i/api/graphql/AttacheBenchQ1d/HomeTimeline';
/** Posts per response: X's client asks for about 20 at a time. */
export const PAGE_POSTS = 20;
/** The variant of the bench that runs Attaché without its page-world reader (the baseline of the reader's cost). */
export const NO_PAGE_WORLD = 'attache-no-page-world';
export const NO_PAGE_WORLD_DIST = 'dist/no-page-world-chrome';

/** Dataset handle -> { xId, category } (lower-case handles), so official accounts get the ids the dataset lists. */
export function datasetIds(dir = 'dataset/accounts') {
  const out = new Map();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    for (const entry of parse(readFileSync(join(dir, file), 'utf8')) ?? []) {
      if (entry?.handle) out.set(String(entry.handle).toLowerCase(), { xId: entry.xId ? String(entry.xId) : null, category: entry.category });
    }
  }
  return out;
}

const GOVERNMENT = new Set(['ministry', 'government-office', 'agency', 'military', 'embassy', 'consulate', 'mission', 'head-of-state', 'head-of-government']);

/** A stable fictional id for a handle the dataset gives none (beyond today's range of X ids). */
function fictionalId(handle) {
  let h = 2166136261;
  for (const c of handle.toLowerCase()) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return `8${String(h).padStart(10, '0')}${String(handle.length).padStart(2, '0')}000000`;
}

/** A user object as X's GraphQL API sends it (2025 shape), with the fields a real one carries around the ones read. */
function xUser(handle, name, known) {
  const id = known?.xId ?? fictionalId(handle);
  const government = known && GOVERNMENT.has(known.category);
  const media = known?.category === 'state-media';
  return {
    __typename: 'User',
    id: Buffer.from(`User:${id}`).toString('base64'),
    rest_id: id,
    affiliates_highlighted_label: media ? { label: { description: 'State-affiliated media', userLabelType: 'BusinessLabel' } } : {},
    avatar: { image_url: `https://pbs.twimg.com/profile_images/${id}/avatar_normal.jpg` },
    core: { created_at: 'Mon Jan 01 00:00:00 +0000 2018', name, screen_name: handle },
    dm_permissions: { can_dm: false },
    has_graduated_access: true,
    is_blue_verified: Boolean(known),
    legacy: {
      default_profile: true, default_profile_image: false, description: `Synthetic bench account ${handle}.`,
      entities: { description: { urls: [] } }, fast_followers_count: 0, favourites_count: 1234, followers_count: 56789,
      friends_count: 321, has_custom_timelines: true, is_translator: false, listed_count: 12, media_count: 345,
      normal_followers_count: 56789, pinned_tweet_ids_str: [], possibly_sensitive: false,
      profile_banner_url: `https://pbs.twimg.com/profile_banners/${id}/1700000000`, profile_interstitial_type: '',
      statuses_count: 6789, translator_type: 'none', want_retweets: false, withheld_in_countries: [],
    },
    location: { location: '' },
    media_permissions: { can_media_tag: true },
    parody_commentary_fan_label: 'None',
    profile_image_shape: government ? 'Square' : 'Circle',
    privacy: { protected: false },
    relationship_perspectives: { following: false },
    tipjar_settings: {},
    verification: government ? { verified: true, verified_type: 'Government' } : { verified: false },
  };
}

/** One timeline entry: a post by `author`, with the users X nests in it (reposted, quoted, replied to). */
function entry(index, author, extras) {
  const tweet = (user, n) => ({
    __typename: 'Tweet',
    rest_id: String(1800000000000000000n + BigInt(index * 4 + n)),
    core: { user_results: { result: user } },
    edit_control: { edit_tweet_ids: [String(1800000000000000000n + BigInt(index * 4 + n))], editable_until_msecs: '1767225600000', is_edit_eligible: false, edits_remaining: '5' },
    is_translatable: false,
    views: { count: '5100', state: 'EnabledWithCount' },
    source: '<a href="https://x.com" rel="nofollow">X Web App</a>',
    legacy: {
      bookmark_count: 1, bookmarked: false, created_at: 'Thu Jan 01 00:00:00 +0000 2026', conversation_id_str: String(index),
      display_text_range: [0, 80], entities: { hashtags: [], symbols: [], timestamps: [], urls: [], user_mentions: [] },
      favorite_count: 48, favorited: false, full_text: 'Synthetic bench post: trade talks weather maps budget summit rail harbour.',
      is_quote_status: false, lang: 'en', quote_count: 0, reply_count: 3, retweet_count: 12, retweeted: false,
      user_id_str: user.rest_id, id_str: String(1800000000000000000n + BigInt(index * 4 + n)),
    },
  });
  const main = tweet(author, 0);
  extras.forEach((u, k) => {
    // Reposted and quoted posts nest their author's user object deeper, as X does.
    main[k === 0 ? 'quoted_status_result' : `extra_${k}`] = { result: tweet(u, k + 1) };
  });
  return {
    entryId: `tweet-${main.rest_id}`,
    sortIndex: String(2000000000000000000n - BigInt(index)),
    content: {
      entryType: 'TimelineTimelineItem', __typename: 'TimelineTimelineItem',
      itemContent: { itemType: 'TimelineTweet', __typename: 'TimelineTweet', tweet_results: { result: main }, tweetDisplayType: 'Tweet' },
      clientEventInfo: { component: 'following_in_network', element: 'tweet' },
    },
  };
}

/** The HomeTimeline response for a page of posts: `posts` is [[handle, name], ...] per post, author first. */
export function homeTimelineResponse(posts, start, known) {
  const entries = posts.map((accounts, k) => {
    const [author, ...others] = accounts.map(([handle, name]) => xUser(handle, name, known.get(handle.toLowerCase())));
    return entry(start + k, author, others);
  });
  return {
    data: {
      home: {
        home_timeline_urt: {
          instructions: [
            { type: 'TimelineAddEntries', entries: [...entries, { entryId: `cursor-bottom-${start + posts.length}`, content: { entryType: 'TimelineTimelineCursor', value: `cursor-${start + posts.length}`, cursorType: 'Bottom' } }] },
          ],
          metadata: { scribeConfig: { page: 'following' } },
        },
      },
    },
  };
}

/**
 * Answers the page's GraphQL requests (registered after the bench's catch-all route, so it takes precedence). The
 * page sends the accounts of the posts it is about to render in `variables` (X's own requests carry their variables
 * in the query string too); the answer describes exactly those accounts.
 */
export async function serveGraphql(context, known = datasetIds()) {
  let responses = 0;
  let bytes = 0;
  await context.route(`**${GRAPHQL_PATH}*`, (route) => {
    const url = new URL(route.request().url());
    let variables;
    try {
      variables = JSON.parse(url.searchParams.get('variables') ?? '{}');
    } catch {
      variables = {};
    }
    const body = JSON.stringify(homeTimelineResponse(variables.posts ?? [], variables.start ?? 0, known));
    responses++;
    bytes += body.length;
    return route.fulfill({ status: 200, contentType: 'application/json', body });
  });
  return { stats: () => ({ responses, bytes }) };
}

/** Milliseconds of samples whose own frame or any caller is in a script whose URL contains `part`. */
export function scriptTimeMs(profile, part) {
  const parent = new Map();
  const own = new Map();
  for (const node of profile.nodes) {
    own.set(node.id, node.callFrame.url.includes(part));
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const memo = new Map();
  const inside = (id) => {
    if (memo.has(id)) return memo.get(id);
    const p = parent.get(id);
    const result = own.get(id) || (p !== undefined && inside(p));
    memo.set(id, result);
    return result;
  };
  const deltas = profile.timeDeltas ?? [];
  let us = 0;
  profile.samples.forEach((id, i) => {
    if (inside(id)) us += deltas[i] ?? 0;
  });
  return us / 1000;
}

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

/**
 * The page-world reader's cost: Attaché against Attaché without the reader, per size, round by round (the same
 * page, the same traffic), and the sampled time in the reader's own script. Markdown lines and the figures.
 */
export function pageWorldReport(result) {
  const out = ['', '### The page-world reader on X-like traffic', ''];
  const figures = { sizes: {}, sampled: null };
  const traffic = result.xTraffic;
  if (traffic) out.push(`The page fetched its users from X's GraphQL API: ${traffic.responses} HomeTimeline responses, ${(traffic.bytes / traffic.responses / 1024).toFixed(0)} kB each on average (${PAGE_POSTS} posts per response), read by the reader in every Attaché run.`, '');
  out.push('| size | Attaché task ms | without the reader task ms | reader’s extra task ms (median of rounds) | extra script ms | extra vs no extension (task) |', '|---|---|---|---|---|---|');
  for (const size of result.settings.sizes) {
    const runs = result.runs.filter((r) => r.size === size);
    const rounds = [...new Set(runs.map((r) => r.round))];
    const by = (variant, round, k) => runs.find((r) => r.variant === variant && r.round === round)?.metrics[k];
    const extra = (k) => median(rounds.map((round) => by('attache', round, k) - by(NO_PAGE_WORLD, round, k)));
    const share = median(rounds.map((round) => (by('attache', round, 'TaskDuration') - by(NO_PAGE_WORLD, round, 'TaskDuration')) / by('none', round, 'TaskDuration')));
    const task = median(rounds.map((round) => by('attache', round, 'TaskDuration')));
    const without = median(rounds.map((round) => by(NO_PAGE_WORLD, round, 'TaskDuration')));
    figures.sizes[size] = { rounds: rounds.length, attacheTaskMs: task, withoutReaderTaskMs: without, extraTaskMs: extra('TaskDuration'), extraScriptMs: extra('ScriptDuration'), extraVsNone: share };
    const f = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
    out.push(`| ${size} | ${f(task)} | ${f(without)} | ${f(extra('TaskDuration'))} | ${f(extra('ScriptDuration'))} | ${Number.isFinite(share) ? `${(share * 100).toFixed(1)}%` : '–'} |`);
  }
  const sampled = (result.profiled ?? []).filter((p) => p.variant === 'attache' && Number.isFinite(p.pageWorldMs));
  if (sampled.length) {
    figures.sampled = { runs: sampled.length, readerMs: median(sampled.map((p) => p.pageWorldMs)), extensionMs: median(sampled.map((p) => p.extensionMs)) };
    out.push('', `Sampled (CPU profile, ${sampled.length} run(s) of ${result.settings.sizes[0]} posts): ${figures.sampled.readerMs.toFixed(1)} ms in the reader's own script (src/page-world), of ${figures.sampled.extensionMs.toFixed(0)} ms in all of Attaché's code.`);
  }
  out.push('', 'Differences of two variants carry both runs’ noise: a median near zero, or below, means the reader’s cost is within it.');
  return { markdown: out.join('\n') + '\n', figures };
}
