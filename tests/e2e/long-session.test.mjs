// A long session in the real browser: 10,000 posts through a virtualised list (cells appended and unmounted), and
// many in-app navigations. The heap stays flat, no badge host is left detached in memory, and listeners on the page's
// window and document do not pile up.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, waitForAttache } from './harness.mjs';

const OFFICIAL = ['AmbLiuXiaoMing', 'ChineseEmbinUK', 'MFA_China', 'RT_com', 'jane_reader'];

describe('long session', () => {
  let session;
  let page;
  let cdp;
  before(async () => {
    session = await startBrowser();
    page = await session.context.newPage();
    await page.goto('https://x.com/AmbLiuXiaoMing?spa=1');
    await waitForAttache(page);
    await page.waitForSelector('attache-badge');
    cdp = await session.context.newCDPSession(page);
    await cdp.send('Performance.enable');
  });
  after(async () => {
    await session?.close();
  });

  async function heapAfterGc() {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  }

  /** Appends `total` posts in batches, keeping at most 20 cells mounted, one animation frame per batch. */
  async function scroll(total) {
    await page.evaluate(
      async ({ total, handles }) => {
        const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
        for (let done = 0; done < total; done += 25) {
          window.__fixture.appendPosts(25, handles);
          while (window.__fixture.cells().length > 20) window.__fixture.removeCell(0);
          await frame();
        }
        await frame();
        await frame();
      },
      { total, handles: OFFICIAL },
    );
  }

  it('keeps the heap flat and leaves no detached badge behind over 10,000 posts', async () => {
    await scroll(1000);
    const warm = await heapAfterGc();
    await scroll(9000);
    const end = await heapAfterGc();
    const growth = end - warm;
    assert.ok(growth < 1.5 * 1024 * 1024, `heap grew by ${(growth / 1024).toFixed(0)} kB over 9,000 posts`);
    const mounted = await page.$$eval('attache-badge', (b) => b.length);
    assert.ok(mounted > 0 && mounted < 200, `badges mounted now: ${mounted}`);
    const { detachedNodes } = await cdp.send('DOM.getDetachedDomNodes');
    const ours = detachedNodes.filter((d) => /^ATTACHE-/i.test(d.treeNode?.nodeName ?? ''));
    assert.deepEqual(ours.map((d) => d.treeNode.nodeName), [], 'no detached attache-* nodes are retained');
  });

  it('the detached-node check does see a retained detached element (control)', async () => {
    await page.evaluate(() => {
      const el = document.createElement('attache-control');
      document.body.append(el);
      el.remove();
      window.__heldForControl = el;
    });
    await cdp.send('HeapProfiler.collectGarbage');
    const { detachedNodes } = await cdp.send('DOM.getDetachedDomNodes');
    assert.ok(detachedNodes.some((d) => /^ATTACHE-CONTROL$/i.test(d.treeNode?.nodeName ?? '')));
    await page.evaluate(() => {
      delete window.__heldForControl;
    });
  });

  it('does not pile up listeners on window or document across navigations', async () => {
    const count = async () => {
      let total = 0;
      for (const expression of ['window', 'document']) {
        const { result } = await cdp.send('Runtime.evaluate', { expression });
        const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
        total += listeners.length;
      }
      return total;
    };
    const routes = ['/ChineseEmbinUK', '/jane_reader', '/AmbLiuXiaoMing'];
    await page.evaluate(async (r) => {
      for (const path of r) {
        window.__fixture.navigate(path);
        await new Promise((done) => requestAnimationFrame(() => done()));
      }
    }, routes);
    const first = await count();
    await page.evaluate(async (r) => {
      for (let i = 0; i < 30; i++) {
        for (const path of r) {
          window.__fixture.navigate(path);
          await new Promise((done) => requestAnimationFrame(() => done()));
        }
      }
    }, routes);
    await page.waitForTimeout(300);
    assert.equal(await count(), first);
    // And the header shows the right account's badge after all that.
    await page.waitForSelector('attache-badge[data-attache-placement="profile"][data-attache-account="liu-xiaoming"]');
    assert.equal(await page.$$eval('attache-badge[data-attache-placement="profile"]', (b) => b.length), 1);
  });
});
