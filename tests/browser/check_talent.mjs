// The AI-talent pages in the system Chromium: the talent report (`floe talent report`) and a
// simulation report with its "AI talent" section (`floe report --run`). For each page: it loads
// with no console error, no uncaught exception and no request other than the file itself; every
// talent chart is there and each of its lines is drawn (pixels of the line's color in the chart's
// plot, each line drawn alone and without the dot at its end, so that neither another line of
// the same color nor the dot can stand in for it); the observations on the PhD chart are drawn as
// dots of their color. Saves a full-page screenshot of
// each page in OUT_DIR. Exits 1 with a clear message on the first failure.
//
// Usage: node check_talent.mjs TALENT.html RUN_REPORT.html OUT_DIR
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const DPR = 2;             // screenshot pixels per CSS pixel
const TOLERANCE = 3;       // largest difference per color channel, 0-255
// Pixels of a line's exact color in its plot, drawn alone: a line across a plot has thousands;
// the shortest line on these pages (the observed mean over four years) about 500.
const MIN_LINE_PIXELS = 150;

// The charts each page must have, by page: [id, fewest lines].
const TALENT_CHARTS = [['chart-net-flow', 3], ['chart-headcount', 8], ['chart-phds', 2],
                       ['chart-genai', 1]];
const LEVER_CHARTS = [['chart-levers-net-flow', 2], ['chart-levers-stealth', 2],
                      ['chart-levers-labs', 2]];
const RUN_CHARTS = [['chart-talent-net-flow', 2], ['chart-talent-cumulative', 2]];

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exit(1);
}

// Runs in the page: each chart's plot (the box of its gridlines and axes, below the legend) in
// page CSS pixels, its lines' labels and colors, its observation dots' centres (as screenshot
// pixels) and fills; and whether the page has a levers section.
function measure(dpr) {
  const rgb = (css) => css.match(/\d+/g).slice(0, 3).map(Number);
  const charts = [...document.querySelectorAll('svg.chart')].map((svg) => {
    const r = svg.querySelector('.chart-grid').getBoundingClientRect();
    return {
      id: svg.id,
      box: { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height },
      lines: [...svg.querySelectorAll('path.series')].map((p) => ({
        label: p.dataset.label, color: rgb(getComputedStyle(p).stroke) })),
      points: [...svg.querySelectorAll('circle.series-point')].map((c) => {
        const b = c.getBoundingClientRect();
        return { x: Math.floor((b.left + b.width / 2 + scrollX) * dpr),
                 y: Math.floor((b.top + b.height / 2 + scrollY) * dpr),
                 color: rgb(getComputedStyle(c).fill) };
      }),
    };
  });
  return { charts, levers: document.querySelector('section#levers') !== null };
}

// Runs in the page: shows only line `k` of chart `id` (every line for k = -1).
function showOnly([id, k]) {
  document.querySelectorAll(`svg#${id} path.series, svg#${id} g.series-points`).forEach((e, i) => {
    e.style.visibility = k < 0 || i === k ? '' : 'hidden';
  });
}

const near = (a, b) => a.every((v, k) => Math.abs(v - b[k]) <= TOLERANCE);
const hex = (c) => '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('');

function pixel(png, x, y) {
  const i = (png.width * y + x) << 2;
  return [png.data[i], png.data[i + 1], png.data[i + 2]];
}

function countColor(png, color) {
  let n = 0;
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) if (near(pixel(png, x, y), color)) n++;
  }
  return n;
}

// Pixels of each line's color in its chart's plot, drawn alone, so that lines of one color
// (solid and dashed) and lines under others are each checked.
async function linePixels(page, chart) {
  const counts = [];
  for (let k = 0; k < chart.lines.length; k++) {
    await page.evaluate(showOnly, [chart.id, k]);
    const shot = await page.screenshot({ fullPage: true, clip: chart.box });
    counts.push(countColor(PNG.sync.read(shot), chart.lines[k].color));
  }
  await page.evaluate(showOnly, [chart.id, -1]);
  return counts;
}

// Checks one page; `wanted(levers)` gives its charts, given whether it has a levers section.
async function checkPage(browser, file, png, wanted) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 },
                                       deviceScaleFactor: DPR });
  const errors = [], fetched = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    fetched.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const name = file.split('/').pop();
  const { charts, levers } = await page.evaluate(measure, DPR);
  const shot = await page.screenshot({ fullPage: true });
  writeFileSync(png, shot);
  const image = PNG.sync.read(shot);
  // Only the lines themselves may count as drawn, not the dots at their ends.
  await page.addStyleTag({ content: 'circle.series-end { display: none; }' });

  const problems = [];
  for (const [id, fewest] of wanted(levers)) {
    const chart = charts.find((c) => c.id === id);
    if (!chart) {
      problems.push(`${id}: not on the page`);
      continue;
    }
    if (chart.lines.length < fewest) {
      problems.push(`${id}: ${chart.lines.length} lines, want ${fewest}+`);
    }
    const counts = await linePixels(page, chart);
    chart.lines.forEach((l, k) => {
      if (counts[k] < MIN_LINE_PIXELS) {
        problems.push(`${id}: line '${l.label}' has ${counts[k]} pixels of its color ` +
                      `${hex(l.color)} (want ${MIN_LINE_PIXELS}+)`);
      }
    });
    for (const p of chart.points) {
      const seen = pixel(image, p.x, p.y);
      if (!near(seen, p.color)) {
        problems.push(`${id}: observation dot at (${p.x}, ${p.y}) is ${hex(seen)}, ` +
                      `want ${hex(p.color)}`);
      }
    }
    console.log(`${name} ${id}: ${chart.lines.map((l, k) => `${l.label} ${counts[k]} px`)
      .join(', ')}${chart.points.length ? `; ${chart.points.length} observation dots` : ''}`);
  }
  await page.close();
  if (errors.length) fail(`${name}: ${errors.length} console error(s), e.g. ${errors[0]}`);
  if (fetched.length) fail(`${name}: fetched ${fetched.length} URL(s), e.g. ${fetched[0]}`);
  if (problems.length) fail(`${name}: charts not drawn:\n  ${problems.join('\n  ')}`);
  return charts;
}

async function main() {
  const args = process.argv.slice(2);
  if (args.length !== 3) fail('usage: node check_talent.mjs TALENT.html RUN_REPORT.html OUT_DIR');
  const [talent, run] = args.slice(0, 2).map((f) => resolve(f));
  const out = resolve(args[2]);
  for (const f of [talent, run]) if (!existsSync(f)) fail(`no page at ${f}`);
  if (!existsSync(CHROMIUM)) fail(`no Chromium at ${CHROMIUM} (scripts/deps.sh test installs it)`);
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  try {
    // A scenario with levers adds its section and its three charts.
    const charts = await checkPage(browser, talent, join(out, 'talent-report.png'),
                                   (levers) => (levers ? TALENT_CHARTS.concat(LEVER_CHARTS)
                                                       : TALENT_CHARTS));
    const phds = charts.find((c) => c.id === 'chart-phds');
    if (phds.points.length < 3) fail(`chart-phds: ${phds.points.length} observations, want 3+`);
    await checkPage(browser, run, join(out, 'sim-talent.png'), () => RUN_CHARTS);
  } finally {
    await browser.close();
  }
  console.log(`ok: talent report and run report's talent section drawn; screenshots in ${out}`);
}

main().catch((e) => fail(e.stack || String(e)));
