// The dashboard in the system Chromium, end to end: starts `floe serve` on a free port with two
// hand-made simulation runs, loads the page, clicks a state, sees its counties and their table,
// downloads a CSV and checks its content against the API, opens an occupation, switches to a
// scenario, moves the time slider and compares two runs; then the page without runs. Saves a
// screenshot of each step in OUT_DIR. Exits 1 with a clear message on the first failure.
//
// Usage: node check_dashboard.mjs FLOE OUT_DIR [floe data options, e.g. --data testdata/tiny]
import {execFileSync, spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {chromium} from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const NO_DATA = 'rgb(212, 212, 212)';  // kNoDataColor, src/report/palette.h

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exit(1);
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

// Two runs of 36 months on the data's own states, counties and SOC major groups, with numbers
// made up so that they differ by state and county and over time ("fast" rises twice as fast).
// Written with Python's sqlite3 (node 20 has none), in the schema of write_simulation_db.
const FIXTURE = String.raw`
import csv, sqlite3, sys
out, states_csv, counties_csv, majors_csv, scenario, speed = sys.argv[1:7]
speed = float(speed)
states = list(csv.DictReader(open(states_csv)))
counties = list(csv.DictReader(open(counties_csv)))
majors = list(csv.DictReader(open(majors_csv)))
total = sum(float(m['employment']) for m in majors)
db = sqlite3.connect(out)
fig = ('employed REAL, unemployed REAL, training REAL, layoffs REAL, displaced_direct REAL, '
       'displaced_indirect REAL, quits REAL, hires REAL, occupation_changes REAL, wage_bill REAL, '
       'exposed_wages REAL')
db.execute('CREATE TABLE run (key TEXT PRIMARY KEY, value TEXT)')
db.executemany('INSERT INTO run VALUES (?, ?)', [('command', 'floe simulate'),
  ('scenario', scenario), ('description', 'browser-test fixture'), ('seed', '7'),
  ('months', '36'), ('scenario_text', 'name = "%s"' % scenario)])
db.execute('CREATE TABLE national (month INTEGER, %s, unemployment_rate REAL, exposure REAL, '
           'adoption REAL, job_finding REAL, openings REAL, multiplier REAL, '
           'trainees_started REAL, trainees_completed REAL, training_spending REAL)' % fig)
db.execute('CREATE TABLE state_major (month INTEGER, state_fips TEXT, major TEXT, %s)' % fig)
db.execute('CREATE TABLE county_major (month INTEGER, county_fips TEXT, major TEXT, %s)' % fig)
db.execute('CREATE TABLE flows (month INTEGER, from_major TEXT, to_major TEXT, moves REAL)')
def rate(iceberg, t):
    return 0.036 + speed * 0.25 * float(iceberg) * t / 36.0
def rows(emp, bill, iceberg, u, t):
    wage = bill / emp if emp > 0 else 0.0
    share = float(iceberg) * (1 + 0.01 * t * speed)
    out = []
    for m in majors:
        force = emp * float(m['employment']) / total
        e, un = force * (1 - u), force * u
        disp = force * speed * 0.002 * float(m['iceberg']) * (1 if t > 0 else 0)
        out.append((m['soc_code'], e, un, 0.01 * force, 0.01 * force, disp, disp / 3,
                    0.02 * force, 0.03 * force, 0.005 * force, e * wage, e * wage * share))
    return out
INSERT = 'INSERT INTO %s VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)'
county_months = [0, 12, 24, 36]
for t in range(37):
    n = [0.0] * 11
    for s in states:
        emp, bill = float(s['employment']), float(s['wage_bill'])
        u = rate(s['iceberg'], t)
        for r in rows(emp, bill, s['iceberg'], u, t):
            db.execute(INSERT % 'state_major', (t, s['fips']) + r)
            n = [a + b for a, b in zip(n, r[1:])]
    lf = n[0] + n[1]
    db.execute('INSERT INTO national VALUES (%s)' % ','.join('?' * 21),
               [t] + n + [n[1] / lf, 0.16 + 0.002 * t * speed, 0.09 + 0.01 * t * speed, 0.3,
                          1e6, 1.4, 100.0, 80.0, 1e7])
    if t in county_months:
        by_state = {s['usps']: s for s in states}
        for c in counties:
            s = by_state.get(c['state'])
            if s is None:
                continue
            wiggle = 0.75 + 0.5 * (int(c['fips']) * 7919 % 101) / 100.0
            u = rate(s['iceberg'], t) * wiggle
            for r in rows(float(c['employment']), float(c['wage_bill']), s['iceberg'], u, t):
                db.execute(INSERT % 'county_major', (t, c['fips']) + r)
    db.execute('INSERT INTO flows VALUES (?, ?, ?, ?)',
               (t, majors[0]['soc_code'], majors[-1]['soc_code'], 100.0 * t))
db.execute('CREATE INDEX state_major_month ON state_major (month, state_fips)')
db.execute('CREATE INDEX county_major_month ON county_major (month, county_fips)')
db.commit()
`;

function makeRuns(floe, dataArgs, dir) {
  const table = (by) => {
    const file = join(dir, `${by}.csv`);
    execFileSync(
        floe,
        [
          'index', ...dataArgs, '--by', by, '--format', 'csv', '--out', file, '--db',
          join(dir, 'index.db')
        ],
        {stdio: ['ignore', 'ignore', 'pipe']});
    return file;
  };
  const files = [table('state'), table('county'), table('major')];
  const runs = [];
  for (const [scenario, speed] of [['baseline', 1], ['fast', 2]]) {
    const db = join(dir, `${scenario}.db`);
    execFileSync(
        '/usr/bin/python3', ['-c', FIXTURE, db, ...files, scenario, String(speed)],
        {stdio: 'inherit'});
    runs.push(db);
  }
  return runs;
}

// Starts floe serve on a free port; resolves to {url, child} once it listens.
function startServer(floe, args) {
  return new Promise((resolvePromise, reject) => {
    const child =
        spawn(floe, ['serve', '--port', '0', ...args], {stdio: ['ignore', 'ignore', 'pipe']});
    let err = '';
    const timer = setTimeout(() => reject(new Error(`floe serve did not start:\n${err}`)), 60000);
    child.stderr.on('data', (d) => {
      err += d;
      const m = err.match(/floe serve: (http:\/\/[^\s]+)/);
      if (m) {
        clearTimeout(timer);
        resolvePromise({url: m[1], child});
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`floe serve exited ${code}:\n${err}`));
    });
  });
}

