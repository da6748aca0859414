// floe dashboard: a state choropleth of the Iceberg Index -> a state's counties -> its
// occupations -> one occupation's tasks and retraining options; and simulation runs by month,
// alone or two side by side; and where AI talent goes (js/talent.js). An occupation search
// (js/search.js) opens any occupation. Data from floe serve's API (src/serve/README.md).
import {csvUrl, getJson} from './js/api.js';
import {lineChart} from './js/chart.js';
import {agentsByPlace, effectHeadline, FEW_AGENTS, fewAgentsLabel, renderEffectTable} from './js/effect.js';
import {el, formatDifference, formatValue, monthLabel, percent} from './js/format.js';
import {drawLegend, drawMap, hideTip} from './js/map.js';
import {mapUnit, mapValue, metricInfo, metricValue, RUN_METRICS, sumRows} from './js/metrics.js';
import {nationPanel, occupationPanel, statePanel} from './js/panel.js';
import {setupSandbox} from './js/sandbox.js';
import {divergingScale, sequentialScale} from './js/scale.js';
import {setupSearch} from './js/search.js';
import {renderTable} from './js/table.js';
import {drawTalent, readTalentHash, setupTalent, talentRuns, writeTalentHash} from './js/talent.js';

const $ = (id) => document.getElementById(id);

const app = {
  meta: null,
  view: 'iceberg',   // iceberg | surface | run | compare | talent | sandbox
  state: null,       // selected state FIPS
  occupation: null,  // SOC code shown in the panel
  run: null,
  runB: null,
  month: 0,
  metric: 'unemployment_rate',
  states: null,       // /api/states rows by FIPS
  drawing: 0,         // counts redraws: a drawing that finds it changed was overtaken, and stops
  searchAgain: null,  // re-runs the occupation search (for another state)
};

// Throws when a newer redraw has started since `drawing`: answers can arrive out of order (the
// slider, the play button), and the latest choice must win.
class Overtaken extends Error {}
function current(drawing) {
  if (drawing !== app.drawing) throw new Overtaken();
}

function status(text, error = false) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', error);
}

async function guarded(work) {
  try {
    await work();
    status('');
  } catch (e) {
    if (e instanceof Overtaken) return;
    console.error(e);
    status(`Could not load: ${e.message}`, true);
  }
}

const runInfo = (id) => app.meta.runs.find((r) => r.id === id);
const simulated = () => app.view === 'run' || app.view === 'compare';
const stateRow = (fips) => app.states && app.states.get(fips);

// The month with county figures to show for the chosen month: the latest not after it.
function countyMonth() {
  const months = runInfo(app.run).county_months.filter((m) => m <= app.month);
  return months.length ? months[months.length - 1] : runInfo(app.run).county_months[0];
}

// ---- the map -------------------------------------------------------------------------------

function indexLabel(name, row) {
  if (!row) return `${name}: no data`;
  return `${name}: Iceberg index ${percent(row.iceberg)}, surface index ${percent(row.surface)}`;
}

async function stateValues() {
  // Per state FIPS: {value, label}.
  const out = new Map();
  if (!simulated()) {
    for (const [fips, row] of app.states) {
      out.set(fips, {value: row[app.view], label: indexLabel(row.name, row)});
    }
    return out;
  }
  const m = metricInfo(app.metric);
  const a = await getJson(`/api/runs/${app.run}/states`, {month: app.month});
  // States resting on too few agents are grey, their tooltip says why (docs/dashboard.md).
  const few = (agents, row) => {
    if (!(agents < FEW_AGENTS)) return false;
    out.set(row.fips, {value: NaN, label: fewAgentsLabel(row.name, agents)});
    return true;
  };
  const agentsA = await agentsByPlace(app.run, 'states', {month: app.month});
  if (app.view === 'run') {
    for (const row of a.rows) {
      if (few(agentsA.get(row.fips), row)) continue;
      out.set(row.fips, {
        value: mapValue(row, m.name),
        label: `${row.name}: ${m.label} ${formatValue(metricValue(row, m.name), m)}`
      });
    }
    return out;
  }
  const b = await getJson(`/api/runs/${app.runB}/states`, {month: app.month});
  const agentsB = await agentsByPlace(app.runB, 'states', {month: app.month});
  const rowsB = new Map(b.rows.map((r) => [r.fips, r]));
  for (const row of a.rows) {
    const other = rowsB.get(row.fips);
    if (!other) continue;
    // The fewer of the two runs' agents counts.
    if (few(Math.min(agentsA.get(row.fips), agentsB.get(row.fips)), row)) continue;
    const d = mapValue(other, m.name) - mapValue(row, m.name);
    const raw = metricValue(other, m.name) - metricValue(row, m.name);
    out.set(row.fips, {
      value: d,
      label: `${row.name}: ${m.label} ${formatDifference(raw, m)} ` +
          `(${app.runB} − ${app.run})`
    });
  }
  return out;
}

