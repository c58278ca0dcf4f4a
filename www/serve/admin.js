// The admin page of `secpulse serve`: with the token (typed, or from #token= once), shows how many
// answers are stored, draws the dashboard over them (privacy rules applied in the browser's core),
// offers the exports and publishes the aggregates-only report the server computes.
import '../secpulse.js';
import { download } from '../download.js';

const KEY = 'secpulse-admin-token';
const $ = (id) => document.getElementById(id);
const say = (text) => { $('status').textContent = text; };

function fromFragment() {
  const token = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  // The token leaves the address bar (and history) at once.
  if (token) history.replaceState(null, '', location.pathname);
  return token;
}

async function api(path, options = {}) {
  const token = sessionStorage.getItem(KEY);
  const res = await fetch(`/api/admin/${path}`, { ...options, cache: 'no-store',
    headers: { ...options.headers, authorization: `Bearer ${token}` } });
  if (res.status === 401) {
    sessionStorage.removeItem(KEY);
    $('login').hidden = false;
    throw new Error('the admin token was not accepted');
  }
  if (!res.ok) throw new Error((await res.json().catch(() => ({}))).message || `HTTP ${res.status}`);
  return res;
}

async function open() {
  const summary = await (await api('summary')).json();
  $('login').hidden = true;
  $('actions').hidden = false;
  const codes = summary.invites ? `; ${summary.invites_used} of ${summary.invites} invite codes used` : '';
  say(`${summary.responses.toLocaleString('en')} answers stored${summary.wave ? ` (collecting ${summary.wave}, ${summary.open ? 'open' : 'closed'})` : ''}${codes}.`);
  document.body.dataset.responses = String(summary.responses);
  const report = $('report');
  if (summary.responses > 0) {
    report.hidden = false;
    await customElements.whenDefined('secpulse-report');
    await report.load(await (await api('responses.jsonl')).text());
  }
  document.body.dataset.ready = '1';
}

const run = (fn) => fn().catch((err) => { say(`Error: ${err.message}`); document.body.dataset.ready = '1'; });

$('login').addEventListener('submit', (e) => {
  e.preventDefault();
  sessionStorage.setItem(KEY, $('token').value.trim());
  run(open);
});
$('csv').addEventListener('click', () => run(async () => download(await (await api('responses.csv')).blob(), 'responses.csv')));
$('jsonl').addEventListener('click', () => run(async () => download(await (await api('responses.jsonl')).blob(), 'responses.jsonl')));
$('publish').addEventListener('click', () => run(async () => {
  await api('publish', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ by: ['department'] }) });
  say('Published: the public page /report now shows the aggregates-only report.');
  document.body.dataset.published = '1';
}));

const token = fromFragment();
if (token) sessionStorage.setItem(KEY, token);
if (sessionStorage.getItem(KEY)) run(open);
else { $('login').hidden = false; document.body.dataset.ready = '1'; }
