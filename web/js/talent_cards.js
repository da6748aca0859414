// The cards of the AI-talent view: a summary of the moves period, big tech's monthly net flow,
// headcount by employer class, the chosen month's employer classes, two runs compared, and the
// observed facts the model is fitted to. Each takes the view's context ctx = {run, b, date,
// period: {from, to}, info (the run's /api/runs/{run}/talent), chartFrom (the charts' first
// month)} and the API's tables.
import {csvUrl} from './api.js';
import {lineChart} from './chart.js';
import {count, dateLabel, dateOf, el, monthIndex, percent, signedCount} from './format.js';
import {renderTable} from './table.js';

// Per run: the agents' line (noisy at small scales: thin and light) and the expected line.
const RUN_COLORS = [['#6fa8d6', '#123d6e'], ['#f4a261', '#c2410c']];
// One color per employer class, in the API's order (data/talent/employers.csv).
const CLASS_COLORS =
    ['#123d6e', '#e8590c', '#2b8a3e', '#5fa2cc', '#c2255c', '#7048e8', '#868e96', '#d9a400'];

const span = (p) => `${dateLabel(p.from, true)} – ${dateLabel(p.to, true)}`;
const inPeriod = (p) => (r) => r.date >= p.from && r.date <= p.to;
const charted = (ctx, table) => table.rows.filter((r) => r.date >= ctx.chartFrom);

function figure(label, value, detail, extra = '') {
  return el(
      'div', {class: `figure ${extra}`}, el('div', {class: 'value'}, value),
      el('div', {class: 'label'}, label), detail ? el('div', {class: 'detail'}, detail) : null);
}

function head(title, csv, what) {
  return el(
      'div', {class: 'series-head'}, el('h2', {}, title),
      csv ? el('a', {
        class: 'button csv',
        href: csv,
        download: '',
        'aria-label': `Download ${what} as CSV`
      },
               'CSV ↓') :
            null);
}

// The x axis of the talent charts: calendar months, ticks at Januaries, ChatGPT's launch and the
// run's month 1 marked.
function timeAxis(ctx) {
  return {
    xFormat: (m) => dateOf(m).slice(0, 4),
    xTitle: 'year',
    marker: monthIndex(ctx.date),
    events: [
      {
        x: monthIndex(ctx.info.launch),
        label: `ChatGPT launch (${dateLabel(ctx.info.launch, true)})`
      },
      {x: monthIndex(ctx.info.start), label: `Run month 1 (${dateLabel(ctx.info.start, true)})`},
    ],
  };
}

const moveCell = (moves, from, to) => moves.rows.find((r) => r.origin === from)?.[`to_${to}`] ?? 0;
const movesInto = (moves, to) => moves.rows.reduce((s, r) => s + (r[`to_${to}`] || 0), 0);

export function introCard(box, ctx, {series, moves}) {
  const p = ctx.period;
  const net = series.rows.filter(inPeriod(p)).reduce((s, r) => s + (r.big_tech_net_flow || 0), 0);
  const leavers = moves.rows.find((r) => r.origin === 'big_tech')?.moved_out || 0;
  const toStealth = moveCell(moves, 'big_tech', 'stealth');
  const workers = Math.round(1 / ctx.info.scale);
  box.replaceChildren(
      el('h2', {}, `Where AI experts go: ${ctx.run}`),
      el('p', {class: 'lede'},
         `AI researchers, machine-learning engineers and AI engineers moving among eight ` +
             `employer classes, ${dateLabel(ctx.info.first_date)} – ` +
             `${dateLabel(ctx.info.last_date)}. The run's own months start in ` +
             `${dateLabel(ctx.info.start)}; before that the model replays the history it was ` +
             `fitted to. Counts are agents: one stands for about ${count(workers)} workers.`),
      el('div', {class: 'figures four'},
         figure(
             `Big tech's net flow, ${span(p)}`, signedCount(net),
             'moves into big tech minus moves out, agents'),
         figure(
             'Into stealth startups', count(movesInto(moves, 'stealth')),
             'moves from every other class', 'surface'),
         figure('Into AI labs', count(movesInto(moves, 'ai_labs')), 'moves from every other class'),
         figure(
             'Big-tech leavers to stealth', leavers ? percent(toStealth / leavers) : '–',
             `${count(toStealth)} of ${count(leavers)} (observed 2022-23: one in seven)`,
             'surface')));
}

export function flowChart(box, ctx, runs) {
  const chart = el('div');
  box.replaceChildren(
      head(
          'Net flow of AI talent into big tech, by month',
          csvUrl(`/api/runs/${ctx.run}/talent/series`), 'the talent indicators'),
      chart,
      el('p', {class: 'note'},
         'Moves into big tech from the other classes minus moves out: agents (thin) and the ' +
             'expected-flow form with the same parameters (dashed). Below zero, big tech loses ' +
             `AI talent. ${dateLabel(ctx.date)} marked.`));
  lineChart(chart, {
    caption: `Net flow of AI talent into big tech by month: ${runs.map((r) => r.id).join(', ')}`,
    series: runs.flatMap(
        (r, i) =>
            [{
              name: `${r.id}: agents`,
              color: RUN_COLORS[i][0],
              thin: true,
              points: charted(ctx, r.series)
                          .map((row) => [monthIndex(row.date), row.big_tech_net_flow]),
            },
             {
               name: `${r.id}: expected`,
               color: RUN_COLORS[i][1],
               dashed: true,
               points: charted(ctx, r.series)
                           .map((row) => [monthIndex(row.date), row.big_tech_net_flow_expected]),
             },
  ]),
    format: (v) => count(v),
    integer: true,
    ...timeAxis(ctx),
  });
}