// Values per county map group (a 2017 shape may stand for several 2023 counties).
async function countyValues(map) {
  const out = new Map();
  const names = (g) => g.counties.map((c) => c.name).join(' + ');
  if (!simulated()) {
    const t = await getJson('/api/counties', {state: app.state});
    const byFips = new Map(t.rows.map((r) => [r.fips, r]));
    map.groups.forEach((g, i) => {
      const rows = g.counties.map((c) => byFips.get(c.fips)).filter(Boolean);
      if (!rows.length) return;
      const wage = rows.reduce((s, r) => s + r.wage_bill, 0);
      const exposed = rows.reduce((s, r) => s + r.exposed_wages, 0);
      const surface = rows.reduce((s, r) => s + r.surface * r.wage_bill, 0);
      const workers = rows.reduce((s, r) => s + r.exposed_workers, 0);
      const value = app.view === 'surface' ? surface / wage : exposed / wage;
      out.set(i, {
        value,
        circle: workers,
        label: `${names(g)}: ${app.view === 'surface' ? 'surface' : 'Iceberg'} index ` +
            `${percent(value)} (its state's); ${Math.round(workers).toLocaleString('en-US')} ` +
            'exposure-weighted workers'
      });
    });
    return out;
  }
  const m = metricInfo(app.metric);
  const month = countyMonth();
  const load = (run) => getJson(`/api/runs/${run}/counties`, {month, state: app.state})
                            .then((t) => new Map(t.rows.map((r) => [r.fips, r])));
  const a = await load(app.run);
  const b = app.view === 'compare' ? await load(app.runB) : null;
  const agents = [app.run, ...(b ? [app.runB] : [])].map(
      (run) => agentsByPlace(run, 'counties', {month, state: app.state}));
  const agentsOf = (byFips, g) =>
      g.counties.reduce((sum, c) => sum + (byFips.get(c.fips) || 0), 0);
  const agentMaps = await Promise.all(agents);
  map.groups.forEach((g, i) => {
    const ra = sumRows(g.counties.map((c) => a.get(c.fips)).filter(Boolean));
    if (!ra) return;
    const fewest = Math.min(...agentMaps.map((byFips) => agentsOf(byFips, g)));
    if (fewest < FEW_AGENTS) {
      out.set(i, {value: NaN, label: fewAgentsLabel(names(g), fewest)});
      return;
    }
    if (!b) {
      out.set(i, {
        value: mapValue(ra, m.name),
        label: `${names(g)}: ${m.label} ${formatValue(metricValue(ra, m.name), m)} (month ${month})`
      });
      return;
    }
    const rb = sumRows(g.counties.map((c) => b.get(c.fips)).filter(Boolean));
    if (!rb) return;
    const raw = metricValue(rb, m.name) - metricValue(ra, m.name);
    out.set(i, {
      value: mapValue(rb, m.name) - mapValue(ra, m.name),
      label: `${names(g)}: ${m.label} ${formatDifference(raw, m)} (month ${month})`
    });
  });
  return out;
}

