/**
 * The page-world reader's cost, apart from the annotator's (`npm run bench:page-world`): for X-shaped GraphQL
 * timelines of 20, 100 and 400 posts, the time to read them (JSON.parse of the body + the bounded walk) against the
 * baseline X pays anyway for the same body (JSON.parse alone), as a ratio measured in one run. Node, not a browser:
 * both sides run on the same engine, so the ratio is what matters, not the milliseconds.
 */
import { performance } from 'node:perf_hooks';
import { extractUsers } from '../../src/page-world/extract';
// @ts-expect-error: a plain ES module of fixtures
import { timeline, user } from '../../tests/fixtures/page-world/index.mjs';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

for (const posts of [20, 100, 400]) {
  const users = Array.from({ length: posts }, (_, i) => user({ id: String(1_000_000 + (i % Math.max(1, posts / 2))), handle: `user_${i % 997}`, verified: i % 7 === 0 ? 'Government' : undefined }));
  const body = JSON.stringify(timeline(users));
  const rounds = 60;
  const base: number[] = [];
  const reader: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    JSON.parse(body);
    base.push(performance.now() - t);
    t = performance.now();
    extractUsers(JSON.parse(body));
    reader.push(performance.now() - t);
  }
  const walk = reader.map((x, i) => x - base[i]!);
  const { stats } = extractUsers(JSON.parse(body));
  console.log(
    `${String(posts).padStart(4)} posts, ${(body.length / 1024).toFixed(0).padStart(5)} kB: JSON.parse ${median(base).toFixed(2)} ms (baseline), ` +
      `reader ${median(reader).toFixed(2)} ms (${(median(reader) / median(base)).toFixed(2)}x), walk alone ~${Math.max(0, median(walk)).toFixed(2)} ms, ` +
      `${stats.nodes} objects, ${stats.users} users${stats.truncated ? ', truncated' : ''}`,
  );
}
