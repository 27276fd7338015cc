// End-to-end test of the web application in real headless Chromium (issue 5):
// log in as the admin `zonewatch serve` made, replace its one-time password through
// the account form (every other page leads there until then), log out and in with
// the new one, read the dashboard's "operating after intervention" figure, create a
// site (with coordinates), a raid and a later `operating` observation through the
// forms, see the figure go up by one, find the site's marker on the sites map,
// record a survivor held there (with a restricted legal name) and search for them.
// Any console error, uncaught page error or Content-Security-Policy violation fails
// the test. Screenshots go to ZW_ARTIFACTS.
//
// Run by scripts/e2e-web.sh, which starts the server; by hand:
//   ZW_URL=http://127.0.0.1:8080/ ZW_PASSWORD=... node tests/e2e/web.mjs
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const base = new URL(process.env.ZW_URL ?? 'http://127.0.0.1:8080/');
const password = process.env.ZW_PASSWORD;
const artifacts = process.env.ZW_ARTIFACTS ?? 'target/e2e-artifacts';
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!password) {
  console.error('ZW_PASSWORD (the admin one-time password) is not set');
  process.exit(2);
}
mkdirSync(artifacts, { recursive: true });

// The whole test is bounded, whatever hangs.
const watchdog = setTimeout(() => {
  console.error('FAIL: the test took longer than 120 s');
  process.exit(1);
}, 120_000);

const url = (path) => new URL(path, base).href;
const problems = [];
const step = (what) => console.log(`e2e: ${what}`);

// Ids unique per run, so the test never collides with demo records.
const run = Date.now().toString(36);
const site = {
  id: `site-e2e-${run}`,
  name: `E2E compound ${run}`,
  category: 'scam_compound',
  country: 'KH',
  admin1: 'Preah Sihanouk',
  lat: '10.6093',
  lon: '103.5296',
};
const raid = { id: `int-e2e-${run}`, date: '2025-03-14', type: 'raid' };
const seen = { id: `st-e2e-${run}`, date: '2025-06-02', status: 'operating', basis: 'satellite_imagery' };

