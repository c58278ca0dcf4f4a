// Published report page: the element fetches report.json itself; this marks the page ready for tests
// (listening before the elements are defined, so a fast load is not missed).
const el = document.getElementById('report');
const done = () => { document.body.dataset.ready = '1'; };
el.addEventListener('secpulse-loaded', done, { once: true });
el.addEventListener('secpulse-error', done, { once: true });
await import('../secpulse.js');
