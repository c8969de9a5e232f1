// A sampled CPU profile of one scroll, and the time it shows in an extension's own code.
//
// ScriptDuration differences between a run with and a run without the extension carry the page's own run-to-run
// variation (tens of ms per 1,000 posts on a shared machine). The profiler instead attributes each sample to a call
// stack: a sample counts as the extension's when a frame of its stack is in a chrome-extension:// script (the
// content script's functions and the DOM calls they make). Sampling costs time itself, so these figures are larger
// than ScriptDuration's; they compare variants, or builds, within one run.

/** Starts the sampling profiler (every `intervalUs`); the returned function stops it and returns the profile. */
export async function startProfiling(cdp, intervalUs = 100) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  return async function stop() {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.send('Profiler.disable');
    return profile;
  };
}

/** Milliseconds of samples whose stack holds a frame of a chrome-extension:// script. */
export function extensionTimeMs(profile) {
  const parent = new Map();
  const own = new Map(); // node id -> whether the node's own frame is the extension's
  for (const node of profile.nodes) {
    own.set(node.id, node.callFrame.url.startsWith('chrome-extension://'));
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const inExtension = new Map();
  const isInExtension = (id) => {
    if (inExtension.has(id)) return inExtension.get(id);
    const p = parent.get(id);
    const result = own.get(id) || (p !== undefined && isInExtension(p));
    inExtension.set(id, result);
    return result;
  };
  const deltas = profile.timeDeltas ?? [];
  let us = 0;
  // timeDeltas[i] is the time from sample i-1 to sample i: the time sample i stands for.
  profile.samples.forEach((id, i) => {
    if (isInExtension(id)) us += deltas[i] ?? 0;
  });
  return us / 1000;
}