function legendFormat() {
  if (!simulated()) return (v, scale) => percent(v, scale.decimals ?? 1);
  const m = metricInfo(app.metric);
  if (m.kind === 'share') {
    return app.view === 'compare' ? (v) => `${v > 0 ? '+' : ''}${+ (100 * v).toFixed(2)}` :
                                    (v, scale) => percent(v, scale.decimals ?? 1);
  }
  return (v) => `${app.view === 'compare' && v > 0 ? '+' : ''}${+ v.toPrecision(3)}`;
}

function legendCaption() {
  if (!simulated()) {
    return app.view === 'surface' ? 'Surface index (share of wages)' :
                                    'Iceberg index (share of wages)';
  }
  const m = metricInfo(app.metric);
  const unit =
      m.kind === 'share' && app.view === 'compare' ? ' (percentage points)' : mapUnit(m.name);
  return app.view === 'compare' ? `${m.label}${unit}: ${app.runB} minus ${app.run}` :
                                  `${m.label}${unit}, ${monthLabel(app.month)}`;
}

// Differences are diverging around zero; everything else sequential over the values given.
async function scaleFor(values) {
  return app.view === 'compare' ? divergingScale(values, metricInfo(app.metric).higherIsWorse) :
                                  sequentialScale(values, simulated());
}

async function drawMainMap(drawing) {
  const svg = $('map');
  const m = metricInfo(app.metric);
  const what = simulated() ? m.label : app.view === 'surface' ? 'Surface index' : 'Iceberg index';
  $('circle-legend').replaceChildren();
  if (!app.state) {
    const [shapes, values] = await Promise.all([getJson('/api/map/states'), stateValues()]);
    const scale = await scaleFor([...values.values()].map((v) => v.value));
    current(drawing);
    $('map-title').textContent = `${what} by state${app.view === 'compare' ? ': difference' : ''}`;
    svg.setAttribute('aria-label', `Map of ${what} by state; choose a state for its counties`);
    drawMap(svg, shapes, {
      kind: 'state',
      fill: (s) => scale.color(values.get(s.id)?.value),
      label: (s) => values.get(s.id)?.label || `${s.name}: no data`,
      onSelect: (s) => (stateRow(s.id) ? selectState(s.id) : null),
    });
    drawLegend($('legend'), scale, {caption: legendCaption(), format: legendFormat()});
    const territories = shapes.insets?.length ?
        ' Puerto Rico, the U.S. Virgin Islands and Guam are drawn in boxes at the lower right, ' +
            'each at its own scale.' :
        '';
    $('map-note').textContent =
        (simulated() ?
             'Click a state for its counties, its occupations and its path over time.' :
             'Click a state (or use “Go to a state”) for its counties and occupations. State ' +
                 'employment is estimated from occupation-cluster margins.') +
        territories;
    return;
  }
  const row = stateRow(app.state);
  const map = await getJson('/api/map/counties', {state: app.state});
  if (!map.shapes.length) {
    current(drawing);
    svg.replaceChildren();
    hideTip();
    $('legend').replaceChildren();
    $('map-title').textContent = `${row.name}: no county map`;
    $('map-note').textContent = map.note;
    return;
  }
  // Colors on the national scale in the index views, so the state keeps its map color.
  const national = await stateValues();
  const values = await countyValues(map);
  const basis = simulated() ? [...values.values()].map((v) => v.value) :
                              [...national.values()].map((v) => v.value);
  const scale = await scaleFor(basis);
  current(drawing);
  const circles = [];
  if (!simulated()) {
    const [x0, , x1] = map.bounds;
    const rmax = 0.045 * (x1 - x0);
    const vmax = Math.max(...[...values.values()].map((v) => v.circle || 0));
    map.groups.forEach((g, i) => {
      const v = values.get(i);
      if (v && v.circle > 0) {
        circles.push(
            {x: g.center[0], y: g.center[1], r: rmax * Math.sqrt(v.circle / vmax), label: v.label});
      }
    });
    $('circle-legend')
        .replaceChildren(el('span', {class: 'dot'}), 'Circle area: exposure-weighted workers');
  }
  $('map-title').textContent =
      `${row.name}: ${what} by county` + (simulated() ? `, month ${countyMonth()}` : '');
  svg.setAttribute('aria-label', `Map of ${row.name}'s counties`);
  drawMap(svg, map, {
    kind: 'county',
    fill: (s) => scale.color(s.group === null ? null : values.get(s.group)?.value),
    label: (s) =>
        (s.group === null ? `${s.name}: no data` :
                            values.get(s.group)?.label || `${s.name}: no data`),
    circles,
  });
  drawLegend($('legend'), scale, {caption: legendCaption(), format: legendFormat()});
  // A territory's map: its municipios or islands all show the territory's figures (map.note).
  $('map-note').textContent = map.note ||
      (simulated() ?
           `County figures are written every 12 months and at the end: showing month ${
               countyMonth()}.` :
           `A county's shares (Iceberg, Surface) equal its state's: county employment is the ` +
               `state's scaled by population, so counties differ in counts (workers, dollars), ` +
               `not in shares.`);
}

