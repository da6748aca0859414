// The occupation search box: the occupations whose title or SOC code contains every word typed
// (the API's q=), in the United States or, with a state chosen, in that state, most workers
// first; choosing one opens its page in the panel.
import {getJson} from './api.js';
import {count, el, percent} from './format.js';

const SHOWN = 12;

// input, results (a list), status: the form's elements; scope() -> {fips, name} of the chosen
// state or null; onPick(soc) opens an occupation. Returns refresh(), for a change of state.
export function setupSearch({form, input, results, status, scope, onPick}) {
  let pending = null;
  let asked = 0;  // the latest search: an older answer arriving late is dropped

  function show(table, q, state) {
    const where = state ? `in ${state.name}` : 'in the United States';
    const n = table.total_rows;
    status.textContent = n === 0 ?
        `No occupation ${where} matches “${q}”.` :
        `${count(n)} occupation${n === 1 ? '' : 's'} ${where} match “${q}”` +
            (n > table.rows.length ? `; the ${table.rows.length} with most workers:` : ':');
    results.replaceChildren(...table.rows.map(
        (r) =>
            el('li', {},
               el('button',
                  {type: 'button', 'data-soc': r.soc_code, onclick: () => onPick(r.soc_code)},
                  el('span', {class: 'result-title'}, r.title),
                  el('span', {class: 'result-detail'},
                     `${r.soc_code} · ${count(r.employment)} workers` +
                         (r.exposure === null ? '' : ` · exposure ${percent(r.exposure)}`))))));
  }

  async function search() {
    const q = input.value.trim();
    const mine = ++asked;
    if (q.length < 2) {
      results.replaceChildren();
      status.textContent = q ? 'Type at least two letters.' : '';
      return;
    }
    const state = scope();
    const params = {q, sort: 'employment', limit: SHOWN};
    try {
      const table = await getJson(
          state ? `/api/states/${state.fips}/occupations` : '/api/occupations', params);
      if (mine === asked) show(table, q, state);
    } catch (e) {
      if (mine === asked) status.textContent = `Could not search: ${e.message}`;
    }
  }

  const buttons = () => [...results.querySelectorAll('button')];
  input.addEventListener('input', () => {
    clearTimeout(pending);
    pending = setTimeout(search, 180);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && buttons().length) {
      e.preventDefault();
      buttons()[0].focus();
    } else if (e.key === 'Escape') {
      input.value = '';
      search();
    }
  });
  results.addEventListener('keydown', (e) => {
    const list = buttons(), at = list.indexOf(document.activeElement);
    if (at < 0 || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
    e.preventDefault();
    const next = at + (e.key === 'ArrowDown' ? 1 : -1);
    (next < 0 ? input : list[Math.min(next, list.length - 1)]).focus();
  });
  // Enter opens the first occupation found.
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearTimeout(pending);
    await search();
    buttons()[0]?.click();
  });
  return () => {
    if (input.value.trim()) search();
  };
}
