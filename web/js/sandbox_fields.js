// The sandbox's fields, made from the scenario schema the server sends (/api/sandbox/scenarios/
// {name}: each key's group, widget, range, default, value, meaning and source), and the values
// changed, as TOML text for POST /api/sandbox/runs. docs/dashboard.md §2.
import {el} from './format.js';

// A slider's step: a thousandth of the range, rounded to a power of ten (0.001 for [0, 1]).
const stepOf = (k) =>
    (k.widget === 'whole' ? 1 : 10 ** Math.floor(Math.log10((k.hi - k.lo) / 1000)));
// Ranges over a thousandfold (budgets) get a number field instead of a slider.
const wide = (k) => k.lo === undefined || k.hi - k.lo > 1000;
const fieldId = (key, part = '') => `sb-${key.replace(/[^a-z0-9]/gi, '-')}${part}`;

// A TOML literal for a value the page holds.
function toml(widget, v) {
  if (widget === 'text' || widget === 'choice') return JSON.stringify(String(v));
  if (widget === 'flag') return v ? 'true' : 'false';
  if (widget === 'sector_map' || widget === 'state_map') {
    const entries = Object.entries(v).map(([name, x]) => `${name} = ${x}`);
    return `{ ${entries.join(', ')} }`;
  }
  if (widget === 'state_list') return `[${v.map((s) => JSON.stringify(s)).join(', ')}]`;
  return String(v);
}

function hint(k) {
  const range =
      k.widget === 'sector_map' || k.widget === 'state_map' ? k.range : `range ${k.range}`;
  return el('small', {class: 'hint'}, `${k.key} · default ${k.default} · ${range}. ${k.meaning}`);
}

// A slider with a number field beside it, both editable; `onInput(value)` on every change.
function numberInput(k, id, value, label, onInput) {
  const attrs = {min: k.lo, max: k.hi, step: stepOf(k), value};
  const number =
      el('input', {type: 'number', id: `${id}-n`, 'aria-label': `${label} (value)`, ...attrs});
  const parts = [number];
  if (!wide(k)) {
    const slider = el('input', {type: 'range', id, 'aria-label': label, ...attrs});
    slider.addEventListener('input', () => {
      number.value = slider.value;
      onInput(Number(slider.value));
    });
    number.addEventListener('input', () => {
      slider.value = number.value;
      onInput(Number(number.value));
    });
    parts.unshift(slider);
  } else {
    number.id = id;
    number.addEventListener('input', () => onInput(Number(number.value)));
  }
  return el('span', {class: 'sb-number'}, ...parts);
}

// One field: its control(s) bound to `state.values[k.key]`.
function field(k, state) {
  const v = state.values;
  const id = fieldId(k.key);
  const row = (label, control) => el('div', {class: 'sb-field'}, el('label', {for: id
                                     }, label), control, hint(k));
  switch (k.widget) {
    case 'number':
    case 'whole':
      return row(k.key, numberInput(k, id, v[k.key], k.key, (x) => (v[k.key] = x)));
    case 'flag': {
      const box = el('input', {type: 'checkbox', id});
      box.checked = v[k.key] === 'true';
      box.addEventListener('change', () => (v[k.key] = box.checked ? 'true' : 'false'));
      return row(k.key, box);
    }
    case 'choice': {
      const select = el('select', {id}, ...k.choices.map((c) => el('option', {value: c}, c)));
      select.value = v[k.key];
      select.addEventListener('change', () => (v[k.key] = select.value));
      return row(k.key, select);
    }
    case 'sector_map': {
      const rows = state.names.sectors.map((s) => {
        const sid = fieldId(k.key, `-${s.key}`);
        const range = {...k, widget: 'number'};
        return el(
            'div', {class: 'sb-sector'},
            el('label',
               {for: sid
               },
               s.title),
            numberInput(
                range, sid, v[k.key][s.key] ?? 1, `${s.title} adoption speed`,
                (x) => (v[k.key] = {...v[k.key], [s.key]: x})));
      });
      return el(
          'div', {class: 'sb-field'}, el('span', {class: 'sb-label'}, k.key), ...rows, hint(k));
    }
    case 'state_map': {
      const usps = state.usps;
      const neutral = k.key === 'adoption.state_speed' ? 1 : 0;
      return row(
          `${k.key} for ${usps}`,
          numberInput(
              {...k, widget: 'number'}, id, v[k.key][usps] ?? neutral, `${k.key} ${usps}`,
              (x) => (v[k.key] = {...v[k.key], [usps]: x})));
    }
    case 'state_list': {
      const box = el('input', {type: 'checkbox', id});
      box.checked = v[k.key].includes(state.usps);
      box.addEventListener('change', () => {
        const others = v[k.key].filter((s) => s !== state.usps);
        v[k.key] = box.checked ? [...others, state.usps] : others;
      });
      return row(`${state.usps} among ${k.key}`, box);
    }
    default: {
      const automatic = {
        name: 'sandbox-N, given when it starts',
        description: 'the values changed'
      };
      const input = el('input', {type: 'text', id, value: v[k.key], placeholder: automatic[k.key]});
      input.addEventListener('input', () => (v[k.key] = input.value));
      return row(k.key, input);
    }
  }
}

// The fields of every group into `container`; the values start as the scenario's.
export function drawFields(container, keys, state) {
  const groups = new Map();
  for (const k of keys) {
    if (!groups.has(k.group)) groups.set(k.group, []);
    groups.get(k.group).push(k);
  }
  container.replaceChildren(...[...groups].map(
      ([group, ks]) =>
          el('fieldset', {class: 'sb-group'}, el('legend', {}, group),
             ...ks.map((k) => field(k, state)))));
}

// The scenario's values as the page holds them: numbers as numbers, maps as objects.
export function initialValues(keys) {
  const out = {};
  for (const k of keys) {
    out[k.key] = k.widget === 'number' || k.widget === 'whole' ? Number(k.value) : k.value;
  }
  // The server names the run (sandbox-N) and describes it (the values changed) unless told.
  out.name = '';
  out.description = '';
  return out;
}

// The values that differ from the scenario's, as TOML text by key.
export function changedValues(keys, values) {
  const start = initialValues(keys);
  const out = {};
  for (const k of keys) {
    if (JSON.stringify(values[k.key]) !== JSON.stringify(start[k.key])) {
      out[k.key] = toml(k.widget, values[k.key]);
    }
  }
  return out;
}
