// Tables from the API's table JSON ({title, columns: [{name, label, kind}], rows, notes}): real
// <table> elements with a caption, sortable headers and a CSV download of the whole endpoint.
import {el, formatValue} from './format.js';

const numeric = (c) => c.kind !== 'text' && c.kind !== 'flag';

// options: columns (names to show, in order; default all), labels ({name: header}), caption,
//   csv (URL of the CSV download), onRow(row) (makes rows clickable), rowLabel(row) (their
//   accessible name), limit (rows shown; the rest behind "show all"), selected(row) -> bool,
//   format ({name: fn(value, row)}), rowClass(row) (a class for the row), pinLast(row) (rows
//   kept after the others however the table is sorted: places resting on too few agents).
export function renderTable(container, table, options = {}) {
  const shown = (options.columns || table.columns.map((c) => c.name))
                    .map((n) => table.columns.find((c) => c.name === n))
                    .filter(Boolean);
  let rows = table.rows.slice();
  let sort = null;  // {name, descending}
  let expanded = false;

  const wrap = el('div', {class: 'table-card'});
  const head =
      el('div', {class: 'table-head'}, el('h3', {}, options.caption || table.title),
         options.csv ? el('a', {
           class: 'button csv',
           href: options.csv,
           download: '',
           'aria-label': `Download ${options.caption || table.title} as CSV`
         },
                          'CSV ↓') :
                       null);
  const scroller = el('div', {class: 'table-scroll'});
  const foot = el('div', {class: 'table-foot'});
  wrap.append(head, scroller, foot);

  function draw() {
    const limit = options.limit && !expanded ? options.limit : rows.length;
    const thead =
        el('thead', {}, el('tr', {}, shown.map((c) => {
             const state = sort && sort.name === c.name ?
                 (sort.descending ? 'descending' : 'ascending') :
                 'none';
             const button =
                 el('button', {type: 'button', class: 'sort'},
                    (options.labels && options.labels[c.name]) || c.label || c.name,
                    el('span', {class: 'arrow', 'aria-hidden': 'true'},
                       state === 'descending'    ? ' ▼' :
                           state === 'ascending' ? ' ▲' :
                                                   ''));
             button.addEventListener('click', () => {
               const descending = sort && sort.name === c.name ? !sort.descending : numeric(c);
               sort = {name: c.name, descending};
               rows.sort((a, b) => {
                 if (options.pinLast && options.pinLast(a) !== options.pinLast(b)) {
                   return options.pinLast(a) ? 1 : -1;
                 }
                 const x = a[c.name], y = b[c.name];
                 if (x === null || x === undefined) return 1;
                 if (y === null || y === undefined) return -1;
                 const d = typeof x === 'string' ? x.localeCompare(y) : x - y;
                 return descending ? -d : d;
               });
               draw();
             });
             return el(
                 'th', {scope: 'col', class: numeric(c) ? 'num' : '', 'aria-sort': state}, button);
           })));
    const tbody = el('tbody');
    for (const row of rows.slice(0, limit)) {
      const tr = el('tr', {
        class: [
          options.onRow ? 'clickable' : '',
          options.selected && options.selected(row) ? 'selected' : '',
          options.rowClass ? options.rowClass(row) : ''
        ].join(' ').trim() ||
            null,
      });
      shown.forEach((c, i) => {
        const custom = options.format && options.format[c.name];
        const text = custom ? custom(row[c.name], row) : formatValue(row[c.name], c);
        const cell = el(
            i === 0 ? 'th' : 'td', {class: numeric(c) ? 'num' : '', scope: i === 0 ? 'row' : null});
        if (i === 0 && options.onRow) {
          cell.append(
              el('button', {
                type: 'button',
                class: 'row-link',
                'aria-label': options.rowLabel ? options.rowLabel(row) : null,
                onclick: () => options.onRow(row)
              },
                 text));
        } else {
          cell.append(text instanceof Node ? text : document.createTextNode(text));
        }
        tr.append(cell);
      });
      if (options.onRow)
        tr.addEventListener('click', (e) => {
          if (!e.target.closest('button')) options.onRow(row);
        });
      tbody.append(tr);
    }
    scroller.replaceChildren(el('table', {}, thead, tbody));
    const parts = [];
    if (limit < rows.length) {
      parts.push(
          el('button', {
            type: 'button',
            class: 'link',
            onclick: () => {
              expanded = true;
              draw();
            }
          },
             `Show all ${rows.length} rows`));
    } else if (table.total_rows > rows.length) {
      parts.push(el('span', {}, `${rows.length} of ${table.total_rows} rows (the CSV has all)`));
    }
    for (const n of table.notes || []) parts.push(el('p', {class: 'note'}, n));
    foot.replaceChildren(...parts);
  }
  draw();
  container.replaceChildren(wrap);
  return wrap;
}