export function headcountChart(box, ctx, table) {
  const classes = table.columns.filter((c) => c.kind === 'count' && c.name !== 'total');
  const chart = el('div');
  box.replaceChildren(
      head(
          'AI-skilled workers by employer class', csvUrl(`/api/runs/${ctx.run}/talent/headcount`),
          'headcount by employer class'),
      chart, el('p', {class: 'note'}, 'Headcount at the start of each month, agents.'));
  lineChart(chart, {
    caption: `AI-skilled workers by employer class and month: ${ctx.run}`,
    series: classes.map((c, i) => ({
                          name: c.label,
                          color: CLASS_COLORS[i % CLASS_COLORS.length],
                          points: charted(ctx, table).map((r) => [monthIndex(r.date), r[c.name]]),
                        })),
    format: (v) => count(v),
    integer: true,
    ...timeAxis(ctx),
  });
}

export function employerTable(box, ctx, table) {
  const segments = ctx.info.segments.map((s) => s.key);
  renderTable(box, table, {
    caption: `Employer classes, ${dateLabel(ctx.date)}: ${ctx.run}`,
    csv: csvUrl(`/api/runs/${ctx.run}/talent/employers`, {date: ctx.date}),
    columns: ['label', 'headcount', 'share', ...segments, 'moved_in', 'moved_out', 'net_flow'],
    labels: {
      label: 'Employer class',
      headcount: 'All',
      researchers: 'Researchers',
      ml_engineers: 'ML engineers',
      ai_engineers: 'AI engineers',
      moved_in: 'In',
      moved_out: 'Out',
      net_flow: 'Net'
    },
    format: {net_flow: (v) => signedCount(v)},
  });
}

export function compareCard(box, ctx, table) {
  const row = (key) => table.rows.find((r) => r.employer === key) || {};
  const moved = (key, label) => {
    const r = row(key);
    return figure(
        `${label}: ${ctx.b} − ${ctx.run}`, signedCount(r.moved_in_difference),
        `${count(r.moved_in_a ?? 0)} in ${ctx.run}, ${count(r.moved_in_b ?? 0)} in ${ctx.b}`);
  };
  const big = row('big_tech');
  const tableBox = el('div');
  box.replaceChildren(
      el('h2', {}, `${ctx.b} compared with ${ctx.run}, ${span(ctx.period)}`),
      el('div', {class: 'figures three'}, moved('stealth', 'Moves into stealth startups'),
         moved('ai_labs', 'Moves into AI labs'),
         figure(
             `Big tech's net flow: ${ctx.b} − ${ctx.run}`, signedCount(big.net_flow_difference),
             `${signedCount(big.net_flow_a)} in ${ctx.run}, ${signedCount(big.net_flow_b)} in ` +
                 `${ctx.b}`,
             'surface')),
      tableBox);
  renderTable(tableBox, table, {
    caption: `Moves into each employer class, ${span(ctx.period)}`,
    csv: csvUrl('/api/compare/talent', {a: ctx.run, b: ctx.b, ...ctx.period}),
    columns: [
      'label', 'moved_in_a', 'moved_in_b', 'moved_in_difference', 'net_flow_a', 'net_flow_b',
      'net_flow_difference'
    ],
    labels: {
      label: 'Employer class',
      moved_in_a: `In: ${ctx.run}`,
      moved_in_b: `In: ${ctx.b}`,
      moved_in_difference: 'In: b − a',
      net_flow_a: `Net: ${ctx.run}`,
      net_flow_b: `Net: ${ctx.b}`,
      net_flow_difference: 'Net: b − a'
    },
    format: {
      moved_in_difference: signedCount,
      net_flow_a: signedCount,
      net_flow_b: signedCount,
      net_flow_difference: signedCount
    },
  });
}

function withinBadge(v) {
  if (v === null || v === undefined) return '–';
  return el('span', {class: `within ${v ? 'yes' : 'no'}`}, v ? '✓ met' : '✗ missed');
}

export function targetsCard(box, ctx, targets, parameters) {
  const table = el('div', {class: 'targets'}), params = el('div');
  box.replaceChildren(
      table,
      el('details', {class: 'parameters'},
         el('summary', {}, `The ${parameters.rows.length} fitted parameters`), params));
  // What each target asks for ("≥ 0 every month", "168 ± 50") beside the fitted model and this
  // run's agents; the API's notes say why a small run's agents can miss (src/talent/goal.cc).
  renderTable(table, targets, {
    caption: `Observed facts against the model: ${ctx.run}`,
    csv: csvUrl(`/api/runs/${ctx.run}/talent/targets`),
    columns: ['description', 'goal', 'expected', 'expected_within', 'agents', 'agents_within'],
    labels: {
      description: 'Observed fact',
      goal: 'Observed',
      expected: 'Model (fitted)',
      expected_within: 'Met',
      agents: 'This run',
      agents_within: 'Met'
    },
    format: {expected_within: withinBadge, agents_within: withinBadge},
  });
  renderTable(params, parameters, {
    caption: `Talent model parameters: ${ctx.run}`,
    csv: csvUrl(`/api/runs/${ctx.run}/talent/parameters`),
    columns: ['parameter', 'value', 'prior', 'meaning'],
  });
}
