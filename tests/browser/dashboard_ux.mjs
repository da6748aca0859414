// What a new user meets in the dashboard, checked in the browser (issue 16): the territories on
// the map, no stale tooltip after a state is chosen from the keyboard, the occupation search,
// one value for each figure (a table's row and the occupation page agree, and the page says
// whose figures they are), a territory's county view, time-series ticks that read differently,
// a table that fits its card and the talent facts in words. Each check takes the page as
// check_dashboard.mjs leaves it and says in its name what it leaves.
import {join} from 'node:path';

import {api, check, fills, idle, NO_DATA} from './dashboard_lib.mjs';

const TERRITORIES = {
  '72': 'Puerto Rico',
  '78': 'Virgin Islands',
  '66': 'Guam'
};

// The nation's map: Puerto Rico, the Virgin Islands and Guam drawn, in their colors, each in a
// framed box inside the map.
export async function territoriesOnTheMap(page, out) {
  const colors = new Map(await fills(page));
  const shapes = await api(page, '/api/map/states');
  check(shapes.insets.length === 3, `${shapes.insets.length} territory boxes, want 3`);
  for (const [fips, name] of Object.entries(TERRITORIES)) {
    check(colors.get(fips) && colors.get(fips) !== NO_DATA, `${name} not drawn in a data color`);
    const box = await page.$eval(`#map path.area[data-id="${fips}"]`, (p) => {
      const b = p.getBBox();
      return [b.x, b.y, b.x + b.width, b.y + b.height];
    });
    const frame = shapes.insets.find((i) => i.id === fips).box;
    check(
        box[0] >= frame[0] && box[1] >= frame[1] && box[2] <= frame[2] && box[3] <= frame[3],
        `${name} drawn at ${box} outside its box ${frame}`);
  }
  check(
      await page.$$eval('#map .inset-frame', (f) => f.length) === 3, 'no frames around the boxes');
  check(
      (await page.textContent('#map-note')).includes('Puerto Rico, the U.S. Virgin Islands'),
      'the map note does not say where the territories are');
  await page.locator('#map').screenshot({path: join(out, 'dashboard-territories.png')});
  console.log('territories: Puerto Rico, the Virgin Islands and Guam in their boxes');
}

// A tooltip shown over one state, then another state chosen from the "Go to" list with the
// keyboard: the map is redrawn and no tooltip is left. Leaves the page on `name`'s counties.
export async function noTooltipAfterKeyboard(page, fips, name) {
  const texas = page.locator('#map path.area[data-id="48"]');
  const b = await texas.boundingBox();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  await page.waitForSelector('.tooltip:not([hidden])');
  check((await page.textContent('.tooltip')).startsWith('Texas'), 'no Texas tooltip');
  await page.focus('#state-select');
  await page.keyboard.type(name);  // a closed <select> jumps to the option typed and changes
  await page.waitForFunction(
      (n) => document.querySelector('#map-title').textContent.startsWith(n), name);
  await idle(page);
  check(await page.$eval('#state-select', (s) => s.value) === fips, `${name} not chosen`);
  check(await page.isHidden('.tooltip'), 'the Texas tooltip is still shown');
  console.log(`tooltip: gone after choosing ${name} from the keyboard`);
}

// The figures of a table row: its cells' text, by column position (the first is the title).
async function rowCells(row) {
  return row.$$eval('th, td', (cells) => cells.map((c) => c.textContent.trim()));
}

// Opens the occupation of a panel table's row and checks that the page shows its workers and
// mean wage as the row does, in the section of `scope` ('nation' or 'state'). The columns are
// found by their headings, Workers and Mean wage (js/panel.js). Returns the occupation's title.
async function sameFiguresAsTheRow(page, table, rowIndex, scope) {
  const row = page.locator(`${table} tbody tr`).nth(rowIndex);
  const headings = await page.locator(`${table} thead th`).allTextContents();
  const cells = await rowCells(await row.elementHandle());
  const title = cells[0];
  const workers = cells[headings.findIndex((h) => h.trim() === 'Workers')];
  const wage = cells[headings.findIndex((h) => h.trim() === 'Mean wage')];
  await row.locator('button.row-link').click();
  await page.waitForFunction((t) => document.querySelector('#panel h2')?.textContent === t, title);
  await idle(page);
  const figure = (name) =>
      page.textContent(`#panel [data-scope="${scope}"] dd[data-figure="${name}"]`);
  const shownWorkers = (await figure('employment')).replace(' (estimated)', '');
  const shownWage = (await figure('mean_wage')).replace(/ \(national.*\)$/, '');
  check(shownWorkers === workers, `${title}: table ${workers} workers, panel ${shownWorkers}`);
  check(shownWage === wage, `${title}: table wage ${wage}, panel ${shownWage}`);
  console.log(`one number (${scope}): ${title}: ${workers} workers, ${wage} in table and panel`);
  return title;
}

// From the nation: the most exposed occupations' table and the occupation page agree, and the
// page says its figures are national; the API's figure is the one both show. Back to the nation.
export async function oneNumberNationally(page, out) {
  const table = '#panel .table-card:has(h3:text-matches("Most exposed occupations"))';
  const title = await sameFiguresAsTheRow(page, table, 0, 'nation');
  check(
      (await page.textContent('#panel [data-scope-line]')).startsWith('National figures'),
      `${title}: the page does not say its figures are national`);
  check(await page.$('#panel [data-scope="state"]') === null, 'state figures without a state');
  const soc = (await page.textContent('#panel .note')).match(/SOC (\S+)/)[1];
  const list = await api(page, `/api/occupations?q=${soc}`);
  const pageJson = await api(page, `/api/occupations/${soc}`);
  check(
      list.rows[0].employment === pageJson.profile.rows[0].employment &&
          list.rows[0].mean_wage === pageJson.profile.rows[0].mean_wage,
      `${soc}: the list and the page's API differ`);
  await page.screenshot({path: join(out, 'dashboard-one-number.png'), fullPage: true});
  await page.click('#panel .back');
  await page.waitForFunction(
      () => document.querySelector('#panel h2')?.textContent === 'United States');
  await idle(page);
}

