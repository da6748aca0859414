// The side panel: the nation's or a state's figures and most exposed occupations, and one
// occupation's page (tasks with AI capability, exposure under other options, retraining).
import {csvUrl, getJson} from './api.js';
import {lineChart} from './chart.js';
import {renderEffectTable} from './effect.js';
import {count, dollars, el, formatValue, monthLabel, percent} from './format.js';
import {metricInfo, metricValue} from './metrics.js';
import {renderTable} from './table.js';

function figure(label, value, detail, extra = '') {
  return el(
      'div', {class: `figure ${extra}`}, el('div', {class: 'value'}, value),
      el('div', {class: 'label'}, label), detail ? el('div', {class: 'detail'}, detail) : null);
}

function section(...children) {
  return el('section', {}, ...children);
}

function occupationTable(container, table, ctx, caption, csv) {
  renderTable(container, table, {
    caption,
    csv,
    columns: ['title', 'exposure', 'exposure_low', 'exposure_high', 'employment', 'mean_wage'],
    labels: {title: 'Occupation', exposure_low: 'Low', exposure_high: 'High', employment: 'Workers'},
    onRow: (row) => ctx.showOccupation(row.soc_code),
    rowLabel: (row) => `${row.title}: open its tasks and retraining options`,
    limit: 12,
  });
}

// The chosen measure of each run at the chosen month and at the start, for the nation or a
// state.
async function simFigures(container, ctx, fips) {
  const m = metricInfo(ctx.metric);
  const runs = [ctx.run, ctx.runB].filter(Boolean);
  const tables = await Promise.all(
      runs.map((r) => getJson(`/api/runs/${r}/series`, fips ? {state: fips} : {})));
  ctx.current();
  const figures = el('div', {class: 'figures'});
  tables.forEach((t, i) => {
    const now = t.rows.find((r) => r.month === ctx.month);
    const start = t.rows[0];
    const v = metricValue(now, m.name);
    figures.append(figure(
        `${m.label}: ${runs[i]}`, v === null ? '–' : formatValue(v, m),
        `${formatValue(metricValue(start, m.name), m)} at month ${start.month}`,
        i ? 'surface' : ''));
  });
  container.replaceChildren(el('h3', {}, `Simulation, ${monthLabel(ctx.month)}`), figures);
}

// The run's AI effect by occupation group at the chosen month, in the nation or a state (the
// run view only: comparing two runs has its own difference).
async function majorEffects(container, ctx, fips, name) {
  const params = {month: ctx.month, ...(fips ? {state: fips} : {})};
  const t = await getJson(`/api/runs/${ctx.run}/effect/majors`, params);
  ctx.current();
  renderEffectTable(container, t, {
    caption: `Occupation groups in ${name}, ${monthLabel(ctx.month)}: AI effect against the ` +
        'no-AI twin',
    csv: csvUrl(`/api/runs/${ctx.run}/effect/majors`, params),
    nameColumn: 'title',
    limit: 8,
  });
}

export async function nationPanel(panel, ctx) {
  const n = ctx.meta.nation;
  const sim = el('div');
  const [occupations, majors] = await Promise.all([
    getJson('/api/occupations', {sort: 'exposure', min_employment: 100000, limit: 25}),
    getJson('/api/majors'),
  ]);
  ctx.current();
  const occ = el('div'), groups = el('div');
  const effects = ctx.run && !ctx.runB ? el('div') : null;
  panel.replaceChildren(
      section(
          el('h2', {}, 'United States'),
          el('div', {class: 'figures'},
             figure(
                 'Iceberg index', percent(n.iceberg),
                 `of all wages is in work AI can do; range ${percent(n.iceberg_low)}–${
                     percent(n.iceberg_high)}`),
             figure(
                 'Surface index', percent(n.surface), 'in the visible tech occupations', 'surface'),
             figure('Exposed wages', dollars(n.exposed_wages), `of ${dollars(n.wage_bill)}`),
             figure(
                 'Exposure-weighted workers', `${(n.exposed_workers / 1e6).toFixed(1)}M`,
                 `of ${(n.employment / 1e6).toFixed(1)}M workers`)),
          el('p', {class: 'lede'},
             `Below the surface: ${n.below_surface} the exposure of the computer and ` +
                 'mathematical occupations. Ranges: over the capability layers the validation ' +
                 'cannot tell apart. Click a state on the map for its counties and occupations.')),
      ...(ctx.run ? [section(sim)] : []), ...(effects ? [section(effects)] : []), section(occ),
      section(groups));
  if (ctx.run) await simFigures(sim, ctx, null);
  if (effects) await majorEffects(effects, ctx, null, 'the United States');
  occupationTable(
      occ, occupations, ctx, 'Most exposed occupations (100,000+ workers)',
      csvUrl('/api/occupations', {sort: 'exposure', min_employment: 100000}));
  renderTable(groups, majors, {
    caption: 'Occupation groups',
    csv: csvUrl('/api/majors'),
    columns: ['title', 'iceberg', 'iceberg_low', 'iceberg_high', 'exposed_wages', 'employment'],
    labels: {title: 'Group', iceberg_low: 'Low', iceberg_high: 'High', employment: 'Workers'},
    limit: 8,
  });
}

