// Color scales for the maps, from the server (/api/scale: the report's palette and round class
// breaks, src/report/palette.h), so the dashboard and the report color alike.
import {getJson} from './api.js';

function classOf(breaks, v) {
  let i = 0;
  while (i < breaks.length - 2 && v >= breaks[i + 1]) i++;
  return i;
}

// The range to cover. `robust`: from the 5th to the 95th percentile, so that one outlier (a
// small state in a sampled run) does not squeeze every other region into one class; values
// beyond fall in the end classes, and the legend says so (clipped).
function range(values, robust) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return {lo: 0, hi: 0, clipped: [false, false]};
  if (!robust || v.length < 20) return {lo: v[0], hi: v[v.length - 1], clipped: [false, false]};
  const at = (q) => v[Math.round(q * (v.length - 1))];
  const lo = at(0.05), hi = at(0.95);
  return {lo, hi, clipped: [v[0]<lo, v[v.length - 1]>hi]};
}

function scale(kind, s, clipped) {
  return {
    kind,
    breaks: s.breaks,
    colors: s.colors,
    decimals: s.decimals,
    noData: s.no_data,
    clipped,
    color(v) {
      if (typeof v !== 'number' || !Number.isFinite(v)) return s.no_data;
      return s.colors[classOf(s.breaks, v)];
    },
  };
}

// A sequential scale covering `values` (numbers; nulls ignored).
export async function sequentialScale(values, robust = false) {
  const r = range(values, robust);
  const s = await getJson('/api/scale', {lo: r.lo, hi: r.hi || r.lo + 1e-9, classes: 7});
  return scale('sequential', s, r.clipped);
}

// Classes diverging from zero, for differences between runs: the report's diverging scale
// (warm is worse: `higherIsWorse` says which side that is).
export async function divergingScale(values, higherIsWorse = true, robust = true) {
  const r = range(values, robust);
  const s = await getJson(
      '/api/scale',
      {lo: r.lo, hi: r.hi, type: 'diverging', higher_is_worse: String(higherIsWorse)});
  return scale('diverging', s, r.clipped);
}
