// The sandbox in the system Chromium, end to end on the shipped data: starts `floe serve --runs`
// with one baseline run, opens the Sandbox view, checks that a field shows the schema's range
// and default, shortens the run to 2 months, moves two sliders (adoption's innovation coefficient
// and the chosen state's adoption speed) from the keyboard, runs it at scale 0.001, sees its
// progress and then 100%, finds the run in the scenario selector and compares it with the
// baseline, downloads its TOML (the sliders' values in it), and repeats the run with the command
// the page shows: the two results files hold the same tables, row for row. Screenshots in
// OUT_DIR (sandbox-form.png, sandbox-progress.png, sandbox-done.png, sandbox-compare.png).
//
// Usage: node check_sandbox.mjs FLOE OUT_DIR BASELINE.db [floe data options]
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {chromium} from 'playwright-core';

import {check, CHROMIUM, fail, idle, startServer, stopServer, watch} from './dashboard_lib.mjs';

// Every table of a results file, as sorted rows; the run table without its creation time.
const TABLES = String.raw`
import sqlite3, sys, json
db = sqlite3.connect(sys.argv[1])
out = {}
for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
    rows = db.execute('SELECT * FROM "%s"' % name).fetchall()
    if name == 'run':
        rows = [r for r in rows if r[0] != 'created']
    out[name] = sorted(json.dumps(r) for r in rows)
print(json.dumps(out))
`;