// ---- the table under the map ----------------------------------------------------------------

async function drawMainTable(drawing) {
  const box = $('main-table');
  const onState = (row) => selectState(row.fips);
  if (app.view === 'compare') {
    const params = {a: app.run, b: app.runB, month: app.month, metric: app.metric};
    const t = await getJson('/api/compare', params);
    current(drawing);
    renderTable(box, t, {
      caption: `${metricInfo(app.metric).label} by state, ${monthLabel(app.month)}: ` +
          `${app.runB} − ${app.run}`,
      csv: csvUrl('/api/compare', params),
      columns: ['name', 'value_a', 'value_b', 'difference'],
      format: {difference: (v) => formatDifference(v, {kind: metricInfo(app.metric).kind})},
      onRow: onState,
      rowLabel: (r) => `${r.name}: show its counties`,
      selected: (r) => r.fips === app.state,
    });
    return;
  }
  if (app.view === 'run') {
    // The AI effect against the run's no-AI twin, ranked; places with few agents last, greyed.
    if (app.state) {
      const month = countyMonth();
      const params = {month, state: app.state};
      const t = await getJson(`/api/runs/${app.run}/effect/counties`, params);
      current(drawing);
      renderEffectTable(box, t, {
        caption: `Counties of ${stateRow(app.state).name}, month ${month}: ${app.run}, ` +
            'AI effect against its no-AI twin',
        csv: csvUrl(`/api/runs/${app.run}/effect/counties`, params),
        nameColumn: 'name',
        limit: 25
      });
    } else {
      const params = {month: app.month};
      const t = await getJson(`/api/runs/${app.run}/effect/states`, params);
      current(drawing);
      renderEffectTable(box, t, {
        caption: `States, ${monthLabel(app.month)}: ${app.run}, AI effect against its no-AI twin`,
        csv: csvUrl(`/api/runs/${app.run}/effect/states`, params),
        nameColumn: 'name',
        onRow: onState,
        rowLabel: (r) => `${r.name}: show its counties`
      });
    }
    return;
  }
  if (app.state) {
    const params = {state: app.state, sort: 'employment'};
    const t = await getJson('/api/counties', params);
    current(drawing);
    renderTable(box, t, {
      caption: `Counties of ${stateRow(app.state).name}, most workers first`,
      csv: csvUrl('/api/counties', params),
      columns: [
        'name', 'employment', 'exposed_workers', 'wage_bill', 'exposed_wages', 'iceberg', 'surface'
      ],
      labels: {employment: 'Workers'},
      limit: 25,
    });
    return;
  }
  const t = await getJson('/api/states');
  current(drawing);
  renderTable(box, t, {
    caption: 'States, most exposed first',
    csv: csvUrl('/api/states'),
    columns: [
      'name', 'iceberg', 'iceberg_low', 'iceberg_high', 'surface', 'gap', 'exposed_wages',
      'employment'
    ],
    labels: {iceberg_low: 'Low', iceberg_high: 'High', employment: 'Workers'},
    onRow: onState,
    rowLabel: (r) => `${r.name}: show its counties`,
    selected: (r) => r.fips === app.state,
  });
}

// ---- the national series (simulation views) -----------------------------------------------

