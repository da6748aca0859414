// What the dashboard's browser tests share: starting and stopping `floe serve`, watching a page
// for errors, asking the API, reading the map, and failing with a clear message.
import {spawn} from 'node:child_process';

export const CHROMIUM = '/usr/bin/chromium';
export const NO_DATA = 'rgb(212, 212, 212)';  // kNoDataColor, src/report/palette.h

export function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exit(1);
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

// Starts floe serve on a free port; resolves to {url, child} once it listens.
export function startServer(floe, args) {
  return new Promise((resolvePromise, reject) => {
    const child =
        spawn(floe, ['serve', '--port', '0', ...args], {stdio: ['ignore', 'ignore', 'pipe']});
    let err = '';
    const timer = setTimeout(() => reject(new Error(`floe serve did not start:\n${err}`)), 60000);
    child.stderr.on('data', (d) => {
      err += d;
      const m = err.match(/floe serve: (http:\/\/[^\s]+)/);
      if (m) {
        clearTimeout(timer);
        resolvePromise({url: m[1], child});
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`floe serve exited ${code}:\n${err}`));
    });
  });
}

export function stopServer(child) {
  return new Promise((resolvePromise, reject) => {
    child.removeAllListeners('exit');
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('floe serve did not stop on SIGINT'));
    }, 10000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0)
        resolvePromise();
      else
        reject(new Error(`floe serve stopped with ${code ?? signal} on SIGINT`));
    });
    child.kill('SIGINT');
  });
}

// Watches a page: console errors, failed requests and requests to other origins are failures.
export function watch(page, origin) {
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:'))
      problems.push(`external request: ${r.url()}`);
  });
  return problems;
}

export async function api(page, path) {
  return page.evaluate(async (p) => (await fetch(p)).json(), path);
}

// Fill colors of the map's areas, by id.
export async function fills(page) {
  return page.$$eval(
      '#map path.area', (ps) => ps.map((p) => [p.dataset.id, getComputedStyle(p).fill]));
}

export async function idle(page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(150);
}

// The numbers in the page as the API's: "1,234" -> 1234, "−56" -> -56, "+7" -> 7, "±0" -> 0.
export const parseCount = (text) =>
    Number(text.trim().replace(/,/g, '').replace('−', '-').replace('±', ''));
