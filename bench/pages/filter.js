// A filter change in the <secpulse-report> element, repeated: the file is loaded once (not timed), then the
// "Show" menu is set to each of `views` in turn, `runs` times, 1.5 s apart (a reader's pace); each change is
// timed from the menu's change event to the first frame after the element's `secpulse-drawn` (charts and
// comments on screen). The split comes from the element's User Timing measures named "secpulse …" inside
// that window (none in an element without them). Query: data=URL, www=/www (the element's folder; a copy of
// another tree for before/after), runs=3, views=Engineering,Finance,,wave:@1,wave: (a value of the Show
// menu, empty: everyone; wave:V a value of the Wave menu, @i its i-th option, empty: all waves).
import { params, now, painted, pause, done, fail } from './common.js';

const drawn = (el) => new Promise((ok) => {
  const on = () => { if (el.dataset.comments !== 'pending') { el.removeEventListener('secpulse-drawn', on); ok(now()); } };
  el.addEventListener('secpulse-drawn', on);
});

try {
  const www = params.get('www') || '/www';
  await import(`${www}/secpulse-report.js`); // the element itself (secpulse.js would load it only once one is in the document)
  await customElements.whenDefined('secpulse-report');
  const el = document.createElement('secpulse-report');
  el.instrument = await (await fetch('/bench/instrument.json')).text();
  el.setAttribute('segment', 'department');
  document.getElementById('report').append(el);
  const blob = await (await fetch(params.get('data'))).blob();
  await el.load(blob);
  await painted();
  await pause(1500); // the worker scores the menu's views
  const menu = (caption) => [...el.shadowRoot.querySelectorAll('label')].find((l) => l.textContent.startsWith(caption)).querySelector('select');
  const views = (params.get('views') ?? 'Engineering,Finance,,wave:@1,wave:').split(',');
  const changes = [];
  for (let run = 0; run < Number(params.get('runs') ?? 3); run++) {
    for (const view of views) {
      const select = menu(view.startsWith('wave:') ? 'Wave' : 'Show');
      const chosen = view.replace(/^wave:/, '');
      const value = chosen.startsWith('@') ? select.options[Number(chosen.slice(1))].value : chosen;
      const t0 = now();
      const shown = drawn(el);
      select.value = value;
      select.dispatchEvent(new Event('change'));
      const t1 = await shown;
      await new Promise((ok) => requestAnimationFrame(ok));
      const t2 = now();
      const split = {};
      const timeline = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('secpulse ') && m.startTime >= t0)
        .map((m) => `${m.name.slice(9)}@${(m.startTime - t0).toFixed(0)}+${m.duration.toFixed(0)}`).join(' ');
      for (const m of performance.getEntriesByType('measure')) {
        if (m.name.startsWith('secpulse ') && m.startTime >= t0) split[m.name.slice(9)] = (split[m.name.slice(9)] ?? 0) + m.duration;
      }
      changes.push({ view: view.startsWith('wave:') ? `wave ${value || 'all'}` : value || 'everyone', ms: t2 - t0, drawn_ms: t1 - t0, split, timeline });
      await pause(1500);
    }
  }
  done({ impl: `element ${www}`, changes, rows: el.shadowRoot.querySelector('.status')?.textContent });
} catch (e) { fail(e); }
