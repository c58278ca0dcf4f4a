// The public page of `secpulse serve`: shows the published report, or says none is published yet.
// The listeners are in place before the element is defined, so its load event cannot be missed.
const el = document.getElementById('report');
const done = () => { document.body.dataset.ready = '1'; };
el.addEventListener('secpulse-loaded', done, { once: true });
el.addEventListener('secpulse-error', done, { once: true });
const head = await fetch('/api/report.json', { method: 'GET', cache: 'no-store' }).catch(() => null);
if (!head?.ok) {
  el.remove();
  document.getElementById('none').hidden = false;
  done();
}
await import('../secpulse.js');
