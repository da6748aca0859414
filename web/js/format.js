// Numbers as floe writes them everywhere (format_value in src/table/table.cc): 12.3%, $1.2B,
// 12,345.

const grouped = new Intl.NumberFormat('en-US', {maximumFractionDigits: 0});

// Negative numbers take the minus sign (U+2212) before any dollar sign, as floe's terminal
// tables do: −1,234, −$33.7M, −0.4%. A figure that rounds to zero has no sign.
const MINUS = '\u2212';
const signed = (v, text) => (v < 0 && /[1-9]/.test(text) ? MINUS + text : text);

export function dollars(v) {
  const a = Math.abs(v);
  if (a >= 1e12) return signed(v, `$${(a / 1e12).toFixed(2)}T`);
  if (a >= 1e9) return signed(v, `$${(a / 1e9).toFixed(1)}B`);
  if (a >= 1e6) return signed(v, `$${(a / 1e6).toFixed(1)}M`);
  return signed(v, `$${grouped.format(a)}`);
}

export function percent(v, decimals = 1) {
  return signed(v, `${(100 * Math.abs(v)).toFixed(decimals)}%`);
}

export function count(v) {
  return signed(v, grouped.format(Math.abs(v)));
}

// A statistic of any size (168 a month, a share of 0.143, a ratio of 19.6): three significant
// digits, whole and grouped from 100 up (format_value's 'statistic' in src/table/table.cc).
export function statistic(v) {
  if (Math.abs(v) >= 99.95) return count(v);
  if (v === 0) return '0';
  return signed(v, String(Number(Math.abs(v).toPrecision(3))));
}

// A value of a table column ({kind, precision}), as text.
export function formatValue(v, column) {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return v;
  switch (column.kind) {
    case 'count':
      return count(v);
    case 'dollars':
      return dollars(v);
    case 'share':
      return percent(v, column.precision ?? 1);
    case 'flag':
      return v ? 'yes' : 'no';
    case 'number':
      return signed(v, Math.abs(v).toFixed(column.precision ?? 1));
    case 'statistic':
      return statistic(v);
    default:
      return String(v);
  }
}

// A difference between two values of a column: +1.2 pts, -$3.4M, +1,234.
export function formatDifference(v, column) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  const sign = v > 0 ? '+' : v < 0 ? '−' : '±';
  const a = Math.abs(v);
  if (column.kind === 'share') return `${sign}${(100 * a).toFixed(2)} pts`;
  return sign + formatValue(a, column);
}

// "Month 30 (2 years 6 months)"
export function monthLabel(m) {
  const y = Math.floor(m / 12), r = m % 12;
  const parts = [];
  if (y) parts.push(`${y} year${y === 1 ? '' : 's'}`);
  if (r || !y) parts.push(`${r} month${r === 1 ? '' : 's'}`);
  return m === 0 ? 'Month 0 (start)' : `Month ${m} (${parts.join(' ')})`;
}

// Calendar months of the AI-talent tables: 'YYYY-MM' <-> a month index (January 2011 is 0, as
// floe::talent_month), and names for people: 'December 2022', or 'Dec 2022' when short.
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'
];

export function monthIndex(date) {
  return (Number(date.slice(0, 4)) - 2011) * 12 + Number(date.slice(5, 7)) - 1;
}

export function dateOf(index) {
  const year = 2011 + Math.floor(index / 12), month = index - (year - 2011) * 12 + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function dateLabel(date, short = false) {
  const name = MONTHS[Number(date.slice(5, 7)) - 1];
  return `${short ? name.slice(0, 3) : name} ${date.slice(0, 4)}`;
}

// A signed count: +1,234, −56, ±0.
export function signedCount(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${count(Math.abs(v))}`;
}

// Creates an element: el('td', {class: 'num'}, 'text', child, ...).
export function el(tag, attrs = {}, ...children) {
  const svg = ['svg', 'path', 'g', 'circle', 'line', 'polyline', 'text', 'rect', 'title'];
  const node = svg.includes(tag) ? document.createElementNS('http://www.w3.org/2000/svg', tag) :
                                   document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function')
      node.addEventListener(k.slice(2), v);
    else
      node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}
