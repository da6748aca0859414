// The AI effect in the dashboard's run view (web/js/effect.js): "fast" has a no-AI twin whose
// figures are baseline's (check_dashboard.mjs), so its AI effect at a month is fast's
// unemployment minus baseline's, worked out here from the two runs' national series; baseline has
// no twin and says so. States resting on fewer than 1,000 agents are greyed on the map and in the
// table, marked "few agents", listed last and not ranked.
import {join} from 'node:path';

import {api, check, fills, idle, NO_DATA} from './dashboard_lib.mjs';

const rate = (r) => (r.unemployed + r.training) / (r.employed + r.unemployed + r.training);

export async function aiEffectInTheRunView(browser, url, out) {
  const page = await browser.newPage({viewport: {width: 1400, height: 1000}});
  await page.goto(`${url}#view=run&run=fast&month=36&metric=unemployment_rate`);
  await page.waitForSelector('body[data-ready="true"]', {timeout: 30000});
  await page.waitForSelector('#ai-effect');
  await idle(page);

  // The headline against the two series, to two decimals.
  const headline = await page.textContent('#ai-effect');
  const found =
      headline.match(/AI effect at month 36: ([+−])(\d+\.\d\d) points ± (\d+\.\d\d) \(90%\)/);
  check(found, `no AI effect headline: "${headline}"`);
  const [fast, base] = await Promise.all(
      [api(page, '/api/runs/fast/series'), api(page, '/api/runs/baseline/series')]);
  const at36 = (t) => t.rows.find((r) => r.month === 36);
  const points = 100 * (rate(at36(fast)) - rate(at36(base)));
  const shown = (found[1] === '−' ? -1 : 1) * Number(found[2]);
  check(Math.abs(shown - points) < 0.006, `AI effect ${shown} shown, ${points.toFixed(3)} by hand`);
  // The margin from the agents behind each national figure (docs/model.md §16).
  const r = rate(at36(fast)), t = rate(at36(base));
  const margin =
      164.5 * Math.sqrt(r * (1 - r) / at36(fast).agents + t * (1 - t) / at36(base).agents);
  check(Math.abs(Number(found[3]) - margin) < 0.006, `margin ${found[3]} shown, ${margin} by hand`);
  check(
      headline.includes('workers') && headline.includes('wage bill'),
      `the headline has no employment or wage bill: "${headline}"`);
  check(await page.$('#series-card polyline.dashed'), 'no dashed line for the no-AI twin');
  check((await page.textContent('#series-card')).includes('no-AI twin'), 'the twin has no label');

  // A state with few agents: greyed and marked in the table, after every ranked state, no rank.
  const states = await api(page, '/api/runs/fast/effect/states?month=36');
  const few = states.rows.find((s) => s.few_agents);
  check(few, 'the fixture has no state with fewer than 1,000 agents');
  const rows = await page.$$eval(
      '#main-table tbody tr', (trs) => trs.map((tr) => ({
                                                 few: tr.classList.contains('few-agents'),
                                                 text: tr.textContent,
                                                 rank: tr.children[0].textContent,
                                               })));
  const at = rows.findIndex((x) => x.text.includes(few.name));
  check(at >= 0 && rows[at].few, `${few.name} is not greyed in the state table`);
  check(
      rows[at].text.includes('few agents') && rows[at].rank === '–',
      `${few.name}: not marked "few agents", or ranked "${rows[at].rank}"`);
  check(rows.slice(at).every((x) => x.few), `a ranked state comes after ${few.name}`);
  check(rows[0].rank === '1' && !rows[0].few, 'the first state is not ranked 1');
  const fill = new Map(await fills(page)).get(few.fips);
  check(fill === undefined || fill === NO_DATA, `${few.name} is colored ${fill}, not grey`);
  check(
      (await page.textContent('#panel')).includes('AI effect against the no-AI twin'),
      'no occupation-group AI effect in the panel');
  // Its tooltip on the map: the agent count and why it is grey.
  await page.hover(`#map path.area[data-id="${few.fips}"]`, {force: true});
  const tip = await page.textContent('.tooltip');
  check(
      tip.includes(`${few.name}: `) && tip.includes('agents behind its figures, fewer than 1,000'),
      `${few.name}'s tooltip: "${tip}"`);
  await page.$eval('#main-table tr.few-agents', (tr) => tr.scrollIntoView({block: 'center'}));
  await page.screenshot({path: join(out, 'dashboard-ai-effect.png'), fullPage: true});
  console.log(`AI effect: ${headline.trim().slice(0, 60)}...; ${few.name} greyed, unranked`);

  // A run without its twin says so.
  await page.goto(`${url}#view=run&run=baseline&month=36`);
  await page.reload();
  await page.waitForSelector('#ai-effect');
  const none = await page.textContent('#ai-effect');
  check(
      none.includes('run without its no-AI twin (--no-twin): AI effect unknown'),
      `baseline's headline: "${none}"`);
  await page.close();
}
