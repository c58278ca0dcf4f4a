// Demo page: synthetic respondents generated in the browser (?n=1000000 for the
// performance run) plus any answers the survey demo stored in this browser.
import '../secpulse.js';

const el = document.getElementById('report');
const n = Math.min(Math.max(Math.round(Number(new URLSearchParams(location.search).get('n'))) || 10000, 0), 5_000_000);
document.getElementById('n').textContent = n.toLocaleString('en');
await customElements.whenDefined('secpulse-report');
await el.loadSample(n, 42);
let stored;
try { stored = JSON.parse(localStorage.getItem('secpulse-demo-responses') || '[]'); } catch { stored = []; }
if (Array.isArray(stored) && stored.length) await el.load(stored, { append: true });
// Milliseconds from navigation start until every chart has been drawn (read by bench/ and e2e/).
document.body.dataset.drawMs = String(Math.round(performance.now()));
document.body.dataset.ready = '1';
