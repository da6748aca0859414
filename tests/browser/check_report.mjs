// Opens floe's HTML report in the system Chromium, saves a full-page screenshot and checks, on
// the pixels, that the state map (svg#state-map) was drawn: the map region is not blank, and
// inside every `path.state` the screenshot has that path's fill color; with --charts, that the
// line charts of the simulation report were drawn: each chart's box holds pixels of every one of
// its lines' colors. Exits 1 with a clear message if not.
//
// Usage: node check_report.mjs REPORT.html OUT.png [--states N] [--charts N]
//   --states N: how many states the data has (default: the report's data-states-in-data).
//   --charts N: how many line charts the page must have (default 0: none checked).
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const TOLERANCE = 3;      // largest difference per color channel, 0-255
const MIN_COLORS = 2;     // distinct non-background colors the map must at least have
const MIN_INK = 0.1;      // share of the map region that must differ from the background
const CANDIDATES = 3;     // points tried per state, deepest inside first
const DPR = 2;            // screenshot pixels per CSS pixel
// Pixels of a line's exact color in its chart's plot (the legend left out): a line across the
// plot has thousands; the dot at its end alone about 110.
const MIN_LINE_PIXELS = 300;

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const positional = [];
  let states = null;
  let charts = 0;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--states') states = Number(argv[++i]);
    else if (argv[i] === '--charts') charts = Number(argv[++i]);
    else positional.push(argv[i]);
  }
  if (positional.length !== 2 || (states !== null && !Number.isInteger(states)) ||
      !Number.isInteger(charts)) {
    fail('usage: node check_report.mjs REPORT.html OUT.png [--states N] [--charts N]');
  }
  return { report: resolve(positional[0]), png: resolve(positional[1]), states, charts };
}

// Runs in the page: for every state path, its fill and the points inside it that are farthest
// from its edge, so that anti-aliasing and borders do not touch them, as screenshot pixels
// (page CSS pixels times the device pixel ratio `dpr`).
function measureStates(dpr) {
  const parseRgb = (css) => css.match(/\d+/g).slice(0, 3).map(Number);
  const radii = [0.75, 1.5, 2.5, 4, 6, 9];
  const directions = [...Array(8).keys()].map((k) => [Math.cos(k * Math.PI / 4),
                                                      Math.sin(k * Math.PI / 4)]);
  const states = [];
  for (const path of document.querySelectorAll('svg#state-map path.state')) {
    const inverse = path.getScreenCTM().inverse();
    const inside = (x, y) => {
      const p = new DOMPoint(x, y).matrixTransform(inverse);
      return path.isPointInFill(p) && !path.isPointInStroke(p);
    };
    const clearance = (x, y) => {
      let best = 0;
      for (const r of radii) {
        if (!directions.every(([dx, dy]) => inside(x + r * dx, y + r * dy))) break;
        best = r;
      }
      return best;
    };
    const box = path.getBoundingClientRect();
    const step = Math.max(1 / dpr, Math.min(box.width, box.height) / 12);
    const points = [];
    // Centers of screenshot pixels, so that a point names one pixel unambiguously.
    for (let y = box.top; y < box.bottom; y += step) {
      for (let x = box.left; x < box.right; x += step) {
        const px = Math.floor((x + scrollX) * dpr), py = Math.floor((y + scrollY) * dpr);
        const cx = (px + 0.5) / dpr - scrollX, cy = (py + 0.5) / dpr - scrollY;
        if (inside(cx, cy)) points.push({ x: px, y: py, depth: clearance(cx, cy) });
      }
    }
    points.sort((a, b) => b.depth - a.depth);
    const title = path.querySelector('title');
    states.push({
      fips: path.dataset.fips,
      name: title ? title.textContent.split(':')[0] : path.dataset.fips,
      fill: parseRgb(getComputedStyle(path).fill),
      points: points.slice(0, 3),
    });
  }
  const figure = document.querySelector('#state-figure');
  const map = document.querySelector('svg#state-map').getBoundingClientRect();
  return {
    states,
    expected: figure ? Number(figure.dataset.statesInData) : null,
    map: { x: (map.left + scrollX) * dpr, y: (map.top + scrollY) * dpr, width: map.width * dpr,
           height: map.height * dpr },
    background: parseRgb(getComputedStyle(document.body).backgroundColor),
  };
}

// Runs in the page: every line chart's plot (the box of its gridlines and axes, below the
// legend), as screenshot pixels, and its lines' colors.
function measureCharts(dpr) {
  const parseRgb = (css) => css.match(/\d+/g).slice(0, 3).map(Number);
  return [...document.querySelectorAll('svg.chart')].map((svg) => {
    const grid = svg.querySelector('.chart-grid');
    const r = (grid || svg).getBoundingClientRect();
    const lines = [...svg.querySelectorAll('path.series')];
    return {
      id: svg.id,
      box: { x: (r.left + scrollX) * dpr, y: (r.top + scrollY) * dpr, width: r.width * dpr,
             height: r.height * dpr },
      lines: lines.length,
      colors: [...new Set(lines.map((p) => getComputedStyle(p).stroke))].map(parseRgb),
    };
  });
}

