// The AI-talent view (docs/talent.md): where AI-skilled workers go, in one simulation run or two.
// This module owns the view's choices (run, second run, month, moves period), its controls and
// its part of the address; the cards are drawn by talent_cards.js and matrix.js from
// /api/runs/{run}/talent/* (src/serve/README.md).
import {csvUrl, getJson} from './api.js';
import {dateLabel, dateOf, el, monthIndex} from './format.js';
import {movesMatrix} from './matrix.js';
import {compareCard, employerTable, flowChart, headcountChart, introCard, targetsCard} from './talent_cards.js';

const $ = (id) => document.getElementById(id);

// The moves period shown first: the nine months from ChatGPT's launch (December 2022 - August
// 2023), when big tech's net flow turned outward (docs/talent.md §4, outflow_after_launch).
const LAUNCH_MONTHS = 9;

// span: where the charts start: 'all' (January 2011), '2019' (the first month of the targets'
// pre-launch period) or 'run' (the run's month 1).
const choice = {
  run: null,
  b: '',
  date: null,
  from: null,
  to: null,
  span: '2019'
};
const SPANS = ['all', '2019', 'run'];
let runs = [];  // the runs with talent tables: /api/meta's runs

export function talentRuns(meta) {
  return meta.runs.filter((r) => r.talent);
}

const talentOf = (id) => runs.find((r) => r.id === id).talent;

// The months both chosen runs have, as 'YYYY-MM' (which compares as the months do).
function months() {
  const a = talentOf(choice.run), b = choice.b ? talentOf(choice.b) : a;
  const first = a.first_date > b.first_date ? a.first_date : b.first_date;
  const last = a.last_date < b.last_date ? a.last_date : b.last_date;
  return [first, last];
}

function within(date, [first, last], fallback) {
  if (!date) date = fallback;
  return date < first ? first : date > last ? last : date;
}

// Keeps every choice valid for the runs chosen, with the defaults where none was made.
function settle() {
  if (!runs.some((r) => r.id === choice.run)) choice.run = runs[0].id;
  if (choice.b === choice.run || !runs.some((r) => r.id === choice.b)) choice.b = '';
  const range = months(), launch = talentOf(choice.run).launch;
  // Two runs differ only from their start (levers act from run.start): compared, the first
  // period shown is the first year both have run, not the launch months before either began.
  const startB = choice.b ? talentOf(choice.b).start : '';
  const start = talentOf(choice.run).start > startB ? talentOf(choice.run).start : startB;
  const first = choice.b ? start : launch;
  const length = choice.b ? 12 : LAUNCH_MONTHS;
  choice.date = within(choice.date, range, launch);
  choice.from = within(choice.from, range, first);
  choice.to = within(choice.to, range, dateOf(monthIndex(first) + length - 1));
  if (choice.from > choice.to) choice.to = choice.from;
  if (!SPANS.includes(choice.span)) choice.span = '2019';
}

// The first month the charts show.
function chartFrom() {
  const [first] = months();
  const starts = [choice.run, choice.b].filter(Boolean).map((id) => talentOf(id).start);
  const from = choice.span === 'all' ? first :
      choice.span === '2019'         ? '2019-01' :
                                       starts.sort()[0];
  return from > first ? from : first;
}

function fillMonths(select, [first, last]) {
  if (select.dataset.range === `${first}..${last}`) return;
  select.dataset.range = `${first}..${last}`;
  const options = [];
  for (let m = monthIndex(first); m <= monthIndex(last); m++) {
    const date = dateOf(m);
    options.push(el('option', {value: date}, dateLabel(date, true)));
  }
  select.replaceChildren(...options);
}

function drawControls() {
  const range = months();
  $('talent-run').value = choice.run;
  for (const o of $('talent-b').options) o.disabled = o.value === choice.run;
  $('talent-b').value = choice.b;
  fillMonths($('talent-from'), range);
  fillMonths($('talent-to'), range);
  $('talent-from').value = choice.from;
  $('talent-to').value = choice.to;
  $('talent-span').value = choice.span;
  const slider = $('talent-date');
  slider.min = monthIndex(range[0]);
  slider.max = monthIndex(range[1]);
  slider.value = monthIndex(choice.date);
  slider.setAttribute('aria-valuetext', dateLabel(choice.date));
  $('talent-date-label').textContent = dateLabel(choice.date);
}

