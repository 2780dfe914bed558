// The workbench's main paths in headless chromium (run.sh sets the server
// up): sign in with a key, screen a name and read its explanation, open an
// alert and see both sides, decide it as an analyst (four-eyes holds it),
// approve it as a reviewer, assign an alert, read the screening records and
// the gap report, and find the decisions in the audit trail, whose chain
// verifies. Each page is checked with axe-core (no serious or critical
// violation) and saved as a screenshot. Exits non-zero on the first failure.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = require('fs').readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const base = process.env.EMBARGO_URL;
const shots = process.env.SHOTS;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu'],
});
let failed = false;
try {
  // bypassCSP: only so axe-core can be injected; the page itself runs under the CSP.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));

  async function check(name) {
    await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => await window.axe.run(document));
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), [],
      `${name}: accessibility`);
    console.log(`ok ${name} (axe: ${result.violations.length} minor, ${result.passes.length} rules pass)`);
  }
  // Sets the queue's filters with `fill`, filters, and waits for the table
  // that answer draws (not the one drawn before it).
  async function filterAlerts(fill) {
    await page.waitForSelector('#alerts-table[aria-busy="false"]');
    await fill();
    await page.click('#filter-go');
    await page.waitForSelector('#alerts-table[aria-busy="false"]');
  }
  async function signIn(user) {
    await page.goto(`${base}/ui#/login`);
    await page.fill('#key', `key-of-${user}-0123456789`);
    await page.click('#sign-in');
    await page.waitForSelector('#alerts');
    assert.match(await page.textContent('#who-name'), new RegExp(`^${user} \\(`));
  }

  // A wrong key is refused; the page says so.
  await page.goto(`${base}/ui`);
  await page.waitForSelector('#key');
  await page.fill('#key', 'not-a-key');
  await page.click('#sign-in');
  await page.waitForSelector('.notice.error');
  assert.match(await page.textContent('.notice.error'), /not valid/);
  await check('login');

  // The analyst's queue, timed from navigation to the table drawn.
  await signIn('ana');
  const rows = await page.$$eval('#alerts tbody tr', (trs) => trs.length);
  assert.ok(rows >= 4, `alerts in the queue: ${rows}`);
  await check('alerts');

  // Screening: a South Korean spelling of a listed DPRK official.
  await page.click('nav a[data-page=screen]');
  await page.fill('#screen-name', 'Lee Won-ho');
  await page.fill('#screen-birth', '1964-07-17');
  await page.click('#screen-go');
  await page.waitForSelector('#screen-results details');
  const first = await page.textContent('#screen-results details summary');
  assert.match(first, /RI WON HO/);
  const explained = await page.textContent('#screen-results details .explanation');
  assert.match(explained, /lee/);
  assert.match(explained, /birth_date/);
  await check('screen');

  // A payment message: the creditor is a listed DPRK official.
  await page.fill('#payment-message', [
    '{1:F01AABSLKLXAXXX0000000000}{2:I103HANYUS33XXXXN}{4:', ':20:REF1', ':23B:CRED',
    ':32A:250922USD700,', ':50K:/100611002421', 'OPTIMA TECHNOLOGIES LTD', ':59:/LK123456',
    'RI WON HO', ':71A:OUR', '-}'].join('\r\n'));
  await page.click('#payment-go');
  await page.waitForSelector('#payment-results .notice');
  assert.match(await page.textContent('#payment-results .notice'), /^Hold/);
  assert.match(await page.textContent('#payment-results table'), /creditor.*RI WON HO/s);
  await check('screen-payment');

  // An alert: both sides, then the analyst's false positive waits.
  await page.click('nav a[data-page=alerts]');
  await page.waitForSelector('#alerts');
  await filterAlerts(async () => page.fill('#filter-customer', 'c-yun'));
  // YUN HO JIN is on the UN and the OFAC lists: an alert on each.
  await page.waitForFunction(() => document.querySelectorAll('#alerts tbody tr').length >= 1);
  const customers = await page.$$eval('#alerts tbody tr td:nth-child(3)', (tds) => tds.map((td) => td.textContent));
  assert.ok(customers.every((c) => c === 'c-yun'), `filtered by customer: ${customers}`);
  await page.click('#alerts tbody tr');
  await page.waitForSelector('#customer-card');
  const alertUrl = page.url();
  assert.match(await page.textContent('#customer-card'), /YUN HO JIN/);
  assert.match(await page.textContent('#entity-card'), /Programmes|Remarks|Born/);
  await page.selectOption('#decide-status', 'false_positive');
  await page.fill('#decide-note', 'a namesake: our customer was born in 1990');
  await page.click('#decide-go');
  await page.waitForSelector('#alert-message .notice.wait');
  assert.equal(await page.textContent('#alert-state'), 'pending');
  assert.match(await page.textContent('main'), /waits for a reviewer other than ana/);
  assert.equal(await page.$('#review'), null, 'the analyst cannot review her own decision');
  await check('alert-pending');

  // Bulk: the three alerts of one customer escalated at once.
  await page.click('nav a[data-page=alerts]');
  await page.waitForSelector('#alerts');
  await filterAlerts(async () => page.fill('#filter-customer', 'c-kim'));
  await page.waitForFunction(() => document.querySelectorAll('#alerts tbody input.pick').length >= 2);
  const picks = await page.$$('#alerts tbody input.pick');
  for (const pick of picks) await pick.check();
  await page.selectOption('#bulk-status', 'escalated');
  await page.fill('#bulk-note', 'common Korean name: ask the branch for the birth date');
  await page.click('#bulk-go');
  await page.waitForSelector('#bulk-result .notice');
  assert.equal(await page.textContent('#bulk-result .notice'), `${picks.length} decided, 0 waiting for a reviewer (four-eyes).`);
  await page.waitForFunction(() => [...document.querySelectorAll('#alerts tbody tr td:nth-child(8)')]
    .every((td) => td.textContent === 'escalated'));
  await check('alerts-bulk');

  // Another analyst cannot approve either: no reviewer role.
  await signIn('bob');
  await page.goto(alertUrl);
  await page.waitForSelector('#customer-card');
  assert.equal(await page.$('#review'), null, 'an analyst has no review form');

  // The reviewer approves; the alert closes as a false positive.
  await signIn('rev');
  await page.goto(alertUrl);
  await page.waitForSelector('#review');
  await page.fill('#review-note', 'checked the birth dates: different person');
  await page.click('#review-approve');
  await page.waitForSelector('#alert-message .notice.ok');
  assert.equal(await page.textContent('#alert-state'), 'closed');
  assert.equal(await page.textContent('#alert-status'), 'false_positive');
  assert.match(await page.textContent('#decisions'), /approved by rev/);
  await check('alert-approved');

  // Assignment: ana takes an alert; bob may not decide it; the reviewer
  // hands it to bob, whose queue then shows it as his.
  await signIn('ana');
  await filterAlerts(async () => page.fill('#filter-customer', 'c-abbasi'));
  await page.click('#alerts tbody tr');
  await page.waitForSelector('#assign-me');
  const assignedUrl = page.url();
  await page.click('#assign-me');
  await page.waitForFunction(() => /Assigned to ana/.test(document.querySelector('#assignment')?.textContent || ''));
  await check('alert-assigned');
  await signIn('bob');
  await page.goto(assignedUrl);
  await page.waitForSelector('#decide-blocked');
  assert.equal(await page.$('#decide'), null, 'bob cannot decide ana\'s alert');
  assert.equal(await page.$('#assign-me'), null, 'bob cannot take it from her');
  await signIn('rev');
  await page.goto(assignedUrl);
  await page.waitForSelector('#assign-to');
  await page.fill('#assign-to', 'bob');
  await page.click('#assign-go');
  await page.waitForFunction(() => /Assigned to bob \(by rev/.test(document.querySelector('#assignment')?.textContent || ''));
  await signIn('bob');
  await filterAlerts(async () => page.selectOption('#filter-assignee', 'me'));
  const mine = await page.$$eval('#alerts tbody tr', (trs) => trs.map((tr) => tr.children[9].textContent));
  assert.deepEqual(mine, ['bob'], 'the queue filtered to bob\'s alerts');
  await check('alerts-mine');

  // Every screening is on record: ana's name and payment, under her name.
  await signIn('rev');
  await page.click('nav a[data-page=screenings]');
  await page.waitForSelector('#screenings-table[aria-busy="false"]');
  const records = await page.$$eval('#screenings tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
  const leeRecord = records.find((c) => /Lee Won-ho/.test(c[4]));
  assert.ok(leeRecord, `the screening of Lee Won-ho is recorded: ${JSON.stringify(records)}`);
  assert.equal(leeRecord[2], 'ana');
  assert.equal(leeRecord[5], 'alert');
  assert.match(leeRecord[6], /RI WON HO/);
  assert.match(leeRecord[7], /un_sc_sanctions@1/);
  assert.ok(records.some((c) => c[2] === 'ana' && /payment: MT103 REF1/.test(c[4])), 'the payment is recorded');
  // Its certificate, downloaded from the row.
  const leeRow = (await page.$$('#screenings tbody tr'))[records.indexOf(leeRecord)];
  const [certificate] = await Promise.all([page.waitForEvent('download'), leeRow.$('button.certificate').then((b) => b.click())]);
  const certificateHtml = require('fs').readFileSync(await certificate.path(), 'utf8');
  assert.match(certificateHtml, /by ana · through the HTTP API/);
  assert.match(certificateHtml, /un_sc_sanctions-KPi\.033 \(RI WON HO\)/);
  await check('screenings');

  // The gap report: DPRK targets across the UN and OFAC lists.
  await page.click('nav a[data-page=gaps]');
  await page.waitForSelector('#gaps-body[aria-busy="false"]', { timeout: 120000 });
  assert.match(await page.textContent('#gaps-summary'), /targets under DPRK/);
  const gapLists = await page.$$eval('#gaps-datasets tbody tr td:first-child', (tds) => tds.map((td) => td.textContent));
  assert.deepEqual(gapLists, ['un_sc_sanctions', 'us_ofac_sdn']);
  await check('gaps');

  // The audit trail names both, and its chain verifies.
  await page.click('nav a[data-page=audit]');
  await page.waitForSelector('#audit');
  const audit = await page.textContent('#audit');
  assert.match(audit, /alert\.approve/);
  assert.match(audit, /alert\.decide/);
  const approveRow = await page.$$eval('#audit tbody tr', (trs) =>
    trs.map((tr) => [...tr.children].map((td) => td.textContent)).find((c) => c[3] === 'alert.approve'));
  assert.equal(approveRow[2], 'rev');
  await page.click('#verify');
  await page.waitForSelector('#verify-result .notice');
  assert.match(await page.textContent('#verify-result'), /^Intact/);
  await check('audit');

  // The OFAC versions: February against January, and one changed entity's
  // history.
  await page.click('nav a[data-page=versions]');
  await page.waitForSelector('#versions');
  const ofac = await page.$$eval('#versions tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent))
    .find((c) => c[1] === 'us_ofac_sdn' && c[3] === '2024-02-23'));
  assert.ok(ofac, 'the February OFAC version is listed');
  await page.click(`#versions a[href="#/versions/${ofac[0]}"]`);
  await page.waitForSelector('#diff-counts');
  assert.match(await page.textContent('#diff-counts'), /584 added, 1 removed, 11 changed, 13889 unchanged/);
  await check('version-diff');
  await page.click('#diff-changed tbody tr a');
  await page.waitForSelector('#history');
  assert.match(await page.textContent('#history'), /added.*changed/s);
  await check('entity-history');

  // A viewer sees the queue but no decision form, and no audit trail.
  await signIn('vic');
  await page.goto(alertUrl.replace(/\d+$/, (id) => String(Number(id))));
  await page.waitForSelector('#customer-card');
  assert.equal(await page.$('#decide'), null);
  await page.click('nav a[data-page=audit]');
  await page.waitForSelector('.notice.error');
  assert.match(await page.textContent('.notice.error'), /reviewer role/);

  assert.deepEqual(consoleErrors.filter((e) => !/status of 40[13]/.test(e)), [], 'console errors');
  console.log('workbench: all paths pass');
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
