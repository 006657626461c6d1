/**
 * Makes the README's screenshots in real Chromium, from the built Worker:
 *
 * - `widgets/docs/embed-cards.png`: a host page on another origin under the strict CSP of a government site, cards
 *   of every type in both languages and themes;
 * - `widgets/docs/pages-390.png`, `pages-768.png`, `pages-1280.png`: the top of the landing page (headline cards, the
 *   mark, the navigation) at phone, tablet and desktop widths;
 * - `widgets/docs/pages-chart-zh.png`, `pages-chart-en-dark.png`: an indicator's series chart with its data table,
 *   after three figures are published to a local D1 log (so the series has four points, one of them qualified);
 * - `widgets/docs/pages-table-390.png`: a dataset table on the landing page at 390 px (dates never break).
 *
 *   npm run build && npx tsx scripts/screenshot.ts            # everything
 *   npx tsx scripts/screenshot.ts pages                        # the page shots only
 *
 * Uses Debian's Chromium (`apt-get install chromium fonts-noto-cjk`) when present, else the bundled
 * @sparticuz/chromium; with `fonts-noto-cjk` installed, Chinese text is drawn in Noto Sans CJK either way.
 */
import { existsSync } from 'node:fs';
import { launchChromium } from '../test/node/support/browser';
import { publishObservation, type RunningWorker, startWorker } from '../test/node/support/worker';
import { hostPage, startHost } from '../test/node/widgets/host';

const which = process.argv[2] ?? 'all';
const TOKEN = 'screenshot-token-5d1f0c9a';
const OUT = 'widgets/docs';

const browser = existsSync('/usr/bin/chromium')
  ? await (await import('playwright-core')).chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox'],
    })
  : await launchChromium();

/** The embed cards on another origin. */
async function embedCards(worker: RunningWorker): Promise<void> {
  const host = await startHost(worker.origin);
  const card = (attrs: string) => `<zz-indicator ${attrs}></zz-indicator>`;
  const url = host.page(
    '/screenshot',
    hostPage(
      'zh-CN',
      '嵌入示例 · Embed example',
      `<div class="grid">
${card('indicator="platforms-total" lang="zh"')}
${card('indicator="achievement-transfer-target" progress="achievements-transferred-2023" lang="zh"')}
${card('indicator="little-giants-national-rank" lang="en"')}
${card('indicator="rd-spending-growth-target" lang="en" theme="dark"')}
${card('indicator="tech-contract-turnover-2022" lang="en"')}
${card('dataset="innovation-platforms" lang="zh" theme="dark"')}
</div>
<script src="${worker.origin}/widget.js" async></script>`,
    ),
  );
  const page = await browser.newPage({ viewport: { width: 1000, height: 760 }, deviceScaleFactor: 1 });
  await page.goto(url);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('zz-indicator')].every(
      (el) => el.shadowRoot?.querySelector('.card') && !el.shadowRoot.querySelector('[aria-busy="true"]'),
    ),
  );
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/embed-cards.png`, fullPage: true });
  await page.close();
  await host.close();
  console.log(`screenshot: ${OUT}/embed-cards.png`);
}

/** Publishes a figure to the local log, as a data officer would. */
async function publish(worker: RunningWorker, id: string, body: Record<string, unknown>): Promise<void> {
  const res = await publishObservation(worker, TOKEN, id, { reason: 'screenshot example', ...body });
  if (res.status !== 201) throw new Error(`publish ${id}: ${res.status} ${await res.text()}`);
}

/** The pages at three widths, and a chart with a series. */
async function pages(worker: RunningWorker): Promise<void> {
  for (const width of [390, 768, 1280]) {
    const page = await browser.newPage({
      viewport: { width, height: width < 700 ? 1100 : 1000 },
      deviceScaleFactor: 1,
    });
    await page.goto(`${worker.origin}/`);
    await page.screenshot({ path: `${OUT}/pages-${width}.png` });
    if (width === 390) {
      await page.locator('#innovation-platforms--platforms-total').scrollIntoViewIfNeeded();
      const table = page.locator('section[aria-labelledby="dataset-specialised-enterprises"] table');
      await table.screenshot({ path: `${OUT}/pages-table-390.png` });
    }
    await page.close();
    console.log(`screenshot: ${OUT}/pages-${width}.png`);
  }
  // A series of four periods, one qualified (以上), for the chart.
  await publish(worker, 'platforms-total', { period: '2023-06-30', asOf: '2023-06-30', value: 716 });
  await publish(worker, 'platforms-total', { period: '2023-09-30', asOf: '2023-09-30', value: 730 });
  await publish(worker, 'platforms-total', {
    period: '2023-12-31',
    asOf: '2023-12-31',
    value: 750,
    qualifier: 'at_least',
    figure: '750家以上',
  });
  for (const [path, colorScheme, file] of [
    ['/indicators/platforms-total', 'light', 'pages-chart-zh.png'],
    ['/en/indicators/platforms-total', 'dark', 'pages-chart-en-dark.png'],
  ] as const) {
    const page = await browser.newPage({ viewport: { width: 900, height: 900 }, colorScheme, deviceScaleFactor: 1 });
    await page.goto(`${worker.origin}${path}`);
    await page.locator('#chart-platforms-total').screenshot({ path: `${OUT}/${file}` });
    await page.close();
    console.log(`screenshot: ${OUT}/${file}`);
  }
}

const worker = await startWorker({ d1: true, tokens: `screenshot:${TOKEN}` });
try {
  if (which === 'all' || which === 'embed') await embedCards(worker);
  if (which === 'all' || which === 'pages') await pages(worker);
} finally {
  await browser.close();
  await worker.stop();
}
