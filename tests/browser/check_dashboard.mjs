// The dashboard in the system Chromium, end to end: starts `floe serve` on a free port with two
// hand-made simulation runs, loads the page, sees the territories in their boxes, opens an
// occupation from the nation's list (same workers and wage in list and page), chooses a state
// from the keyboard (no tooltip left), sees its counties and their table, downloads a CSV and
// checks its content against the API, opens an occupation from the state's list (the state's
// figures as the list has them), searches "nurse", opens Puerto Rico's municipios, switches to a
// scenario, moves the time slider (distinct ticks, a table that fits) and compares two runs,
// opens the AI-talent view (its charts, moves matrix and targets in words against the API, from
// the keyboard too) and compares two runs there; then the page without runs. The checks of what
// a new user meets are in dashboard_ux.mjs, the AI effect against the no-AI twin ("fast"'s twin
// holds baseline's figures) in dashboard_effect.mjs, the shared helpers in dashboard_lib.mjs.
// Saves a screenshot of each step in OUT_DIR. Exits 1 with a clear message on the first failure.
//
// Usage: node check_dashboard.mjs FLOE OUT_DIR [floe data options, e.g. --data testdata/tiny]
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {chromium} from 'playwright-core';

import {aiEffectInTheRunView} from './dashboard_effect.mjs';
import {api, check, CHROMIUM, fail, fills, idle, NO_DATA, parseCount, startServer, stopServer, watch} from './dashboard_lib.mjs';
import {distinctTicks, noTooltipAfterKeyboard, oneNumberInAState, oneNumberNationally, puertoRicoMunicipios, searchFindsNurses, tableFits, talentFactsInWords, territoriesOnTheMap} from './dashboard_ux.mjs';

// Two runs of 36 months on the data's own states, counties and SOC major groups, with numbers
// made up so that they differ by state and county and over time ("fast" rises twice as fast),
// each with an AI-talent segment ("fast" sends twice as many to stealth startups).
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
       'exposed_wages REAL, exits REAL, agents REAL')
db.execute('CREATE TABLE run (key TEXT PRIMARY KEY, value TEXT)')
db.executemany('INSERT INTO run VALUES (?, ?)', [('command', 'floe simulate'),
  ('scenario', scenario), ('description', 'browser-test fixture'), ('seed', '7'),
  ('months', '36'), ('scenario_text', 'name = "%s"' % scenario)])
db.execute('CREATE TABLE national (month INTEGER, %s, unemployment_rate REAL, exposure REAL, '
           'adoption REAL, job_finding REAL, openings REAL, multiplier REAL, '
           'trainees_started REAL, trainees_completed REAL, training_spending REAL, '
           'trainees_reemployed REAL, entrants REAL)' % fig)
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
                    0.02 * force, 0.03 * force, 0.005 * force, e * wage, e * wage * share,
                    0.004 * force, force / 100))
    return out
INSERT = 'INSERT INTO %s VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)'
county_months = [0, 12, 24, 36]
for t in range(37):
    n = [0.0] * 13
    for s in states:
        emp, bill = float(s['employment']), float(s['wage_bill'])
        u = rate(s['iceberg'], t)
        for r in rows(emp, bill, s['iceberg'], u, t):
            db.execute(INSERT % 'state_major', (t, s['fips']) + r)
            n = [a + b for a, b in zip(n, r[1:])]
    lf = n[0] + n[1]  # employed + unemployed; trainees (n[2]) are in the labor force too
    db.execute('INSERT INTO national VALUES (%s)' % ','.join('?' * 25),
               [t] + n + [(n[1] + n[2]) / (lf + n[2]), 0.16 + 0.002 * t * speed, 0.09 + 0.01 * t * speed, 0.3,
                          1e6, 1.4, 100.0, 80.0, 1e7, 50.0, 1000.0])
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

# The AI-talent segment (the tables of src/talent/db.cc), 2019-01 through 2026-12 with the run's
# month 1 in 2024-01: eight employer classes; big tech gains AI workers up to ChatGPT's launch
# (2022-12) and loses them after, to AI labs and (speed times as many) to stealth startups.
classes = ['big_tech', 'ai_labs', 'stealth', 'other_tech', 'health_care', 'finance',
           'other_industry', 'academia']