async function drawSeries(drawing) {
  const card = $('series-card');
  card.hidden = !simulated();
  if (!simulated()) return;
  const m = metricInfo(app.metric);
  const runs = [app.run, ...(app.view === 'compare' ? [app.runB] : [])];
  const tables = await Promise.all(runs.map((r) => getJson(`/api/runs/${r}/series`)));
  // In the run view, the no-AI twin beside the run and the AI effect at the chosen month.
  const hasTwin = app.view === 'run' && runInfo(app.run).twin;
  const effect = app.view === 'run' ? await getJson(`/api/runs/${app.run}/effect`) : null;
  current(drawing);
  const twinColumn = {
    unemployment_rate: 'twin_unemployment_rate',
    employed: 'twin_employed',
    wage_bill: 'twin_wage_bill'
  }[m.name];
  const chart = el('div');
  card.replaceChildren(
      el('div', {class: 'series-head'}, el('h2', {}, `United States: ${m.label} by month`),
         el('a', {
           class: 'button csv',
           href: csvUrl(`/api/runs/${app.run}/series`),
           download: '',
           'aria-label': 'Download the national series as CSV'
         },
            'CSV ↓')),
      ...(effect ? [effectHeadline(effect, app.month, hasTwin)] : []), chart);
  const series = tables.map((t, i) => ({
                              name: runs[i],
                              color: ['#123d6e', '#e8590c'][i],
                              points: t.rows.map((r) => [r.month, metricValue(r, m.name)])
                            }));
  if (hasTwin && twinColumn) {
    // Both lines from the effect table, so that they are the same measure (docs/model.md §16).
    series[0].points = effect.rows.map((r) => [r.month, r[m.name]]);
    series.push({
      name: 'no-AI twin',
      color: '#123d6e',
      dashed: true,
      points: effect.rows.map((r) => [r.month, r[twinColumn]])
    });
  }
  lineChart(chart, {
    caption: `${m.label} in the United States by month`,
    series,
    format: (v, decimals = 1) => formatValue(v, {kind: m.kind, precision: decimals}),
    integer: m.kind === 'count',
    marker: app.month,
  });
}

// ---- the side panel ------------------------------------------------------------------------

function panelContext(drawing) {
  return {
    current: () => current(drawing),
    meta: app.meta,
    run: simulated() ? app.run : null,
    runB: app.view === 'compare' ? app.runB : null,
    month: app.month,
    metric: app.metric,
    state: app.state,
    stateName: app.state ? stateRow(app.state).name : null,
    selectState,
    showOccupation,
  };
}

async function drawPanel(drawing) {
  const panel = $('panel');
  const ctx = panelContext(drawing);
  if (app.occupation) return occupationPanel(panel, ctx, app.occupation);
  if (app.state) return statePanel(panel, ctx, app.state);
  return nationPanel(panel, ctx);
}

// ---- navigation ----------------------------------------------------------------------------

function drawCrumbs() {
  const crumbs = $('crumbs');
  const parts = [];
  if (app.state) {
    parts.push(
        el('button', {type: 'button', onclick: () => selectState(null)}, 'United States'),
        el('span', {class: 'sep', 'aria-hidden': 'true'}, '›'),
        el('span', {'aria-current': 'page'}, stateRow(app.state).name));
  } else {
    parts.push(el('span', {'aria-current': 'page'}, 'United States'));
  }
  crumbs.replaceChildren(...parts);
  $('state-select').value = app.state || '';
}

function writeHash() {
  const p = new URLSearchParams();
  if (app.view !== 'iceberg') p.set('view', app.view);
  if (app.view === 'talent') {
    writeTalentHash(p);
    history.replaceState(null, '', `#${p}`);
    return;
  }
  if (app.state) p.set('state', app.state);
  if (app.occupation) p.set('occupation', app.occupation);
  if (simulated()) {
    p.set('run', app.run);
    if (app.view === 'compare') p.set('b', app.runB);
    p.set('month', app.month);
    p.set('metric', app.metric);
  }
  history.replaceState(null, '', p.toString() ? `#${p}` : location.pathname);
}

