// What the map and charts can show for a simulation run, and how a row gives it. Counts are
// mapped per 1,000 people in the labor force (employed + unemployed), so that big states do not
// look worse for being big; tables show the counts themselves. higherIsWorse picks the warm side
// of the compare map's colors.

export const RUN_METRICS = [
  {name: 'unemployment_rate', label: 'Unemployment rate', kind: 'share', higherIsWorse: true},
  {name: 'exposed_share', label: 'Exposed wage share', kind: 'share', higherIsWorse: true},
  {name: 'displaced_direct', label: 'Displaced by AI', kind: 'count', higherIsWorse: true},
  {
    name: 'displaced_indirect',
    label: 'Displaced by the local cascade',
    kind: 'count',
    higherIsWorse: true
  },
  {name: 'layoffs', label: 'Layoffs', kind: 'count', higherIsWorse: true},
  {name: 'hires', label: 'Hires', kind: 'count', higherIsWorse: false},
  {name: 'quits', label: 'Job-to-job moves', kind: 'count', higherIsWorse: false},
  {name: 'occupation_changes', label: 'Occupation changes', kind: 'count', higherIsWorse: false},
  {name: 'training', label: 'In training', kind: 'count', higherIsWorse: false},
  {name: 'unemployed', label: 'Unemployed', kind: 'count', higherIsWorse: true},
  {name: 'employed', label: 'Employed', kind: 'count', higherIsWorse: false},
];

export function metricInfo(name) {
  return RUN_METRICS.find((m) => m.name === name) || RUN_METRICS[0];
}

const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

// The metric of a row (a region, or a month of the national series).
export function metricValue(row, name) {
  if (!row) return null;
  if (name === 'unemployment_rate' && num(row.unemployment_rate) === null) {
    // Trainees stay in the labor force (docs/model.md §9).
    const force = (row.employed || 0) + (row.unemployed || 0) + (row.training || 0);
    return force > 0 ? (row.unemployed + (row.training || 0)) / force : null;
  }
  if (name === 'exposed_share' && num(row.exposed_share) === null) {
    return row.wage_bill > 0 ? row.exposed_wages / row.wage_bill : null;
  }
  return num(row[name]);
}

// Sums of count columns over several rows (counties a map shape stands for), with the ratios
// made again from the sums.
export function sumRows(rows) {
  if (!rows.length) return null;
  const out = {};
  for (const k
           of ['employed', 'unemployed', 'training', 'layoffs', 'displaced_direct',
               'displaced_indirect', 'quits', 'hires', 'occupation_changes', 'wage_bill',
               'exposed_wages']) {
    out[k] = rows.reduce((s, r) => s + (r[k] || 0), 0);
  }
  const force = out.employed + out.unemployed + out.training;
  out.unemployment_rate = force > 0 ? (out.unemployed + out.training) / force : null;
  out.exposed_share = out.wage_bill > 0 ? out.exposed_wages / out.wage_bill : null;
  return out;
}

// What the map shows for a metric: ratios as they are, counts per 1,000 in the labor force.
export function mapValue(row, name) {
  const v = metricValue(row, name);
  if (v === null || metricInfo(name).kind === 'share') return v;
  const force = (row.employed || 0) + (row.unemployed || 0);
  return force > 0 ? (1000 * v) / force : null;
}

export function mapUnit(name) {
  return metricInfo(name).kind === 'share' ? '' : ' per 1,000 in the labor force';
}