// In a state: its occupations' table and the page's state figures agree; the page names the
// state and still shows the national figures below. Leaves the occupation's page open.
export async function oneNumberInAState(page, name) {
  const table = '#panel section:nth-of-type(3)';
  const title = await sameFiguresAsTheRow(page, table, 0, 'state');
  check(
      (await page.textContent('#panel [data-scope-line]')).includes(`Figures for ${name}`),
      `${title}: the page does not say its figures are ${name}'s`);
  check(
      (await page.textContent('#panel [data-scope="state"] h3')).startsWith(name),
      `${title}: the state figures are not headed ${name}`);
  check(await page.$('#panel [data-scope="nation"]'), `${title}: no national figures`);
  return title;
}

// The search finds "nurse" in the chosen state, and a result opens that occupation's page.
export async function searchFindsNurses(page, out, name) {
  await page.fill('#search-input', 'nurse');
  await page.waitForFunction(() => document.querySelectorAll('#search-results button').length > 0);
  const found =
      await page.$$eval('#search-results .result-title', (t) => t.map((x) => x.textContent));
  check(found.includes('Registered Nurses'), `search "nurse" found ${found.join(', ')}`);
  check(
      found.every((t) => t.toLowerCase().includes('nurse')),
      `search "nurse" found others: ${found.join(', ')}`);
  const status = await page.textContent('#search-status');
  check(status.includes(`in ${name}`), `the search does not say it looked in ${name}: ${status}`);
  await page.screenshot({path: join(out, 'dashboard-search.png'), fullPage: true});
  await page.click('#search-results button:has-text("Registered Nurses")');
  await page.waitForFunction(
      () => document.querySelector('#panel h2')?.textContent === 'Registered Nurses');
  await idle(page);
  check(await page.$('#panel [data-scope="state"]'), `Registered Nurses: no ${name} figures`);
  await page.fill('#search-input', '');
  console.log(`search: "nurse" finds ${found.length} occupations in ${name}`);
}

// Puerto Rico's county view: its 78 municipios from the atlas, all in the island's color, a
// note that they show the territory as a whole, and no failed request on the way.
export async function puertoRicoMunicipios(page, out) {
  await page.selectOption('#state-select', '72');
  await page.waitForFunction(
      () => document.querySelector('#map-title').textContent.startsWith('Puerto Rico'));
  await idle(page);
  const municipios = await fills(page);
  check(municipios.length === 78, `Puerto Rico: ${municipios.length} municipios, want 78`);
  check(
      municipios.every(([, f]) => f !== NO_DATA && f === municipios[0][1]),
      'Puerto Rico: municipios not all in the territory\'s color');
  const note = await page.textContent('#map-note');
  check(note.includes('municipios'), `Puerto Rico: the note does not explain: ${note}`);
  await page.screenshot({path: join(out, 'dashboard-puerto-rico.png'), fullPage: true});
  console.log(`Puerto Rico: ${municipios.length} municipios; "${note.slice(0, 60)}..."`);
}

// The y ticks of a chart whose values span 3.70%-3.81%: round steps of 0.025 points from 3.700%
// to 3.825% (six ticks), which at one decimal would read 3.7%, 3.7%, 3.8% ...; with two they
// differ, the first reading 3.70%.
export async function distinctTicks(page) {
  const labels = await page.evaluate(async () => {
    const {lineChart} = await import('/js/chart.js');
    const {formatValue} = await import('/js/format.js');
    const box = document.createElement('div');
    lineChart(box, {
      series: [{name: 'a', color: '#000', points: [[0, 0.037], [1, 0.0376], [2, 0.0381]]}],
      format: (v, decimals = 1) => formatValue(v, {kind: 'share', precision: decimals}),
    });
    return [...box.querySelectorAll('.y-tick')].map((t) => t.textContent);
  });
  check(labels.length === 6, `ticks ${labels.join(', ')}: want 6`);
  check(new Set(labels).size === labels.length, `repeated tick labels: ${labels.join(', ')}`);
  check(labels[0] === '3.70%', `first tick ${labels[0]}, want 3.70%`);
  const series = await page.$$eval('#series-card .y-tick', (t) => t.map((x) => x.textContent));
  check(new Set(series).size === series.length, `series ticks repeat: ${series.join(', ')}`);
  console.log(`ticks: ${labels.join(', ')}`);
}

// The table under the map shows every column without scrolling sideways.
export async function tableFits(page) {
  const [scroll, client] =
      await page.$eval('#main-table .table-scroll', (s) => [s.scrollWidth, s.clientWidth]);
  check(scroll <= client + 1, `the table is ${scroll}px wide in a ${client}px card: clipped`);
}

// The talent facts in words: what each target asks for, and a note on small runs' agents.
export async function talentFactsInWords(page) {
  const goals = await page.$$eval(
      '#talent-targets .targets tbody tr td:nth-child(2)', (c) => c.map((x) => x.textContent));
  check(goals.includes('≥ 0 every month'), `targets: ${goals.join(' / ')}`);
  check(goals.includes('168 ± 50'), `targets: ${goals.join(' / ')}`);
  const notes = await page.textContent('#talent-targets .table-foot');
  check(notes.includes('noisy'), `no note on small runs: ${notes}`);
  console.log(`talent facts: ${goals.join(' / ')}`);
}