function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  const runs = app.meta.runs.map((r) => r.id);
  if (['surface', 'iceberg'].includes(p.get('view'))) app.view = p.get('view');
  if (p.get('view') === 'run' && runs.length) app.view = 'run';
  if (p.get('view') === 'compare' && runs.length > 1) app.view = 'compare';
  if (p.get('view') === 'sandbox') app.view = 'sandbox';
  if (p.get('view') === 'talent' && talentRuns(app.meta).length) {
    app.view = 'talent';
    readTalentHash(p);
    return;
  }
  if (runs.includes(p.get('run'))) app.run = p.get('run');
  if (runs.includes(p.get('b'))) app.runB = p.get('b');
  if (RUN_METRICS.some((m) => m.name === p.get('metric'))) app.metric = p.get('metric');
  const month = Number(p.get('month'));
  if (Number.isInteger(month) && month >= 0) app.month = month;
  if (p.get('state') && stateRow(p.get('state'))) app.state = p.get('state');
  if (p.get('occupation')) app.occupation = p.get('occupation');
}

async function redraw({map = true, table = true, panel = true} = {}) {
  writeHash();
  drawCrumbs();
  drawControls();
  const drawing = ++app.drawing;
  // The talent view and the sandbox have their own controls and cards in place of the map,
  // table and panel.
  const talent = app.view === 'talent';
  const sandbox = app.view === 'sandbox';
  document.querySelector('main.layout').hidden = talent || sandbox;
  $('talent-view').hidden = !talent;
  $('talent-controls').hidden = !talent;
  $('sandbox-view').hidden = !sandbox;
  const skipTo = {talent: '#talent-view', sandbox: '#sandbox-view'}[app.view] || '#panel';
  document.querySelector('.skip').setAttribute('href', skipTo);
  if (talent) return guarded(() => drawTalent(() => current(drawing)));
  if (sandbox) return;
  const work = [];
  if (map) work.push(drawMainMap(drawing), drawSeries(drawing));
  if (table) work.push(drawMainTable(drawing));
  if (panel) work.push(drawPanel(drawing));
  await guarded(() => Promise.all(work));
}

function selectState(fips) {
  hideTip();
  app.state = fips || null;
  app.occupation = null;
  redraw();
  app.searchAgain?.();  // the search looks in the state chosen
  if (fips) $('panel').focus({preventScroll: true});
}

function showOccupation(soc) {
  app.occupation = soc;
  redraw({map: false, table: false});
  $('panel').focus({preventScroll: true});
}

// ---- the view switch and the simulation controls --------------------------------------------

function monthRange() {
  const a = runInfo(app.run);
  const b = app.view === 'compare' ? runInfo(app.runB) : a;
  return [Math.max(a.first_month, b.first_month), Math.min(a.last_month, b.last_month)];
}

function drawControls() {
  for (const b of document.querySelectorAll('#view-buttons button')) {
    b.setAttribute('aria-pressed', String(b.dataset.view === app.view));
  }
  $('sim-controls').hidden = !simulated();
  if (!simulated()) return;
  $('run-a').value = app.run;
  $('run-b').value = app.runB;
  $('run-b-label').hidden = app.view !== 'compare';
  $('metric').value = app.metric;
  const [lo, hi] = monthRange();
  app.month = Math.min(Math.max(app.month, lo), hi);
  const slider = $('month');
  slider.min = lo;
  slider.max = hi;
  slider.value = app.month;
  slider.setAttribute('aria-valuetext', monthLabel(app.month));
  $('month-label').textContent = monthLabel(app.month);
}

let playing = null;
function stopPlaying() {
  if (playing) clearInterval(playing);
  playing = null;
  $('play').textContent = '▶';
  $('play').setAttribute('aria-label', 'Play the months');
}

