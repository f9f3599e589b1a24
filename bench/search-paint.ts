// How long the search page takes to paint its results after the API's answer, at 100,000 ads
// (goal: within 1 s). Not part of `npm run bench`: it builds its own data set (a few minutes) and
// needs the dashboard build. Run: node bench/search-paint.ts [ads]
import { openBrowser, justify, serveDashboard, signIn } from '../test/dashboard/harness.ts';
import { seedScaleData } from '../test/dashboard/search-scale.fixtures.ts';

const ADS = Number(process.argv[2] ?? 100_000);
const STEPS = [
  { name: 'sort by last seen', select: ['#f-sort', 'lastSeen'] },
  { name: 'city facet', facet: '#facet-city + ul button' },
  { name: 'sort oldest first', select: ['#f-sort', 'oldest'] },
  { name: 'score band 20+', select: ['#f-band', '20+'] },
  { name: 'clear all filters (every ad)', click: 'ul.chips li:last-child button' },
] as const;

const seeding = performance.now();
const data = await seedScaleData(ADS);
process.stderr.write(`seeded ${ADS} ads in ${((performance.now() - seeding) / 1000).toFixed(0)} s\n`);
const served = await serveDashboard(data);
const ui = await openBrowser();
try {
  const page = await ui.newPage();
  await signIn(page, served.url, data.account, '/search');
  await justify(page);
  await page.locator('#hit-0 .hit-title').waitFor();
  for (let round = 0; round < 3; round++) {
    for (const step of STEPS) {
      // In the page: the end of the next /api/ads answer for page 1, and the first frame after the
      // first row shows a title from it.
      const measuring = page.evaluate(() => new Promise<{ answerMs: number; paintMs: number }>((resolve) => {
        const observer = new PerformanceObserver((list) => {
          const entry = list.getEntries().find((e) => e.name.includes('/api/ads?') && !/[?&]page=([2-9]|\d\d)/.test(e.name)) as PerformanceResourceTiming | undefined;
          if (!entry) return;
          observer.disconnect();
          const start = entry.responseEnd;
          const check = () => {
            const row = document.querySelector('#hit-0 .hit-title');
            if (row && document.querySelector('.result-count')?.textContent?.match(/\d/)) {
              requestAnimationFrame(() => setTimeout(() => resolve({ answerMs: entry.responseEnd - entry.requestStart, paintMs: performance.now() - start })));
            } else requestAnimationFrame(check);
          };
          check();
        });
        observer.observe({ type: 'resource', buffered: false });
      }));
      if ('select' in step) await page.locator(step.select[0]).selectOption(step.select[1]);
      else if ('facet' in step) await page.locator(step.facet).first().click();
      else await page.locator(step.click).click();
      const t = await measuring;
      console.log(`${ADS} ads, ${step.name}: answer ${t.answerMs.toFixed(0)} ms, painted ${t.paintMs.toFixed(0)} ms after the answer`);
    }
  }
} finally {
  await ui.close();
  await served.stop();
  data.remove();
}
