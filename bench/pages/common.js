// Shared by the harness pages: query parameters, data loading (outside the timed region),
// and the result hand-off to the driver (window.__bench, body[data-done]).
export const params = new URLSearchParams(location.search);
export const now = () => performance.now();

/** Fetches a data file as bytes (Uint8Array) — loading is NOT timed. */
export async function fetchBytes(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

/** Fetches a data file as a JS string — loading and decoding are NOT timed. */
export async function fetchText(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return await r.text();
}

/** Two animation frames: whatever was drawn in this task has been painted. */
export const painted = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));

/** Lets the event loop and GC breathe between timed steps. */
export const pause = (ms = 50) => new Promise((ok) => setTimeout(ok, ms));

export function heap() {
  const m = performance.memory;
  return m ? { used: m.usedJSHeapSize, total: m.totalJSHeapSize } : null;
}

export function done(result) {
  window.__bench = { ok: true, ...result, heap: heap() };
  document.body.dataset.done = '1';
}

export function fail(e) {
  window.__bench = { ok: false, error: String(e && e.stack || e) };
  document.body.dataset.done = '1';
}