// The view buttons, the run selectors and the note for the runs in app.meta (again when the
// sandbox adds one).
function showRuns() {
  const runs = app.meta.runs;
  for (const b of document.querySelectorAll('#view-buttons button')) {
    if (b.dataset.view === 'run') b.hidden = runs.length === 0;
    if (b.dataset.view === 'compare') b.hidden = runs.length < 2;
    if (b.dataset.view === 'talent') b.hidden = talentRuns(app.meta).length === 0;
  }
  const note = $('sim-note');
  note.hidden = runs.length > 1;
  if (runs.length === 0) {
    note.hidden = false;
    note.replaceChildren(
        'No simulation runs are loaded. Scenario and comparison views appear when ' +
            'the dashboard is started with runs: ',
        el('code', {}, 'floe serve --run out/baseline.db --run out/fast.db'), ' (files written by ',
        el('code', {}, 'floe simulate'), ').');
  } else if (runs.length === 1) {
    note.hidden = false;
    note.textContent =
        'One simulation run is loaded; start floe serve with a second --run to compare scenarios.';
  }
  const option = (r) =>
      el('option', {value: r.id},
         `${r.id} (${r.last_month} months${r.seed ? `, seed ${r.seed}` : ''})`);
  $('run-a').replaceChildren(...runs.map(option));
  $('run-b').replaceChildren(...runs.map(option));
  app.run = app.run || runs[0]?.id || null;
  app.runB = app.runB && app.runB !== app.run ? app.runB :
                                                runs.find((r) => r.id !== app.run)?.id || app.run;
}

// A run the sandbox made: it joins the selectors, as the second run of the comparison.
async function addSandboxRun(id) {
  app.meta = await (await fetch('/api/meta', {headers: {Accept: 'application/json'}})).json();
  showRuns();
  if (id) app.runB = id;
  drawControls();
}

function setupControls() {
  for (const b of document.querySelectorAll('#view-buttons button')) {
    b.addEventListener('click', () => {
      stopPlaying();
      app.view = b.dataset.view;
      app.occupation = null;
      redraw();
    });
  }
  showRuns();
  for (const m of RUN_METRICS) $('metric').append(el('option', {value: m.name}, m.label));
  $('run-a').addEventListener('change', (e) => {
    app.run = e.target.value;
    redraw();
  });
  $('run-b').addEventListener('change', (e) => {
    app.runB = e.target.value;
    redraw();
  });
  $('metric').addEventListener('change', (e) => {
    app.metric = e.target.value;
    redraw();
  });
  let pending = null;
  $('month').addEventListener('input', (e) => {
    app.month = Number(e.target.value);
    $('month-label').textContent = monthLabel(app.month);
    clearTimeout(pending);
    pending = setTimeout(() => redraw(), 120);  // redraw once the slider rests
  });
  $('play').addEventListener('click', () => {
    if (playing) return stopPlaying();
    const [lo, hi] = monthRange();
    if (app.month >= hi) app.month = lo;
    $('play').textContent = '❚❚';
    $('play').setAttribute('aria-label', 'Pause');
    playing = setInterval(() => {
      const [, last] = monthRange();
      if (app.month >= last) return stopPlaying();
      app.month = Math.min(last, app.month + Math.max(1, Math.round((last - lo) / 40)));
      redraw({table: false, panel: false});
    }, 450);
  });
  $('state-select').addEventListener('change', (e) => selectState(e.target.value || null));
  setupTalent(app.meta, () => redraw());
}

async function main() {
  status('Loading…');
  app.meta = await getJson('/api/meta');
  const states = await getJson('/api/states', {sort: 'name'});
  app.states = new Map(states.rows.map((r) => [r.fips, r]));
  for (const r of states.rows) $('state-select').append(el('option', {value: r.fips}, r.name));
  $('subtitle').textContent = `The share of wage value in work AI can already do: ` +
      `${percent(app.meta.nation.iceberg)} of US wages (OEWS May ${app.meta.oews_year}).`;
  $('options-line').textContent =
      `Index options: ${app.meta.options}. Capability: ${app.meta.provenance}.`;
  setupControls();
  await setupSandbox(addSandboxRun);
  app.searchAgain = setupSearch({
    form: $('search'),
    input: $('search-input'),
    results: $('search-results'),
    status: $('search-status'),
    scope: () => (app.state ? {fips: app.state, name: stateRow(app.state).name} : null),
    onPick: showOccupation,
  });
  readHash();
  await redraw();
  document.body.dataset.ready = 'true';
}

guarded(main);