async function main() {
  const [floe, outDir, baseline, ...dataArgs] = process.argv.slice(2);
  if (!floe || !outDir || !baseline)
    fail('usage: node check_sandbox.mjs FLOE OUT_DIR BASELINE.db [data options]');
  mkdirSync(outDir, {recursive: true});
  const work = mkdtempSync(join(tmpdir(), 'floe-sandbox-'));
  const runs = join(work, 'runs');
  const {url, child} = await startServer(floe, ['--runs', runs, '--run', baseline, ...dataArgs]);
  const browser = await chromium.launch({executablePath: CHROMIUM});
  try {
    const page =
        await browser.newPage({viewport: {width: 1400, height: 1000}, acceptDownloads: true});
    const problems = watch(page, url.replace(/\/$/, ''));
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', {timeout: 60000});
    await page.click('#view-buttons button[data-view="sandbox"]');
    await page.waitForSelector('#sb-fields fieldset');
    check(
        await page.isVisible('#sandbox-view') && !(await page.isVisible('#map')),
        'the Sandbox view replaces the map');

    // A field shows its range and default from the schema (the one the TOML reader uses).
    const hint = await page.textContent(
        '#sb-adoption-innovation ~ small, .sb-field:has(#sb-adoption-innovation) small');
    check(
        hint.includes('default 0.0025') && hint.includes('range [0, 1]'),
        `adoption.innovation's hint lacks its default and range: ${hint}`);
    check(
        await page.isVisible('#sb-adoption-state-speed') &&
            await page.inputValue('#sb-state') === 'CA',
        'the state levers are for the chosen state (California first)');
    const scales = await page.$$eval('#sb-scale option', (os) => os.map((o) => o.textContent));
    check(
        scales.some((s) => /0\.001 .*about \d+ s and [\d.]+ GiB for 120 months/.test(s)),
        `the scale choice shows no expected run time: ${scales.join(' | ')}`);

    // Two months instead of 120, and two sliders moved from the keyboard.
    await page.fill('#sb-run-months-n', '2');
    await page.focus('#sb-adoption-innovation');
    for (let i = 0; i < 3; ++i) await page.keyboard.press('ArrowRight');
    await page.focus('#sb-adoption-state-speed');
    for (let i = 0; i < 20; ++i) await page.keyboard.press('ArrowRight');
    const innovation = await page.inputValue('#sb-adoption-innovation-n');
    const speed = await page.inputValue('#sb-adoption-state-speed-n');
    check(
        Number(innovation) > 0.0025 && Number(speed) > 1,
        `the sliders did not move: innovation ${innovation}, CA speed ${speed}`);
    await page.screenshot({path: join(outDir, 'sandbox-form.png'), fullPage: true});

    await page.click('#sb-run');
    await page.waitForSelector('.sb-job[data-id="sandbox-1"]');
    await page.waitForFunction(
        () => /%/.test(
            document.querySelector('.sb-job[data-id="sandbox-1"] .sb-phase')?.textContent));
    await page.screenshot({path: join(outDir, 'sandbox-progress.png')});
    await page.waitForSelector(
        '.sb-job[data-id="sandbox-1"][data-state="done"]', {timeout: 240000});
    const phase = await page.textContent('.sb-job[data-id="sandbox-1"] .sb-phase');
    const bar = await page.$eval('.sb-job[data-id="sandbox-1"] progress', (p) => p.value);
    check(
        phase.includes('100%') && bar === 100, `the run ended without 100%: ${phase}, bar ${bar}`);
    await idle(page);
    await page.screenshot({path: join(outDir, 'sandbox-done.png')});

    // The run is in the selectors; compared with the baseline.
    const options = await page.$$eval('#run-a option', (os) => os.map((o) => o.value));
    check(
        options.includes('sandbox-1') && options.includes('baseline'),
        `the scenario selector lacks the new run: ${options.join(', ')}`);
    await page.click('#view-buttons button[data-view="compare"]');
    await page.selectOption('#run-a', 'baseline');
    await page.selectOption('#run-b', 'sandbox-1');
    await idle(page);
    const title = await page.textContent('#map-title');
    check(/difference/.test(title), `the compare view did not draw: ${title}`);
    await page.screenshot({path: join(outDir, 'sandbox-compare.png')});

    // The TOML, downloaded: the sliders' values in it.
    await page.click('#view-buttons button[data-view="sandbox"]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('.sb-job[data-id="sandbox-1"] a.sb-toml'),
    ]);
    const tomlPath = join(work, 'sandbox-1.toml');
    await download.saveAs(tomlPath);
    const toml = readFileSync(tomlPath, 'utf8');
    const value = (key) => toml.match(new RegExp(`^${key} = (.*)$`, 'm'))?.[1];
    check(
        Number(value('innovation')) === Number(innovation),
        `the TOML has innovation = ${value('innovation')}, the slider ${innovation}`);
    check(
        new RegExp(`CA = ${speed.replace('.', '\\.')}\\b`).test(value('state_speed') || ''),
        `the TOML has state_speed = ${value('state_speed')}, the slider CA ${speed}`);
    check(value('months') === '2', `the TOML has months = ${value('months')}`);

    // The command the page shows repeats the run exactly.
    const command = await page.textContent('.sb-job[data-id="sandbox-1"] code');
    const words = command.split(' ');
    check(
        words[0] === 'floe' && words[1] === 'simulate', `not a floe simulate command: ${command}`);
    const again = join(work, 'again.db');
    const args = words.slice(1).map(
        (w) =>
            (w === 'sandbox-1.toml'   ? tomlPath :
                 w === 'sandbox-1.db' ? again :
                                        w));
    execFileSync(floe, args, {stdio: ['ignore', 'ignore', 'pipe']});
    const tables = (db) =>
        execFileSync('python3', ['-c', TABLES, db], {maxBuffer: 1 << 30}).toString();
    const a = JSON.parse(tables(join(runs, 'sandbox-1.db'))), b = JSON.parse(tables(again));
    check(
        Object.keys(a).length > 4 &&
            JSON.stringify(Object.keys(a)) === JSON.stringify(Object.keys(b)),
        `the repeated run has other tables: ${Object.keys(b)} against ${Object.keys(a)}`);
    for (const name of Object.keys(a)) {
      check(
          JSON.stringify(a[name]) === JSON.stringify(b[name]),
          `table ${name} differs in the repeated run`);
    }
    check(problems.length === 0, `problems in the page:\n${problems.join('\n')}`);
    console.log(
        `ok: sandbox run at scale 0.001 (innovation ${innovation}, CA adoption speed ${speed}), ` +
        `compared, its TOML repeated from the CLI to the same ${Object.keys(a).length} tables`);
  } finally {
    await browser.close();
    await stopServer(child);
    rmSync(work, {recursive: true, force: true});
  }
}

main().catch((e) => fail(e.stack || e.message));
