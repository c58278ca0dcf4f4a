// The <secpulse-report> element as a page uses it: a File/Blob handed to load(), then every score chart
// on screen, then the comment panels; then a filter change from the "Show" menu. Long tasks of the main
// thread are recorded throughout (issue 15: none over 200 ms while a 1M-row file loads).
import { longTasks } from './longtasks.js';
import { params, now, painted, pause, done, fail } from './common.js';

/** Resolves with the time of the element's next `secpulse-drawn` event for which `test()` holds. */
const drawn = (el, test = () => true) => new Promise((ok) => {
  const on = () => { if (test()) { el.removeEventListener('secpulse-drawn', on); ok(now()); } };
  el.addEventListener('secpulse-drawn', on);
});
/** Whether the comment panels hold their analysis (data-comments="ready"; an element without it shows them with the charts). */
const commentsReady = (el) => !('comments' in el.dataset) || el.dataset.comments === 'ready';

try {
  await import('/www/secpulse.js');
  // www/secpulse.js loads the element's module once such an element is in the document.
  const el = document.createElement('secpulse-report');
  el.setAttribute('segment', 'department');
  if (params.get('workers')) el.setAttribute('workers', params.get('workers'));
  document.getElementById('report').append(el);
  await customElements.whenDefined('secpulse-report');
  el.instrument = await (await fetch('/bench/instrument.json')).text();
  const blob = await (await fetch(params.get('data'))).blob(); // as a dropped File: not timed
  await pause(200);
  let rows = null;
  el.addEventListener('secpulse-loaded', (e) => { rows = e.detail.rows; }, { once: true });
  const t0 = now();
  const charts = drawn(el);
  const all = drawn(el, () => commentsReady(el));
  el.load(blob);
  const t1 = await charts;
  await painted();
  const t2 = now();
  await all;
  await painted();
  const t4 = now();
  await pause(400); // the worker scores the filter menu's views ahead meanwhile: part of the load
  const load = longTasks(t0);
  // Filter change: Show = Engineering, as a reader picks it.
  const select = [...el.shadowRoot.querySelectorAll('label')].find((l) => l.textContent.startsWith('Show')).querySelector('select');
  const t5 = now();
  const filtered = drawn(el, () => commentsReady(el));
  select.value = 'Engineering';
  select.dispatchEvent(new Event('change'));
  await filtered;
  await painted();
  const t6 = now();
  await pause(300); // long-task entries reach the observer a little later
  const filter = longTasks(t5);
  done({ impl: 'element', charts_ms: t2 - t0, charts_event_ms: t1 - t0, comments_ms: t4 - t2, all_ms: t4 - t0, filter_ms: t6 - t5,
    longtask_max_ms: load.max, longtask_total_ms: load.total, longtasks: load.count,
    filter_longtask_max_ms: filter.max, filter_longtask_total_ms: filter.total, rows });
} catch (e) { fail(e); }