function pixel(png, x, y) {
  const i = (png.width * y + x) << 2;
  return [png.data[i], png.data[i + 1], png.data[i + 2]];
}

const near = (a, b) => a.every((v, k) => Math.abs(v - b[k]) <= TOLERANCE);
const hex = (c) => '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('');

// Not blank: every chart has lines, and every line color shows in the chart's plot.
function checkCharts(png, charts, want) {
  if (charts.length < want) fail(`${charts.length} line charts on the page, want ${want}`);
  const problems = [];
  for (const c of charts) {
    if (c.lines === 0) {
      problems.push(`${c.id}: no lines`);
      continue;
    }
    const x0 = Math.max(0, Math.round(c.box.x)), y0 = Math.max(0, Math.round(c.box.y));
    const x1 = Math.min(png.width, Math.round(c.box.x + c.box.width));
    const y1 = Math.min(png.height, Math.round(c.box.y + c.box.height));
    const counts = c.colors.map(() => 0);
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const p = pixel(png, x, y);
        c.colors.forEach((color, k) => { if (near(p, color)) counts[k]++; });
      }
    }
    c.colors.forEach((color, k) => {
      if (counts[k] < MIN_LINE_PIXELS) {
        problems.push(`${c.id}: ${counts[k]} pixels of its line color ${hex(color)} ` +
                      `(want ${MIN_LINE_PIXELS}+)`);
      }
    });
    console.log(`chart ${c.id}: ${c.lines} lines, ` +
                c.colors.map((color, k) => `${counts[k]} px of ${hex(color)}`).join(', '));
  }
  if (problems.length) fail(`charts look blank:\n  ${problems.join('\n  ')}`);
  console.log(`ok: all ${charts.length} charts drawn`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.report)) fail(`no report at ${args.report}`);
  if (!existsSync(CHROMIUM)) fail(`no Chromium at ${CHROMIUM} (scripts/deps.sh test installs it)`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  try {
    // Two screenshot pixels per CSS pixel: the District of Columbia is about 4 CSS pixels wide
    // on the map, too few to hold a pixel untouched by anti-aliasing and borders at 1x.
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 },
                                         deviceScaleFactor: DPR });
    // The report must be self-contained: any request other than the file itself is an error.
    const fetched = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      fetched.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(args.report).href, { waitUntil: 'load' });
    if (fetched.length) fail(`the report fetched ${fetched.length} URL(s), e.g. ${fetched[0]}`);

    const m = await page.evaluate(measureStates, DPR);
    const charts = await page.evaluate(measureCharts, DPR);
    const shot = await page.screenshot({ fullPage: true });
    writeFileSync(args.png, shot);
    const png = PNG.sync.read(shot);
    console.log(`screenshot ${png.width}x${png.height} -> ${args.png}`);

    // Not blank: the map region has ink, in several colors.
    const colors = new Set();
    let ink = 0, total = 0;
    const x0 = Math.max(0, Math.round(m.map.x)), y0 = Math.max(0, Math.round(m.map.y));
    const x1 = Math.min(png.width, Math.round(m.map.x + m.map.width));
    const y1 = Math.min(png.height, Math.round(m.map.y + m.map.height));
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const c = pixel(png, x, y);
        total++;
        if (near(c, m.background)) continue;
        ink++;
        colors.add(hex(c));
      }
    }
    const fills = new Set(m.states.map((s) => hex(s.fill)));
    const wantColors = Math.max(MIN_COLORS, fills.size);
    if (total === 0) fail('the state map has no area on the page');
    if (colors.size < wantColors || ink / total < MIN_INK) {
      fail(`the state map looks blank: ${colors.size} colors (want ${wantColors}+), ` +
           `${(100 * ink / total).toFixed(1)}% of its pixels drawn (want ${100 * MIN_INK}%+)`);
    }
    console.log(`state map: ${colors.size} distinct colors, ${(100 * ink / total).toFixed(1)}% ` +
                `of ${total} pixels drawn, ${fills.size} fill colors`);

    // Every state drawn in its own color.
    const problems = [];
    let checked = 0;
    for (const s of m.states) {
      if (s.points.length === 0) {
        problems.push(`${s.name} (${s.fips}): no point inside its shape is visible`);
        continue;
      }
      const seen = s.points.slice(0, CANDIDATES).map((p) => pixel(png, p.x, p.y));
      if (seen.some((c) => near(c, s.fill))) {
        checked++;
      } else {
        const p = s.points[0];
        problems.push(`${s.name} (${s.fips}): fill ${hex(s.fill)}, screenshot has ` +
                      `${seen.map(hex).join('/')} at pixel (${p.x}, ${p.y})`);
      }
    }
    const expected = args.states ?? m.expected;
    if (problems.length) fail(`states not drawn in their color:\n  ${problems.join('\n  ')}`);
    if (expected === null || Number.isNaN(expected)) {
      fail('the report does not say how many states its data has (data-states-in-data)');
    }
    if (checked !== expected) {
      fail(`${checked} states drawn and checked, but the data has ${expected}`);
    }
    console.log(`ok: all ${checked} states drawn in their fill color`);
    if (args.charts > 0) checkCharts(png, charts, args.charts);
  } finally {
    await browser.close();
  }
}

main().catch((e) => fail(e.stack || String(e)));