function stopServer(child) {
  return new Promise((resolvePromise, reject) => {
    child.removeAllListeners('exit');
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('floe serve did not stop on SIGINT'));
    }, 10000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0)
        resolvePromise();
      else
        reject(new Error(`floe serve stopped with ${code ?? signal} on SIGINT`));
    });
    child.kill('SIGINT');
  });
}

// Watches a page: console errors, failed requests and requests to other origins are failures.
function watch(page, origin) {
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:'))
      problems.push(`external request: ${r.url()}`);
  });
  return problems;
}

async function api(page, path) {
  return page.evaluate(async (p) => (await fetch(p)).json(), path);
}

// Fill colors of the map's areas, by id.
async function fills(page) {
  return page.$$eval(
      '#map path.area', (ps) => ps.map((p) => [p.dataset.id, getComputedStyle(p).fill]));
}

async function idle(page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(150);
}

async function dashboardWithRuns(browser, url, out) {
  const page =
      await browser.newPage({viewport: {width: 1400, height: 1000}, acceptDownloads: true});
  const problems = watch(page, new URL(url).origin);
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', {timeout: 30000});
  await idle(page);

  // 1. The nation: every state with data drawn in a color, a legend, the states table.
  const states = await api(page, '/api/states');
  const shapes = await api(page, '/api/map/states');
  const withData = shapes.shapes.filter((s) => states.rows.some((r) => r.fips === s.id));
  const colors = new Map(await fills(page));
  check(
      colors.size === shapes.shapes.length,
      `map has ${colors.size} states, atlas ${shapes.shapes.length}`);
  for (const s of withData)
    check(colors.get(s.id) && colors.get(s.id) !== NO_DATA, `${s.name} drawn without data color`);
  const want = Math.min(3, withData.length);
  check(new Set(colors.values()).size >= want, `the state map has fewer than ${want} colors`);
  check(await page.$('#legend svg.legend'), 'no legend');
  const stateRows = await page.$$eval('#main-table tbody tr', (r) => r.length);
  check(
      stateRows === states.rows.length,
      `states table has ${stateRows} rows, API ${states.rows.length}`);
  check(
      await page.isVisible('#view-buttons [data-view="run"]'),
      'no Scenario button with runs loaded');
  await page.screenshot({path: join(out, 'dashboard-nation.png'), fullPage: true});
  console.log(`nation: ${withData.length} states drawn, ${stateRows} table rows`);

  // 2. Click a state: its counties on the map, its table, the panel.
  const pick = withData.find((s) => s.id === '06') || withData[0];
  const name = states.rows.find((r) => r.fips === pick.id).name;
  await page.click(`#map path.area[data-id="${pick.id}"]`);
  await page.waitForFunction(
      (n) => document.querySelector('#map-title').textContent.startsWith(n), name);
  await idle(page);
  const countyShapes = await api(page, `/api/map/counties?state=${pick.id}`);
  const countyFills = await fills(page);
  check(
      countyFills.length === countyShapes.shapes.length,
      `${name}: ${countyFills.length} county shapes drawn, atlas has ${
          countyShapes.shapes.length}`);
  check(countyFills.every(([, f]) => f !== NO_DATA), `${name}: a county drawn without data`);
  check(
      await page.$$eval('#map circle', (c) => c.length) > 0,
      `${name}: no circles for exposed workers`);
  const counties = await api(page, `/api/counties?state=${pick.id}`);
  await page.click('#main-table button.link').catch(() => {});  // show all rows
  const countyRows = await page.$$eval('#main-table tbody tr', (r) => r.length);
  check(
      countyRows === counties.rows.length,
      `${name}: ${countyRows} county rows, API ${counties.rows.length}`);
  check(
      (await page.textContent('#map-note')).includes('equal its state\'s'),
      'no note on county shares');
  check((await page.textContent('#panel h2')) === name, `panel does not show ${name}`);
  await page.screenshot({path: join(out, 'dashboard-state.png'), fullPage: true});
  console.log(`${name}: ${countyFills.length} county shapes, ${countyRows} county rows`);

  // 3. Download the counties table as CSV and compare it with the API.
  const [download] =
      await Promise.all([page.waitForEvent('download'), page.click('#main-table a.csv')]);
  const csv = readFileSync(await download.path(), 'utf8').trim().split('\n');
  check(
      download.suggestedFilename() === `floe-counties-${pick.id}.csv`,
      `CSV named ${download.suggestedFilename()}`);
  check(csv[0] === counties.columns.map((c) => c.name).join(','), `CSV header ${csv[0]}`);
  check(
      csv.length === counties.rows.length + 1,
      `CSV has ${csv.length - 1} rows, API ${counties.rows.length}`);
  const first = counties.rows[0];
  const line = csv.find((l) => l.startsWith(`${first.fips},`));
  check(line, `CSV has no row for ${first.fips}`);
  const employment =
      Number(line.split(',')[counties.columns.findIndex((c) => c.name === 'employment')]);
  check(
      Math.abs(employment - first.employment) <= 1e-6 * first.employment,
      `CSV employment ${employment} for ${first.fips}, API ${first.employment}`);
  console.log(`CSV: ${csv.length - 1} rows, header and values match the API`);

  // 4. An occupation from the state's most exposed: tasks with capability, retraining.
  const occButton = page.locator('#panel section:nth-of-type(3) tbody button.row-link').first();
  const title = (await occButton.textContent()).trim();
  await occButton.click();
  await page.waitForFunction((t) => document.querySelector('#panel h2')?.textContent === t, title);
  await idle(page);
  check(
      await page.$$eval('#panel .badge', (b) => b.length) > 0,
      `${title}: no task capability badges`);
  check((await page.textContent('#panel')).includes('Retraining'), `${title}: no retraining table`);
  await page.screenshot({path: join(out, 'dashboard-occupation.png'), fullPage: true});
  console.log(`occupation: ${title}`);

  // 5. A scenario: the slider moves the map through the months.
  await page.click('#view-buttons [data-view="run"]');
  await page.waitForSelector('#sim-controls:not([hidden])');
  await idle(page);
  await page.click('#crumbs button');  // back to the nation
  await idle(page);
  const month0 = new Map(await fills(page));
  await page.$eval('#month', (s) => {
    s.value = s.max;
    s.dispatchEvent(new Event('input'));
  });
  await page.waitForFunction(
      () => document.querySelector('#main-table h3').textContent.includes('Month 36'));
  await idle(page);
  const month36 = new Map(await fills(page));
  const changed = [...month36].filter(([id, f]) => month0.get(id) !== f).length;
  check(changed > 0, 'the map did not change between month 0 and month 36');
  check(await page.$('#series-card svg.chart polyline'), 'no national time series');
  await page.screenshot({path: join(out, 'dashboard-scenario.png'), fullPage: true});
  console.log(`scenario: ${changed} states change color from month 0 to 36`);

  // 6. Compare two runs: the difference by state.
  await page.click('#view-buttons [data-view="compare"]');
  await page.waitForFunction(
      () => document.querySelector('#main-table h3').textContent.includes('fast − baseline'));
  await idle(page);
  const compareRows = await page.$$eval('#main-table tbody tr', (r) => r.length);
  const compare = await api(page, '/api/compare?a=baseline&b=fast&month=36');
  check(
      compareRows === compare.rows.length,
      `compare table ${compareRows} rows, API ${compare.rows.length}`);
  check(compare.rows.every((r) => r.difference >= 0), 'fast should not have lower unemployment');
  await page.click(`#map path.area[data-id="${pick.id}"]`);
  await page.waitForFunction(
      (n) => document.querySelector('#map-title').textContent.startsWith(n), name);
  await idle(page);
  await page.screenshot({path: join(out, 'dashboard-compare.png'), fullPage: true});
  console.log(`compare: ${compareRows} states`);

  if (problems.length) throw new Error(`the page had problems:\n  ${problems.join('\n  ')}`);
  await page.close();
}

