// Line charts as SVG: months along x, one line per series, a marker at the chosen month, and
// labelled events (a launch, a policy's start) as vertical lines.
import {el} from './format.js';

const W = 640, H = 240;
const M = {
  left: 64,
  right: 16,
  top: 14,
  bottom: 34
};

// About `n` round tick values covering [lo, hi]; whole steps when `integer` (counts).
function ticks(lo, hi, n = 5, integer = false) {
  if (!(hi > lo)) {
    hi = lo + 1;
  }
  const raw = (hi - lo) / n;
  const decade = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 2.5, 5, 10].map((m) => m * decade).find((s) => s >= raw);
  if (integer) step = Math.max(1, Math.round(step));
  const out = [Math.floor(lo / step + 1e-9) * step];
  while (out[out.length - 1] < hi - step * 1e-9) out.push(out[out.length - 1] + step);
  if (out.length < 2) out.push(out[0] + step);
  return out;
}

// Labels for the y ticks that differ from each other: `format(value)`, else `format(value,
// decimals)` with one more decimal at a time, until they do (3.7%, 3.7%, 3.8% becomes 3.65%,
// 3.70%, 3.75%).
function tickLabels(values, format) {
  const distinct = (labels) => new Set(labels).size === labels.length;
  let labels = values.map((v) => format(v));
  for (let decimals = 1; !distinct(labels) && decimals <= 6; decimals++) {
    labels = values.map((v) => format(v, decimals));
  }
  return labels;
}

// series: [{name, color, dashed, thin, points: [[month, value], ...]}]; format(value, decimals)
// for the y axis (decimals: undefined for its default, or more when ticks would read alike);
// integer: whole-number ticks (counts); marker: a month to mark (optional); caption: the
// accessible name. Optional: xFormat(month) for the x ticks and xTitle (default: the month
// number and 'month'); events: [{x, label}].
export function lineChart(container, {
  series,
  format,
  integer = false,
  marker,
  caption,
  xFormat = String,
  xTitle = 'month',
  events = []
}) {
  const all = series.flatMap((s) => s.points).filter(([, y]) => Number.isFinite(y));
  const svg =
      el('svg', {class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': caption});
  if (!all.length) {
    svg.append(el('text', {x: W / 2, y: H / 2, class: 'chart-empty'}, 'No values'));
    container.replaceChildren(svg);
    return;
  }
  const xs = all.map(([x]) => x), ys = all.map(([, y]) => y);
  const xlo = Math.min(...xs), xhi = Math.max(...xs);
  const yt = ticks(Math.min(...ys), Math.max(...ys), 5, integer);
  const ylabels = tickLabels(yt, format);
  const ylo = yt[0], yhi = yt[yt.length - 1];
  const px = (x) => M.left + (xhi > xlo ? (x - xlo) / (xhi - xlo) : 0.5) * (W - M.left - M.right);
  const py = (y) => H - M.bottom - ((y - ylo) / (yhi - ylo || 1)) * (H - M.top - M.bottom);
  const grid = el('g', {class: 'grid'});
  yt.forEach((t, i) => {
    grid.append(el('line', {x1: M.left, x2: W - M.right, y1: py(t), y2: py(t)}));
    grid.append(el('text', {x: M.left - 6, y: py(t) + 4, class: 'y-tick'}, ylabels[i]));
  });
  const step = Math.max(12, Math.ceil((xhi - xlo) / 10 / 12) * 12);
  for (let m = Math.ceil(xlo / step) * step; m <= xhi; m += step) {
    grid.append(el('text', {x: px(m), y: H - M.bottom + 16, class: 'x-tick'}, xFormat(m)));
  }
  grid.append(el('text', {x: (M.left + W - M.right) / 2, y: H - 4, class: 'x-title'}, xTitle));
  if (ylo < 0 && yhi > 0) {
    grid.append(el('line', {class: 'zero', x1: M.left, x2: W - M.right, y1: py(0), y2: py(0)}));
  }
  svg.append(grid);
  // Events inside the x range: a label goes right of its line when it fits before the plot's
  // edge and the next event, else left; a label that would overlap the one before goes a row
  // lower.
  const shown = events.filter((e) => e.x >= xlo && e.x <= xhi).sort((a, b) => a.x - b.x);
  let previous = null;  // {x0, x1, row} of the last label
  shown.forEach((e, i) => {
    const x = px(e.x), width = 5.8 * e.label.length;  // about 10.5px text
    const limit = i + 1 < shown.length ? px(shown[i + 1].x) : W - M.right;
    const right = x + 4 + width <= limit;
    const x0 = right ? x + 4 : x - 4 - width, x1 = x0 + width;
    const row = previous && x0 < previous.x1 + 6 ? previous.row + 1 : 0;
    previous = {x0, x1, row};
    svg.append(
        el('line', {class: 'event', x1: x, x2: x, y1: M.top, y2: H - M.bottom}),
        el('text', {
          class: 'event-label',
          x: right ? x + 4 : x - 4,
          y: M.top + 10 + 13 * row,
          'text-anchor': right ? 'start' : 'end'
        },
           e.label));
  });
  if (marker !== undefined && marker !== null) {
    svg.append(
        el('line', {class: 'marker', x1: px(marker), x2: px(marker), y1: M.top, y2: H - M.bottom}));
  }
  for (const s of series) {
    const pts = s.points.filter(([, y]) => Number.isFinite(y))
                    .map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`)
                    .join(' ');
    svg.append(el('polyline', {
      points: pts,
      class: ['line', s.dashed ? 'dashed' : '', s.thin ? 'thin' : ''].join(' ').trim(),
      stroke: s.color,
      'data-name': s.name
    }));
    if (marker !== undefined && marker !== null) {
      const at = s.points.find(([x]) => x === marker);
      if (at && Number.isFinite(at[1])) {
        svg.append(el('circle', {cx: px(at[0]), cy: py(at[1]), r: 4, fill: s.color, class: 'dot'}));
      }
    }
  }
  const legend = el(
      'div', {class: 'chart-legend'},
      series.map(
          (s) => el(
              'span', {}, el('i', {class: s.dashed ? 'key dashed' : 'key', 'data-color': s.color}),
              s.name)));
  for (const key of legend.querySelectorAll('i.key')) key.style.color = key.dataset.color;
  container.replaceChildren(svg, legend);
}
