// The AI effect of a run against its own no-AI twin (docs/model.md §16; /api/runs/ID/effect*,
// src/serve/effect_tables.h): the headline under the national series, the state, county and
// occupation-group tables, and the places resting on too few agents, which are greyed and never
// ranked.
import {getJson} from './api.js';
import {count, dollars, el, formatValue} from './format.js';
import {renderTable} from './table.js';

// As kFewAgents in include/floe/runs.h: below this many agents a place's rate is mostly noise.
export const FEW_AGENTS = 1000;
export const NO_TWIN = 'run without its no-AI twin (--no-twin): AI effect unknown';

const MINUS = '\u2212';

// +1.23 points, −0.40 points.
export function signedPoints(v) {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const text = Math.abs(v).toFixed(2);
  return `${v < 0 && /[1-9]/.test(text) ? MINUS : '+'}${text}`;
}

const signedWith = (format) => (v) => {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const text = format(Math.abs(v));
  return `${v < 0 && /[1-9]/.test(text) ? MINUS : '+'}${text}`;
};
export const signedWorkers = signedWith(count);
export const signedDollars = signedWith(dollars);

// What a greyed place's tooltip says.
export function fewAgentsLabel(name, agents) {
  return `${name}: ${count(agents)} agents behind its figures, fewer than ` +
      `${count(FEW_AGENTS)}: too few to show at this scale (its rate is mostly sampling noise)`;
}

// Agents behind each place at `month`, by FIPS: level 'states' or 'counties' (with `state`).
export async function agentsByPlace(run, level, params) {
  const t = await getJson(`/api/runs/${run}/effect/${level}`, params);
  return new Map(t.rows.map((r) => [r.fips, r.agents]));
}

// The headline under the national series: the AI effect at `month`, or why there is none.
export function effectHeadline(effect, month, hasTwin) {
  const box = el('p', {class: 'ai-effect', id: 'ai-effect'});
  const row = effect.rows.find((r) => r.month === month);
  if (!hasTwin || !row || row.ai_effect_points === null) {
    box.classList.add('unknown');
    box.textContent = NO_TWIN;
    return box;
  }
  box.append(
      el('strong', {},
         `AI effect at month ${month}: ${signedPoints(row.ai_effect_points)} points ± ` +
             `${row.ai_effect_margin.toFixed(2)} (90%)`),
      ` — unemployment ${formatValue(row.unemployment_rate, {kind: 'share', precision: 2})} ` +
          `against the no-AI twin's ` +
          `${formatValue(row.twin_unemployment_rate, {kind: 'share', precision: 2})}; ` +
          `employment ${signedWorkers(row.employed_effect)} workers, wage bill ` +
          `${signedDollars(row.wage_bill_effect)} a year.`);
  if (row.ai_effect_low !== null && row.ai_effect_low !== undefined) {
    // The run's replicates: the same scenario with other seeds (docs/model.md §16).
    box.append(` Run with ${row.replicates} seeds, the AI effect lies between ` +
        `${signedPoints(row.ai_effect_low)} and ${signedPoints(row.ai_effect_high)} points ` +
        `in 90% of them.`);
  }
  return box;
}

// A table of places (effect/states, effect/counties, effect/majors) with the AI effect: places
// with few agents greyed, marked and kept last however the table is sorted.
export function renderEffectTable(container, table, options) {
  const few = (r) => r.few_agents;
  renderTable(container, table, {
    ...options,
    columns: [
      'rank', options.nameColumn, 'unemployment_rate', 'twin_unemployment_rate', 'ai_effect_points',
      'ai_effect_margin', 'employed_effect', 'wage_bill_effect', 'agents'
    ],
    labels: {
      rank: '#',
      unemployment_rate: 'Unemployment',
      twin_unemployment_rate: 'No-AI twin',
      ai_effect_points: 'AI effect (pts)',
      ai_effect_margin: '± (90%)',
      employed_effect: 'Employment (AI)',
      wage_bill_effect: 'Wage bill (AI)',
    },
    format: {
      [options.nameColumn]: (v, r) =>
          (few(r) ? el('span', {}, v, ' ', el('span', {class: 'badge few'}, 'few agents')) : v),
      ai_effect_points: signedPoints,
      ai_effect_margin: (v) => (v === null ? '–' : `±${v.toFixed(2)}`),
      employed_effect: signedWorkers,
      wage_bill_effect: signedDollars,
    },
    rowClass: (r) => (few(r) ? 'few-agents' : ''),
    pinLast: few,
  });
}