dates = ['%d-%02d' % (2019 + m // 12, m % 12 + 1) for m in range(96)]
start, launch = dates.index('2024-01'), dates.index('2022-12')
db.executemany('INSERT INTO run VALUES (?, ?)', [('talent_scale', '0.010000'),
  ('talent_start', '2024-01'), ('talent_parameters_from', 'browser-test fixture')])
db.execute('CREATE TABLE talent_month (date TEXT, month REAL, employer TEXT, researchers REAL, '
           'ml_engineers REAL, ai_engineers REAL, headcount REAL, entrants REAL, exits REAL, '
           'moved_in REAL, moved_out REAL, net_flow REAL)')
db.execute('CREATE TABLE talent_moves (date TEXT, month REAL, origin TEXT, destination TEXT, '
           'movers REAL)')
db.execute('CREATE TABLE talent_phd (date TEXT, month REAL, destination TEXT, graduates REAL)')
db.execute('CREATE TABLE talent_series (date TEXT, month REAL, genai_index REAL, '
           'big_tech_net_flow REAL, big_tech_net_flow_expected REAL, phd_industry_share REAL, '
           'phd_industry_share_expected REAL)')
db.execute('CREATE TABLE talent_targets (target TEXT, description TEXT, observed REAL, '
           'tolerance REAL, expected REAL, expected_within INTEGER, agents REAL, '
           'agents_within INTEGER, source TEXT, kind TEXT)')
db.execute('CREATE TABLE talent_parameters (parameter TEXT, value REAL, prior REAL, meaning TEXT)')
def movers(t, o, d):
    n = 1 + (3 * o + 5 * d + t) % 4
    if t < launch and d == 0:
        n += 2
    if t >= launch and o == 0 and d == 1:
        n += 12
    if t >= launch and o == 0 and d == 2:
        n += 8 * speed
    return float(n)
for t, date in enumerate(dates):
    month = t - start + 1
    moved_in, moved_out = [0.0] * 8, [0.0] * 8
    for o in range(8):
        for d in range(8):
            if o != d:
                n = movers(t, o, d)
                moved_in[d] += n
                moved_out[o] += n
                db.execute('INSERT INTO talent_moves VALUES (?, ?, ?, ?, ?)',
                           (date, month, classes[o], classes[d], n))
    for k, key in enumerate(classes):
        h = 1000.0 - 100 * k + t * (8 - k)
        db.execute('INSERT INTO talent_month VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
                   (date, month, key, 0.2 * h, 0.5 * h, 0.3 * h, h, 5.0, 3.0, moved_in[k],
                    moved_out[k], moved_in[k] - moved_out[k]))
    for key, n in (('academia', 2.0), ('big_tech', 1.0), ('outside', 1.0)):
        db.execute('INSERT INTO talent_phd VALUES (?, ?, ?, ?)', (date, month, key, n))
    net = moved_in[0] - moved_out[0]
    db.execute('INSERT INTO talent_series VALUES (?, ?, ?, ?, ?, ?, ?)',
               (date, month, max(0.0, (t - launch) / 40.0), net, 0.8 * net, 0.25, 0.3))
db.executemany('INSERT INTO talent_targets VALUES (?,?,?,?,?,?,?,?,?,?)', [
  ('big_tech_inflow', 'Net flow into big tech, mean per month', 168, 50, 171.2, 1, 119.1, 1,
   'fixture', 'value'),
  ('inflow_before_launch', 'Net flow inward each month before the launch', 0, 20, 195.4, 1,
   -12.0, 0, 'fixture', 'each_above'),
  ('stealth_share', 'One in seven big-tech leavers join stealth startups', 0.1429, 0.03, 0.137, 1,
   None, None, 'fixture', 'value'),
  ('move_rate', 'Share changing employer a month', 0.023, 0.007, 0.0231, 1, 0.04, 0, 'fixture',
   'value')])
db.executemany('INSERT INTO talent_parameters VALUES (?, ?, ?, ?)', [
  ('beta_pay', 1.77, 3.0, 'utility of log pay'),
  ('switching_cost', 5.43, 5.0, 'utility cost of changing employer')])
db.commit()
`;

// Copies run B's figures into run A's twin_ tables.
const TWIN = String.raw`
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute('ATTACH ? AS b', (sys.argv[2],))
for t in ('national', 'state_major', 'county_major'):
    db.execute('CREATE TABLE twin_%s AS SELECT * FROM b.%s' % (t, t))
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
  // fast's no-AI twin is baseline (dashboard_effect.mjs).
  execFileSync('/usr/bin/python3', ['-c', TWIN, runs[1], runs[0]], {stdio: 'inherit'});
  return runs;
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
  await territoriesOnTheMap(page, out);
  await oneNumberNationally(page, out);

  // 2. A state chosen from the keyboard: its counties on the map, its table, the panel.
  const pick = withData.find((s) => s.id === '06') || withData[0];
  const name = states.rows.find((r) => r.fips === pick.id).name;
  await noTooltipAfterKeyboard(page, pick.id, name);
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

  // 4. An occupation from the state's most exposed, with the state's figures as the list has
  // them: tasks with capability, retraining.
  const title = await oneNumberInAState(page, name);
  check(
      await page.$$eval('#panel .badge', (b) => b.length) > 0,
      `${title}: no task capability badges`);
  check((await page.textContent('#panel')).includes('Career moves'), `${title}: no career moves table`);
  await page.screenshot({path: join(out, 'dashboard-occupation.png'), fullPage: true});
  console.log(`occupation: ${title}`);
  await searchFindsNurses(page, out, name);
  await puertoRicoMunicipios(page, out);

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
  await distinctTicks(page);
  await tableFits(page);

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

  await talentView(page, out);
  await aiEffectInTheRunView(browser, url, out);

  if (problems.length) throw new Error(`the page had problems:\n  ${problems.join('\n  ')}`);
  await page.close();
}

// The x of each point of a polyline.
const pointXs = (points) => points.trim().split(/\s+/).map((p) => Number(p.split(',')[0]));

async function drawnAs(page, key) {
  await page.waitForFunction(
      (k) => document.querySelector('#talent-view').dataset.drawn === k, key, {timeout: 20000});
  await idle(page);
}

// 7. The AI-talent view of "baseline", then compared with "fast".
async function talentView(page, out) {
  await page.click('#view-buttons [data-view="talent"]');
  // The defaults: December 2022, moves over the nine months from ChatGPT's launch.
  await drawnAs(page, 'baseline||2022-12|2022-12|2023-08');
  check(await page.isHidden('#map'), 'the map is still shown in the talent view');
  const info = await api(page, '/api/runs/baseline/talent');
  check(info.launch === '2022-12', `launch ${info.launch}`);

  // Big tech's net flow: agents and expected, a point for every month from 2019 (the charts'
  // default start), and ChatGPT's launch marked where the lines have December 2022.
  const series = await api(page, '/api/runs/baseline/talent/series');
  const months = series.rows.filter((r) => r.date >= '2019-01');
  const lines = await page.$$eval(
      '#talent-flow svg.chart polyline',
      (ps) => ps.map((p) => ({name: p.dataset.name, points: p.getAttribute('points')})));
  check(
      lines.map((l) => l.name).join() === 'baseline: agents,baseline: expected',
      `net-flow lines: ${lines.map((l) => l.name).join()}`);
  for (const l of lines) {
    check(
        pointXs(l.points).length === months.length,
        `${l.name}: ${pointXs(l.points).length} points, ${months.length} months`);
  }
  const launchX = pointXs(lines[0].points)[months.findIndex((r) => r.date === '2022-12')];
  const events = await page.$$eval(
      '#talent-flow svg.chart line.event', (ls) => ls.map((l) => Number(l.getAttribute('x1'))));
  const labels =
      await page.$$eval('#talent-flow .event-label', (ts) => ts.map((t) => t.textContent));
  const at = labels.findIndex((t) => t.startsWith('ChatGPT launch (Dec 2022)'));
  check(at >= 0, `no ChatGPT launch label: ${labels.join(' / ')}`);
  check(
      Math.abs(events[at] - launchX) < 0.2,
      `launch line at x ${events[at]}, Dec 2022 at ${launchX}`);
  const classes = await page.$$eval('#talent-headcount svg.chart polyline', (p) => p.length);
  check(
      classes === info.employers.length,
      `${classes} headcount lines, ${info.employers.length} classes`);

  // The moves matrix: a cell per origin and destination, its numbers the API's.
  const matrix = async (from, to) => {
    const moves = await api(page, `/api/runs/baseline/talent/moves?from=${from}&to=${to}`);
    const cells = await page.$$eval('#talent-moves td[data-to]', (c) => c.length);
    const n = info.employers.length;
    check(cells === n * n, `moves matrix has ${cells} cells, want ${n} x ${n}`);
    const want = moves.rows.find((r) => r.origin === 'big_tech').to_stealth;
    const shown = parseCount(
        await page.textContent('#talent-moves td[data-from="big_tech"][data-to="stealth"]'));
    check(shown === want, `${from}..${to}: big tech -> stealth shows ${shown}, API ${want}`);
    return want;
  };
  const launchMoves = await matrix('2022-12', '2023-08');
  const employers = await page.$$eval('#talent-employers tbody tr', (r) => r.length);
  check(employers === info.employers.length, `${employers} employer rows`);
  const targets = await api(page, '/api/runs/baseline/talent/targets');
  const targetRows = await page.$$eval('#talent-targets .targets tbody tr', (r) => r.length);
  check(
      targetRows === targets.rows.length, `${targetRows} target rows, API ${targets.rows.length}`);
  await talentFactsInWords(page);
  await page.screenshot({path: join(out, 'dashboard-talent.png'), fullPage: true});

  // From the keyboard: the month slider one month on, then a later start of the moves period.
  await page.focus('#talent-date');
  await page.keyboard.press('ArrowRight');
  await drawnAs(page, 'baseline||2023-01|2022-12|2023-08');
  check(
      (await page.textContent('#talent-employers h3')).includes('January 2023'),
      'the employer table does not show January 2023');
  await page.focus('#talent-from');
  await page.selectOption('#talent-from', '2023-01');
  await drawnAs(page, 'baseline||2023-01|2023-01|2023-08');
  const laterMoves = await matrix('2023-01', '2023-08');
  check(laterMoves < launchMoves, 'a shorter period should have fewer moves');

  // Two runs: both net flows, and the difference in moves into stealth startups and AI labs.
  await page.selectOption('#talent-b', 'fast');
  await drawnAs(page, 'baseline|fast|2023-01|2023-01|2023-08');
  const both = await page.$$eval('#talent-flow svg.chart polyline', (p) => p.length);
  check(both === 4, `compare: ${both} net-flow lines, want 4`);
  const compare = await api(page, '/api/compare/talent?a=baseline&b=fast&from=2023-01&to=2023-08');
  const stealth = compare.rows.find((r) => r.employer === 'stealth');
  const figures =
      await page.$$eval('#talent-compare .figure .value', (v) => v.map((x) => x.textContent));
  check(
      parseCount(figures[0]) === stealth.moved_in_difference && stealth.moved_in_difference > 0,
      `stealth difference shows ${figures[0]}, API ${stealth.moved_in_difference}`);
  const labs = compare.rows.find((r) => r.employer === 'ai_labs');
  check(parseCount(figures[1]) === labs.moved_in_difference, `AI labs difference ${figures[1]}`);
  await page.screenshot({path: join(out, 'dashboard-talent-compare.png'), fullPage: true});
  // Opened on two runs with no period chosen, the moves period is the first year both have run
  // (the fixture's runs start in 2024-01): the levers act from there, not before.
  const address = page.url().split('#')[0];
  await page.goto('about:blank');
  await page.goto(`${address}#view=talent&run=baseline&b=fast`);
  await drawnAs(page, 'baseline|fast|2022-12|2024-01|2024-12');
  console.log(
      `talent: ${months.length} months charted, ${info.employers.length}x` +
      `${info.employers.length} moves, stealth +${stealth.moved_in_difference} in fast`);
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
  check(
      !(await page.isVisible('#view-buttons [data-view="talent"]')),
      'AI talent button shown without runs');
  // Without --runs, the sandbox says how to turn it on.
  await page.click('#view-buttons [data-view="sandbox"]');
  check(
      (await page.textContent('#sb-intro')).includes('floe serve --runs') &&
          !(await page.isVisible('#sb-form')),
      'the sandbox without --runs does not say how to turn it on');
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
