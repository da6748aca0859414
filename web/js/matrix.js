// The moves matrix: where AI-skilled workers came from (rows) and went (columns) over a period,
// from /api/runs/{run}/talent/moves ({origin, label, to_<class>..., moved_out}). Each cell is
// shaded by its size against the largest move, so the main routes stand out; the totals are in
// the last column (all moves out) and the last row (all moves in). A real <table>: screen
// readers get its row and column headers.
import {count, el} from './format.js';

const SHADE = [18, 61, 110];  // --accent

// options: caption, csv (URL of the CSV download).
export function movesMatrix(container, table, {caption, csv}) {
  const destinations = table.columns.filter((c) => c.name.startsWith('to_'));
  const value = (row, c) => (typeof row[c.name] === 'number' ? row[c.name] : null);
  const max = Math.max(1, ...table.rows.flatMap((r) => destinations.map((c) => value(r, c) || 0)));
  const totals = destinations.map((c) => table.rows.reduce((s, r) => s + (value(r, c) || 0), 0));

  const cell = (row, c) => {
    const v = value(row, c);
    const td =
        el('td', {
          class: v === null ? 'num diagonal' : 'num',
          'data-from': row.origin,
          'data-to': c.name.slice(3)
        },
           v === null ? '–' : count(v));
    if (v) {
      // CSS custom properties would need inline style attributes, which the page's CSP forbids;
      // the CSSOM is allowed.
      const a = 0.06 + 0.84 * (v / max);
      td.style.backgroundColor = `rgba(${SHADE.join(', ')}, ${a.toFixed(3)})`;
      if (a > 0.5) td.classList.add('dark');
    }
    return td;
  };
  const head =
      el('tr', {}, el('th', {scope: 'col', class: 'corner'}, 'From ↓  To →'),
         destinations.map((c) => el('th', {scope: 'col', class: 'num'}, c.label)),
         el('th', {scope: 'col', class: 'num total'}, 'All moves out'));
  const body = table.rows.map(
      (row) =>
          el('tr', {}, el('th', {scope: 'row'}, row.label), destinations.map((c) => cell(row, c)),
             el('td', {class: 'num total'}, count(row.moved_out || 0))));
  const foot =
      el('tr', {}, el('th', {scope: 'row'}, 'All moves in'),
         totals.map((t) => el('td', {class: 'num total'}, count(t))),
         el('td', {class: 'num total'}, count(totals.reduce((s, t) => s + t, 0))));

  container.replaceChildren(
      el('div', {class: 'table-card'},
         el('div', {class: 'table-head'}, el('h3', {}, caption),
            csv ? el('a', {
              class: 'button csv',
              href: csv,
              download: '',
              'aria-label': `Download ${caption} as CSV`
            },
                     'CSV ↓') :
                  null),
         el('div', {class: 'table-scroll'},
            el('table', {class: 'matrix'}, el('caption', {class: 'visually-hidden'}, caption),
               el('thead', {}, head), el('tbody', {}, body), el('tfoot', {}, foot))),
         el('div', {class: 'table-foot'},
            (table.notes || []).map((n) => el('p', {class: 'note'}, n)))));
}
