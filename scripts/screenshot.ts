/**
 * Makes the README's embed screenshot (`widgets/docs/embed-cards.png`): the
 * built Worker on one origin, a host page on another origin under the strict
 * CSP of a government site, cards of every type in both languages and themes.
 *
 *   npm run build && npx tsx scripts/screenshot.ts
 *
 * Uses Debian's Chromium (`apt-get install chromium fonts-noto-cjk`) when
 * present, for Chinese glyphs; else the bundled @sparticuz/chromium.
 */
import { existsSync } from 'node:fs';
import chromium from '@sparticuz/chromium';
import { chromium as playwright } from 'playwright-core';
import { startWorker } from '../test/node/support/worker';
import { hostPage, startHost } from '../test/node/widgets/host';

const worker = await startWorker();
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

const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : await chromium.executablePath();
const browser = await playwright.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage({ viewport: { width: 1000, height: 760 }, deviceScaleFactor: 1 });
await page.goto(url);
await page.waitForFunction(() =>
  [...document.querySelectorAll('zz-indicator')].every(
    (el) => el.shadowRoot?.querySelector('.card') && !el.shadowRoot.querySelector('[aria-busy="true"]'),
  ),
);
await page.waitForTimeout(300);
await page.screenshot({ path: 'widgets/docs/embed-cards.png', fullPage: true });
console.log(`screenshot: widgets/docs/embed-cards.png (${executablePath})`);
await browser.close();
await host.close();
await worker.stop();
