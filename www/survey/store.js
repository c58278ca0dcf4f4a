// Partial progress in sessionStorage (this tab only), keyed by instrument id + version (+ wave).
// Storage can be disabled or full: every call fails quietly and the form still works.

/** The storage key of a survey. */
export const keyFor = (instrument, wave) =>
  ['secpulse-survey', instrument.id, instrument.version, wave].filter(Boolean).join(':');

/** The saved { page, answers } or null. */
export function load(key) {
  try { return JSON.parse(sessionStorage.getItem(key) ?? 'null'); } catch { return null; }
}

/** Saves { page, answers }. */
export function save(key, state) {
  try { sessionStorage.setItem(key, JSON.stringify(state)); } catch { /* storage unavailable */ }
}

/** Forgets the saved progress. */
export function clear(key) {
  try { sessionStorage.removeItem(key); } catch { /* storage unavailable */ }
}