export async function statePanel(panel, ctx, fips) {
  const [stateTable, occupations, majors] = await Promise.all([
    getJson(`/api/states/${fips}`),
    getJson(`/api/states/${fips}/occupations`, {limit: 50}),
    getJson(`/api/states/${fips}/majors`),
  ]);
  ctx.current();
  const s = stateTable.rows[0];
  const n = ctx.meta.nation;
  const diff = s.iceberg - n.iceberg;
  const sim = el('div'), occ = el('div'), groups = el('div');
  const effects = ctx.run && !ctx.runB ? el('div') : null;
  panel.replaceChildren(
      section(
          el('button', {type: 'button', class: 'back', onclick: () => ctx.selectState(null)},
             '← United States'),
          el('h2', {}, s.name),
          el('div', {class: 'figures'},
             figure(
                 'Iceberg index', percent(s.iceberg),
                 Math.abs(diff) < 0.0005 ? `the nation's (${percent(n.iceberg)})` :
                                           `${Math.abs(100 * diff).toFixed(1)} pts ${
                                               diff > 0 ? 'above' : 'below'} the nation`),
             figure('Surface index', percent(s.surface), `gap ${percent(s.gap)}`, 'surface'),
             figure('Exposed wages', dollars(s.exposed_wages), `of ${dollars(s.wage_bill)}`),
             figure(
                 'Exposure-weighted workers', count(Math.round(s.exposed_workers)),
                 `of ${count(Math.round(s.employment))} workers (estimated)`)),
          el('dl', {class: 'kv'}, el('dt', {}, 'Range over layers'),
             el('dd', {}, `${percent(s.iceberg_low)} – ${percent(s.iceberg_high)}`),
             el('dt', {}, 'Concentration (HHI)'),
             el('dd', {}, `${s.hhi.toFixed(3)} across NAICS sectors (0 to 1)`))),
      section(sim), ...(effects ? [section(effects)] : []), section(occ), section(groups));
  if (ctx.run) await stateSeries(sim, ctx, fips, s.name);
  if (effects) await majorEffects(effects, ctx, fips, s.name);
  occupationTable(
      occ, occupations, ctx, `Most exposed occupations in ${s.name} (by exposed wages)`,
      csvUrl(`/api/states/${fips}/occupations`));
  renderTable(groups, majors, {
    caption: `Occupation groups in ${s.name}`,
    csv: csvUrl(`/api/states/${fips}/majors`),
    columns: ['title', 'iceberg', 'exposed_wages', 'employment'],
    labels: {title: 'Group', employment: 'Workers'},
    limit: 8,
  });
}

// The state's simulated path: the chosen measure by month, for one run or two.
async function stateSeries(container, ctx, fips, name) {
  const m = metricInfo(ctx.metric);
  const runs = [ctx.run, ctx.runB].filter(Boolean);
  const tables =
      await Promise.all(runs.map((r) => getJson(`/api/runs/${r}/series`, {state: fips})));
  ctx.current();
  const colors = ['#123d6e', '#e8590c'];
  const chart = el('div');
  const figures = el('div');
  await simFigures(figures, ctx, fips);
  container.replaceChildren(
      figures,
      el('div', {class: 'series-head'}, el('h3', {}, `${m.label} in ${name}`),
         el('a', {
           class: 'button csv',
           href: csvUrl(`/api/runs/${ctx.run}/series`, {state: fips}),
           download: ''
         },
            'CSV ↓')),
      chart, el('p', {class: 'note'}, `${monthLabel(ctx.month)} marked.`));
  lineChart(chart, {
    caption: `${m.label} in ${name} by month`,
    series: tables.map((t, i) => ({
                         name: runs[i],
                         color: colors[i],
                         points: t.rows.map((r) => [r.month, metricValue(r, m.name)]),
                       })),
    format: (v, decimals = 1) => formatValue(v, {kind: m.kind, precision: decimals}),
    integer: m.kind === 'count',
    marker: ctx.month,
  });
}

function capabilityBadge(v) {
  if (v === null || v === undefined) return el('span', {class: 'badge none'}, 'n/a');
  const cls = v >= 0.999 ? 'full' : v > 0 ? 'part' : 'none';
  return el('span', {class: `badge ${cls}`}, percent(v, 0));
}

// One figure of the occupation page: a term and its value, marked for the tests that read it.
function kv(term, value, name) {
  return [el('dt', {}, term), el('dd', {'data-figure': name || null}, value)];
}

// The occupation in the chosen state: the same row the state's occupation table shows.
function stateFigures(ctx, row) {
  if (!row) {
    return el(
        'section', {class: 'scope', 'data-scope': 'state'},
        el('h3', {}, `${ctx.stateName}: state figures`),
        el('p', {class: 'note'}, `No workers in ${ctx.stateName} in the estimates.`));
  }
  return el(
      'section', {class: 'scope', 'data-scope': 'state'},
      el('h3', {}, `${ctx.stateName}: state figures`),
      el('dl', {class: 'kv'},
         ...kv('Workers', `${count(row.employment)} (estimated)`, 'employment'),
         ...kv(
             'Mean wage',
             `${dollars(row.mean_wage)}${row.wage_national ? ' (national: no state figure)' : ''}`,
             'mean_wage'),
         ...kv('Exposed wages', dollars(row.exposed_wages)),
         ...kv(`Share of ${ctx.stateName}'s exposed wages`, percent(row.share_of_state))),
      el('p', {class: 'note'},
         'State employment is estimated from state industry-group margins (docs/method.md §5); ' +
             'the wage is the state mean OEWS publishes.'));
}

