/** The symptom checker island: ticking a sign of a break-in gives a verdict. */
import { waitUntil } from '../page-helpers.mjs';
export const name = 'the symptom checker: tick a symptom, a verdict appears';

const ARTICLE = '/docs/secure-a-compromised-rackspace-email-mailbox/';

export async function run({ page, baseURL, check }) {
  await page.goto(`${baseURL}${ARTICLE}`, { waitUntil: 'load' });
  // client:visible: the island hydrates once the block (the article's lists) nears the viewport.
  await page.$eval('#symptom-checker', (block) => block.scrollIntoView());
  // The box the island adds to the first of the article's own symptoms.
  const firstSymptom = '#symptom-checker #symptom-bounce-messages input[type="checkbox"]';
  await page.waitForSelector(firstSymptom, { visible: true, timeout: 30_000 });
  const status = '#symptom-checker-verdict';
  const before = await page.$eval(status, (node) => node.textContent ?? '');
  await page.click(firstSymptom);
  await waitUntil(
    page,
    (selector, previous) => {
      const text = document.querySelector(selector)?.textContent ?? '';
      return text !== previous && /compromised/i.test(text);
    },
    { timeout: 10_000 },
    status,
    before,
  );
  check(await page.$eval(firstSymptom, (box) => box.checked), 'the ticked box is not checked');
}
