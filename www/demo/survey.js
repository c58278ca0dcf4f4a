// Survey demo page: keeps each submitted row in localStorage so the dashboard demo (index.html)
// can add it to its sample data and show the respondent their response counted.
export const DEMO_KEY = 'secpulse-demo-responses';

document.addEventListener('secpulse-submit', (event) => {
  try {
    const saved = JSON.parse(localStorage.getItem(DEMO_KEY) ?? '[]');
    const rows = Array.isArray(saved) ? saved : [];
    rows.push(event.detail.row);
    localStorage.setItem(DEMO_KEY, JSON.stringify(rows));
  } catch { /* storage unavailable: the demo still shows the thank-you screen */ }
});