async function dashboardWithoutRuns(browser, url, out) {
  const page = await browser.newPage({viewport: {width: 1400, height: 1000}});
  const problems = watch(page, new URL(url).origin);
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', {timeout: 30000});
  await idle(page);
  check(
      !(await page.isVisible('#view-buttons [data-view="run"]')),
      'Scenario button shown without runs');
  check((await page.textContent('#sim-note')).includes('--run'), 'no note on how to load runs');
  // Iceberg vs Surface, and a state chosen from the keyboard.
  await page.click('#view-buttons [data-view="surface"]');
  await page.waitForFunction(
      () => document.querySelector('#map-title').textContent === 'Surface index by state');
  const states = await api(page, '/api/states');
  const id = await page.$eval('#map path.area[role="button"]', (p) => p.dataset.id);
  await page.focus(`#map path.area[data-id="${id}"]`);
  await page.keyboard.press('Enter');
  const name = states.rows.find((r) => r.fips === id).name;
  await page.waitForFunction(
      (n) => document.querySelector('#map-title').textContent.startsWith(n), name);
  await idle(page);
  await page.screenshot({path: join(out, 'dashboard-no-runs.png')});
  if (problems.length) throw new Error(`the page had problems:\n  ${problems.join('\n  ')}`);
  await page.close();
  console.log('without runs: the simulation views are explained, not shown');
}

async function main() {
  const [floeArg, outArg, ...dataArgs] = process.argv.slice(2);
  if (!floeArg || !outArg) fail('usage: node check_dashboard.mjs FLOE OUT_DIR [floe data options]');
  const floe = resolve(floeArg), out = resolve(outArg);
  mkdirSync(out, {recursive: true});
  const dir = mkdtempSync(join(tmpdir(), 'floe-dashboard-'));
  let server = null;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'
    ],
  });
  try {
    const runs = makeRuns(floe, dataArgs, dir);
    server = await startServer(floe, [...dataArgs, ...runs.flatMap((r) => ['--run', r])]);
    await dashboardWithRuns(browser, server.url, out);
    await stopServer(server.child);
    server = await startServer(floe, dataArgs);
    await dashboardWithoutRuns(browser, server.url, out);
    await stopServer(server.child);
    server = null;
    console.log(`ok: dashboard checked in Chromium; screenshots in ${out}`);
  } finally {
    await browser.close();
    if (server) server.child.kill('SIGKILL');
    rmSync(dir, {recursive: true, force: true});
  }
}

main().catch((e) => fail(e.stack || String(e)));
