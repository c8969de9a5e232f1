// Runs axe-core (the real engine, from node_modules) inside a page. page.evaluate is not subject to the page's CSP,
// so this works on the strict x.com-like fixtures too.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Returns axe violations for `include` (a CSS selector; shadow roots are pierced with the ['host', 'inner'] form),
 * as short strings "rule: target (summary)".
 */
export async function axeViolations(page, { include, rules } = {}) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    async ({ include, rules }) => {
      const context = include ? { include: [include] } : document;
      const options = { resultTypes: ['violations'], ...(rules ? { runOnly: { type: 'tag', values: rules } } : {}) };
      const r = await window.axe.run(context, options);
      return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} (${n.failureSummary?.split('\n')[1]?.trim() ?? v.help})`));
    },
    { include, rules },
  );
  return result;
}

export const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
