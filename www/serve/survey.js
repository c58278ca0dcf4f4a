// The survey page of `secpulse serve`: asks the server whether it takes answers, for which round
// and whether an invite code is needed, then shows the form (or the closed message).
const survey = document.getElementById('survey');
const closed = document.getElementById('closed');

function showClosed(message) {
  closed.replaceChildren(Object.assign(document.createElement('p'), { textContent: message }));
  closed.hidden = false;
  survey.hidden = true;
}

try {
  const res = await fetch('/api/status', { cache: 'no-store' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const status = await res.json();
  if (status.wave) survey.setAttribute('wave', status.wave);
  survey.toggleAttribute('invite', Boolean(status.invites));
  if (status.open) survey.hidden = false;
  else showClosed(status.message || 'This survey is closed.');
} catch (err) {
  showClosed(`The survey server could not be reached (${err.message}). Please try again later.`);
}
document.body.dataset.ready = '1';