export async function occupationPanel(panel, ctx, soc) {
  const page = await getJson(
      `/api/occupations/${encodeURIComponent(soc)}`, ctx.state ? {state: ctx.state} : {});
  ctx.current();
  const p = page.profile.rows[0];
  const tasks = el('div'), exposure = el('div'), moves = el('div');
  const base = `/api/occupations/${encodeURIComponent(p.soc_code)}`;
  // Which figures are whose: the chosen state's first (when there is one), then the nation's.
  const scopeLine = ctx.state ?
      `Figures for ${ctx.stateName} and, below, for the United States.` :
      'National figures for the United States; choose a state for its figures.';
  panel.replaceChildren(
      section(
          el('button', {type: 'button', class: 'back', onclick: () => ctx.showOccupation(null)},
             ctx.stateName ? `← ${ctx.stateName}` : '← United States'),
          el('h2', {}, p.title), el('p', {class: 'note'}, `SOC ${p.soc_code} · ${p.major_group}`),
          el('p', {class: 'scope-line', 'data-scope-line': ''}, scopeLine),
          el('div', {class: 'bar', role: 'img', 'aria-label': `Exposure ${percent(p.exposure)}`},
             el('span', {'data-width': p.exposure})),
          ctx.state ? stateFigures(ctx, page.state.rows[0]) : null,
          el('section', {class: 'scope', 'data-scope': 'nation'},
             el('h3', {}, 'United States: national figures'),
             el('dl', {class: 'kv'},
                ...kv(
                    'Exposure',
                    p.exposure === null ?
                        'no labeled tasks' :
                        `${percent(p.exposure)} of its work (by task weight) is work AI can ` +
                            `do (range ${percent(p.exposure_low)}–${percent(p.exposure_high)}); ` +
                            `rank ${count(p.rank)} of ${count(p.ranked)}`),
                ...kv('Workers', p.employment === null ? '–' : count(p.employment), 'employment'),
                ...kv('Mean wage', p.mean_wage === null ? '–' : dollars(p.mean_wage), 'mean_wage'),
                ...kv(
                    'Openings a year',
                    p.openings === null ?
                        '–' :
                        `${count(p.openings)} (growth 2024-34: ${percent(p.growth_10y)})`),
                ...kv(
                    'Preparation',
                    p.job_zone ? `job zone ${p.job_zone}: ${p.job_zone_meaning}` : '–'),
                ...kv('Tasks', `${count(p.tasks)} from ${p.task_source}`)),
             el('p', {class: 'note'}, `OEWS May ${ctx.meta.oews_year} national estimates.`))),
      section(moves), section(tasks), section(exposure));
  const bar = panel.querySelector('.bar span');
  bar.style.width = `${Math.max(0, Math.min(1, p.exposure || 0)) * 100}%`;

  renderTable(moves, page.moves, {
    caption: 'Career moves: similar work, less exposed, at most one Job Zone more preparation ' +
        '(flagged rows need more)',
    csv: csvUrl(`${base}/moves`),
    columns: [
      'title', 'suggested', 'similarity', 'exposure_drop', 'preparation', 'mean_wage', 'openings',
      'learn'
    ],
    labels: {
      title: 'Occupation',
      suggested: 'Suggested',
      exposure_drop: 'Exposure drop',
      mean_wage: 'Wage',
      openings: 'Openings/yr',
      learn: 'What to learn',
    },
    onRow: (row) => ctx.showOccupation(row.soc_code),
    rowLabel: (row) => `${row.title}: open its page`,
  });
  renderTable(tasks, page.tasks, {
    caption: 'Tasks, most AI-capable first',
    csv: csvUrl(`${base}/tasks`),
    columns: ['capability', 'statement', 'human', 'gpt4'],
    labels: {
      capability: 'AI',
      human: 'Human',
      gpt4: 'GPT\u20114',
      statement: 'Task and work activities'
    },
    format: {
      capability: (v) => capabilityBadge(v),
      statement: (v, row) =>
          el('span', {}, el('span', {class: 'task-statement'}, v),
             row.dwas ? el('span', {class: 'task-dwas'}, row.dwas) : null),
    },
    limit: 10,
  });
  renderTable(exposure, page.exposure, {
    caption: 'Exposure under other assumptions',
    csv: csvUrl(`${base}/exposure`),
    columns: ['layer', 'labeler', 'e2_weight', 'transfer', 'exposure', 'rank'],
    labels: {e2_weight: 'E2', labeler: 'Labels'},
    selected: (row) => row.chosen,
    limit: 6,
  });
  panel.scrollTop = 0;
}
