// The sandbox view: a scenario built from a shipped one with the fields of sandbox_fields.js, a
// scale with its expected run time, Run (POST /api/sandbox/runs: floe simulate in the
// background), its progress by polling, and the runs made, each with its TOML and the command
// that repeats it. When a run is done, `onRun(id)` adds it to the scenario selectors.
// docs/dashboard.md; the API in src/serve/README.md.
import {apiUrl} from './api.js';
import {el} from './format.js';
import {changedValues, drawFields, initialValues} from './sandbox_fields.js';

const $ = (id) => document.getElementById(id);
const sb = {
  info: null,
  keys: [],
  state: {values: {}, names: null, usps: 'CA'},
  onRun: null
};

async function fetchJson(path, options = {}) {
  const r = await fetch(path, {headers: {Accept: 'application/json'}, ...options});
  const body = await r.json().catch(() => ({}));
  if (!r.ok) {
    const e = new Error(body.error || `${r.status} ${r.statusText}`);
    e.parameter = body.parameter;
    throw e;
  }
  return body;
}

const minutes = (s) => (s < 90 ? `${Math.round(s)} s` : `${(s / 60).toFixed(1)} min`);

function scaleLabel(s) {
  const workers = Math.round(151.8e6 * s.scale).toLocaleString('en-US');
  if (!s.seconds) return `${s.scale} (${workers} agents)`;
  return `${s.scale} (${workers} agents): about ${minutes(s.seconds)} and ${
      s.gib} GiB for 120 months`;
}

async function loadScenario(name) {
  const page = await fetchJson(`/api/sandbox/scenarios/${encodeURIComponent(name)}`);
  sb.keys = page.keys;
  sb.state.values = initialValues(page.keys);
  $('sb-description').textContent = page.description;
  drawFields($('sb-fields'), sb.keys, sb.state);
}

function jobRow(job) {
  const bar = el('progress', {max: 100, value: job.percent, 'aria-label': `${job.id} progress`});
  const phase = job.state === 'running' ?
      `${job.phase}${job.note ? `: ${job.note}` : ''} (${job.percent}%)` :
      job.state === 'done' ? 'done (100%)' :
                             `${job.state}: ${job.message}`;
  const actions =
      [el('a', {href: job.toml, download: `${job.id}.toml`, class: 'sb-toml'}, 'Scenario TOML')];
  if (job.state === 'running') {
    actions.push(el(
        'button', {type: 'button', class: 'button small', onclick: () => cancel(job.id)}, 'Stop'));
  }
  return el(
      'li', {class: `sb-job ${job.state}`, 'data-id': job.id, 'data-state': job.state},
      el('strong', {}, job.id), ` from ${job.from}, scale ${job.scale}, ${job.months} months `, bar,
      el('span', {class: 'sb-phase'}, phase), ' ', ...actions,
      el('div', {class: 'hint'}, 'Repeat it from the command line: ', el('code', {}, job.command)));
}

async function cancel(id) {
  await fetchJson(
      `/api/sandbox/jobs/${id}/cancel`,
      {method: 'POST', headers: {'Content-Type': 'application/json'}, body: '{}'});
  poll();
}

let polling = null;
const announced = new Set();
async function poll() {
  clearTimeout(polling);
  const info = await fetchJson('/api/sandbox');
  $('sb-jobs').replaceChildren(...info.jobs.slice().reverse().map(jobRow));
  for (const job of info.jobs) {
    if (job.state === 'done' && !announced.has(job.id)) {
      announced.add(job.id);
      await sb.onRun?.(job.run);
    }
  }
  if (info.jobs.some((j) => j.state === 'running')) polling = setTimeout(poll, 500);
}

async function run(event) {
  event.preventDefault();
  const message = $('sb-message');
  message.classList.remove('error');
  const body = {
    from: $('sb-from').value,
    scale: Number($('sb-scale').value),
    values: changedValues(sb.keys, sb.state.values)
  };
  try {
    const job = await fetchJson(apiUrl('/api/sandbox/runs'), {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(body)
    });
    message.textContent = `Started ${job.id}; it appears in the scenario list when done.`;
    poll();
  } catch (e) {
    message.textContent = e.message;
    message.classList.add('error');
  }
}

// Builds the view once. `onRun(id)` is called when a run started here is done.
export async function setupSandbox(onRun) {
  sb.onRun = onRun;
  sb.info = await fetchJson('/api/sandbox');
  const intro = $('sb-intro');
  if (!sb.info.enabled) {
    intro.replaceChildren(
        'The sandbox is off. ', sb.info.how.replace(/floe serve.*/, ''),
        el('code', {}, 'floe serve --runs out/sandbox'), ', then reload this page.');
    $('sb-form').hidden = true;
    return;
  }
  sb.state.names = sb.info.names;
  const from = $('sb-from');
  from.replaceChildren(...sb.info.scenarios.map((s) => el('option', {value: s.name}, s.name)));
  from.addEventListener('change', () => loadScenario(from.value));
  $('sb-scale')
      .replaceChildren(...sb.info.scales.map((s) => el('option', {value: s.scale}, scaleLabel(s))));
  $('sb-scale').value = '0.001';
  $('sb-machine').textContent =
      `Times measured on ${sb.info.machine}; a run with fewer months takes less.`;
  const state = $('sb-state');
  state.replaceChildren(...sb.info.names.states.map((s) => el('option', {value: s.usps}, s.name)));
  if (!sb.info.names.states.some((s) => s.usps === 'CA'))
    sb.state.usps = sb.info.names.states[0]?.usps;
  state.value = sb.state.usps;
  state.addEventListener('change', () => {
    sb.state.usps = state.value;
    drawFields($('sb-fields'), sb.keys, sb.state);
  });
  $('sb-form').addEventListener('submit', run);
  await loadScenario(from.value || 'baseline');
  await poll();
}