const browser = await chromium.launch({
  executablePath,
  headless: true,
  timeout: 30_000,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
let failed = false;
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.setDefaultNavigationTimeout(15_000);
  // CSP violations are reported as console errors ("Refused to ...").
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const from = msg.location()?.url;
      problems.push(`console error at ${page.url()}: ${msg.text()}${from ? ` (${from})` : ''}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`page error at ${page.url()}: ${err.message}`));
  // A failed load's console message does not name the URL; this names it (for the
  // page's own requests: the favicon's is reported by its console message only).
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  page.on('requestfailed', (req) =>
    problems.push(`request failed: ${req.url()}: ${req.failure()?.errorText}`));

  const shot = (name) => page.screenshot({ path: join(artifacts, name), fullPage: true });

  // A form submission must land on `expected`; if it did not, say what the form said.
  async function submit(expected) {
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.getByRole('button', { name: 'Save' }).click(),
    ]);
    if (new URL(page.url()).pathname !== expected) {
      const errors = await page.locator('.error').allTextContents();
      await shot(`form-error-${Date.now()}.png`);
      throw new Error(`the form did not save (now at ${page.url()}): ${errors.join(' | ') || '(no message)'}`);
    }
  }

  async function operatingAfter() {
    const figures = await page.locator('div.figure').evaluateAll((divs) =>
      divs.map((d) => {
        const value = d.querySelector('b')?.textContent ?? '';
        return [d.textContent.slice(value.length).trim(), value.trim()];
      }));
    const found = figures.find(([label]) => label === 'operating after intervention');
    if (!found) throw new Error(`no "operating after intervention" figure on the dashboard: ${JSON.stringify(figures)}`);
    const n = Number.parseInt(found[1], 10);
    if (!Number.isInteger(n)) throw new Error(`the figure is not a number: ${found[1]}`);
    return n;
  }

  // Clicks a button and waits for the page it leads to; that must be `expected`.
  async function press(button, expected, what) {
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.getByRole('button', { name: button, exact: true }).click(),
    ]);
    if (new URL(page.url()).pathname !== expected) {
      const errors = await page.locator('.error').allTextContents();
      await shot(`failed-${Date.now()}.png`);
      throw new Error(`${what} failed (at ${page.url()}, expected ${expected}): ${errors.join(' | ') || '(no message)'}`);
    }
  }

  async function logIn(secret, expected) {
    await page.goto(url('/login'));
    await page.getByLabel('User name').fill('admin');
    await page.getByLabel('Password').fill(secret);
    await press('Log in', expected, 'login');
  }

  step('log in with the one-time password');
  await logIn(password, '/account');
  await page.goto(url('/sites'));
  if (new URL(page.url()).pathname !== '/account') {
    throw new Error(`before the password change, /sites led to ${page.url()}, not the account page`);
  }

  step('replace the one-time password');
  const newPassword = `e2e password ${run} (throwaway)`;
  await page.getByLabel('Current password', { exact: true }).fill(password);
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('New password again', { exact: true }).fill(newPassword);
  await shot('account.png');
  await press('Change password', '/', 'the password change');

  step('log out, and in with the new password');
  await press('Log out', '/login', 'logout');
  await logIn(newPassword, '/');

  step('read the dashboard');
  const before = await operatingAfter();
  step(`operating after intervention: ${before}`);
  await shot('dashboard-before.png');

  step('create a site');
  await page.goto(url('/sites'));
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.getByRole('link', { name: 'New site' }).click(),
  ]);
  for (const field of ['id', 'name', 'country', 'admin1', 'lat', 'lon']) {
    await page.locator(`form input[name="${field}"]`).fill(site[field]);
  }
  await page.locator('select[name="category"]').selectOption(site.category);
  await submit(`/sites/${site.id}`);

  step('add a raid');
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.getByRole('link', { name: 'Add an intervention' }).click(),
  ]);
  const prefilled = await page.locator('input[name="site"]').inputValue();
  if (prefilled !== site.id) throw new Error(`the intervention form names site "${prefilled}", not ${site.id}`);
  await page.locator('input[name="id"]').fill(raid.id);
  await page.locator('input[name="date"]').fill(raid.date);
  await page.locator('select[name="type"]').selectOption(raid.type);
  await submit(`/sites/${site.id}`);

  step('add a later operating observation');
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.getByRole('link', { name: 'Add a status observation' }).click(),
  ]);
  await page.locator('input[name="id"]').fill(seen.id);
  await page.locator('input[name="date"]').fill(seen.date);
  await page.locator('select[name="status"]').selectOption(seen.status);
  await page.locator('select[name="basis"]').selectOption(seen.basis);
  await submit(`/sites/${site.id}`);

  const timeline = await page.locator('pre').first().textContent();
  for (const expected of [raid.id, seen.id, raid.date, seen.date]) {
    if (!timeline.includes(expected)) throw new Error(`the site's timeline does not show ${expected}:\n${timeline}`);
  }
  await shot('site.png');

  step('reload the dashboard');
  await page.goto(url('/'));
  const after = await operatingAfter();
  step(`operating after intervention: ${after}`);
  await shot('dashboard-after.png');
  if (after !== before + 1) {
    throw new Error(`"operating after intervention" went from ${before} to ${after}, not up by one`);
  }

  step('find the site on the map');
  await page.goto(url('/sites'));
  const marker = page.locator(`svg.map a[href="/sites/${site.id}"] circle`);
  const markers = await marker.count();
  if (markers !== 1) throw new Error(`the sites map has ${markers} marker(s) for ${site.id}, not one`);
  const title = await marker.locator('title').textContent();
  if (title !== site.name) throw new Error(`the marker's title is "${title}", not "${site.name}"`);
  if (!(await marker.isVisible())) throw new Error('the marker is not visible');
  await shot('map.png');
  await page.locator('svg.map').screenshot({ path: join(artifacts, 'map-only.png') });

  step('record a survivor held at the site, with a restricted legal name');
  const person = { id: `p-e2e-${run}`, alias: `E2E alias ${run}` };
  await page.goto(url('/records/persons/new'));
  await page.locator('input[name="id"]').fill(person.id);
  await page.locator('input[name="alias"]').fill(person.alias);
  await page.locator('input[name="roles"]').fill('survivor');
  await page.locator('input[name="age_at_entry"]').fill('16');
  await page.locator('select[name="recruitment.channel"]').selectOption('telegram');
  await page.locator('input[name="recruitment.promised_job"]').fill('typist');
  await page.locator('textarea[name="custody"]').fill(`${site.id}; 2024-11; 2025-03`);
  await page.locator('input[name="pii.legal_name"]').fill('(fictional e2e legal name)');
  await submit(`/records/persons/${person.id}`);
  const personPage = await page.locator('main').textContent();
  for (const expected of [person.alias, site.id, '(fictional e2e legal name)', 'Legal tests']) {
    if (!personPage.includes(expected)) throw new Error(`the person's page does not show ${expected}`);
  }
  await shot('person.png');

  step('search finds the alias, never the legal name');
  await page.goto(url(`/search?q=${encodeURIComponent(person.alias)}`));
  if ((await page.locator(`a[href="/records/persons/${person.id}"]`).count()) !== 1) {
    throw new Error(`searching for "${person.alias}" does not find ${person.id}`);
  }
  await page.goto(url(`/search?q=${encodeURIComponent('e2e legal name')}`));
  if (!(await page.locator('main').textContent()).includes('Nothing matched')) {
    throw new Error('a search for the restricted legal name found something');
  }
  await shot('search.png');

  step('the evidence page');
  await page.goto(url('/evidence'));
  await shot('evidence.png');
} catch (e) {
  failed = true;
  console.error(`FAIL: ${e.message}`);
} finally {
  await browser.close().catch(() => {});
  clearTimeout(watchdog);
}

for (const p of problems) console.error(`FAIL: ${p}`);
if (failed || problems.length > 0) process.exit(1);
console.log(`e2e: passed; screenshots in ${artifacts}`);
