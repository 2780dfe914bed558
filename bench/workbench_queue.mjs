// Times the workbench's alert queue (bench/workbench_queue.sh): navigation
// to the table drawn, by the page's own clock, five times; prints the median.
import { chromium } from 'playwright-core';

const base = process.env.EMBARGO_URL;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const times = [];
for (let run = 0; run < 5; ++run) {
  await page.goto('about:blank');
  await page.goto(`${base}/ui#/alerts`);
  await page.waitForSelector('#alerts tbody[data-complete]');
  const [drawn, all] = await page.evaluate(() =>
    ['alerts-first-rows', 'alerts-all-rows'].map((m) => performance.getEntriesByName(m).at(-1).startTime));
  const rows = await page.$$eval('#alerts tbody tr', (trs) => trs.length);
  times.push(drawn);
  console.log(`run ${run + 1}: ${drawn.toFixed(0)} ms to the queue's first rows drawn, ` +
    `${all.toFixed(0)} ms to all ${rows} rows of the page`);
}
times.sort((a, b) => a - b);
console.log(`median ${times[2].toFixed(0)} ms to first render`);
await browser.close();