// Fills the controls and calls `redraw` after every change. Nothing to do without talent runs.
export function setupTalent(meta, redraw) {
  runs = talentRuns(meta);
  if (!runs.length) return;
  $('talent-b').append(el('option', {value: ''}, 'no other run'));
  for (const r of runs) {
    const text = `${r.id} (${dateLabel(r.talent.first_date, true)} – ` +
        `${dateLabel(r.talent.last_date, true)})`;
    $('talent-run').append(el('option', {value: r.id}, text));
    $('talent-b').append(el('option', {value: r.id}, text));
  }
  $('talent-b-label').hidden = runs.length < 2;
  const change = (key, value) => {
    choice[key] = value;
    if (key === 'from' && choice.to < value) choice.to = value;
    if (key === 'to' && choice.from > value) choice.from = value;
    redraw();
  };
  $('talent-run').addEventListener('change', (e) => change('run', e.target.value));
  $('talent-b').addEventListener('change', (e) => change('b', e.target.value));
  $('talent-from').addEventListener('change', (e) => change('from', e.target.value));
  $('talent-to').addEventListener('change', (e) => change('to', e.target.value));
  $('talent-span').addEventListener('change', (e) => change('span', e.target.value));
  let pending = null;
  $('talent-date').addEventListener('input', (e) => {
    choice.date = dateOf(Number(e.target.value));
    $('talent-date-label').textContent = dateLabel(choice.date);
    clearTimeout(pending);
    pending = setTimeout(() => redraw(), 120);  // redraw once the slider rests
  });
  settle();
}

export function writeTalentHash(p) {
  p.set('run', choice.run);
  if (choice.b) p.set('b', choice.b);
  p.set('date', choice.date);
  p.set('from', choice.from);
  p.set('to', choice.to);
  p.set('span', choice.span);
}

export function readTalentHash(p) {
  if (!runs.length) return;
  const date = (name) => (/^\d{4}-(0[1-9]|1[0-2])$/.test(p.get(name) || '') ? p.get(name) : null);
  if (p.get('run')) choice.run = p.get('run');
  choice.b = p.get('b') || '';
  choice.date = date('date');
  choice.from = date('from');
  choice.to = date('to');
  if (p.get('span')) choice.span = p.get('span');
  settle();
}

// Draws every card for the current choices. `current()` throws when a newer drawing started.
export async function drawTalent(current) {
  settle();
  drawControls();
  const {run, b, date} = choice;
  const period = {from: choice.from, to: choice.to};
  const base = `/api/runs/${run}/talent`;
  const [series, seriesB, headcount, employers, moves, targets, parameters, compare] =
      await Promise.all([
        getJson(`${base}/series`),
        b ? getJson(`/api/runs/${b}/talent/series`) : null,
        getJson(`${base}/headcount`),
        getJson(`${base}/employers`, {date}),
        getJson(`${base}/moves`, period),
        getJson(`${base}/targets`),
        getJson(`${base}/parameters`),
        b ? getJson('/api/compare/talent', {a: run, b, ...period}) : null,
      ]);
  current();
  const info = talentOf(run);
  const ctx = {run, b, date, period, info, chartFrom: chartFrom()};
  introCard($('talent-intro'), ctx, {series, moves});
  flowChart($('talent-flow'), ctx, [{id: run, series}, ...(b ? [{id: b, series: seriesB}] : [])]);
  headcountChart($('talent-headcount'), ctx, headcount);
  employerTable($('talent-employers'), ctx, employers);
  $('talent-compare').hidden = !b;
  if (b) compareCard($('talent-compare'), ctx, compare);
  const span = `${dateLabel(period.from, true)} – ${dateLabel(period.to, true)}`;
  movesMatrix($('talent-moves'), moves, {
    caption: `Moves between employer classes, ${span}: ${run}`,
    csv: csvUrl(`${base}/moves`, period),
  });
  targetsCard($('talent-targets'), ctx, targets, parameters);
  $('talent-view').dataset.drawn = [run, b, date, period.from, period.to].join('|');
}
