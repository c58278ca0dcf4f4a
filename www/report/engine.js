// The dashboard's engine on the page side: starts report/worker.js (a module worker) with the page's
// compiled core, and turns its messages into promises. Reading, scoring and comment analysis run there;
// the page gets released reports (JSON text) back and draws them with its viewer core. PublishedReport
// answers the same requests for a published report, which the page shows without a worker.
import { compiledCore } from '../core.js';

/** A running worker: request(op, args) → Promise of the answer; progress message keys go to `onProgress(key)`. */
export class Engine {
  #worker; #next = 0; #waiting = new Map(); #onProgress;

  constructor(onProgress) {
    this.#onProgress = onProgress;
    this.#worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'secpulse-dashboard' });
    this.#worker.addEventListener('message', ({ data }) => this.#answer(data));
    // A worker script that cannot load or crashes outside a request fails every request waiting.
    this.#worker.addEventListener('error', (e) => { e.preventDefault(); this.#failAll(e.message || 'the analysis worker could not be started'); });
  }

  /** Starts the core in the worker: `instrument` (JSON text or null) and the `names` to redact; resolves to how many names are in use. */
  async start(instrument, names) {
    const { module, glue } = await compiledCore('dashboard');
    return this.request('start', { module, glue, instrument, names });
  }

  /** Sends request `op` with `args`; resolves to its answer, rejects with its error (error.crashed: the worker's core trapped; error.key: a message the page words, as `fileChanged`). */
  request(op, args = {}) {
    const id = ++this.#next;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ id, op, args });
    });
  }

  /** Ends the worker; requests still waiting fail. */
  stop() {
    this.#worker.terminate();
    this.#failAll('the analysis worker was stopped');
  }

  #answer({ id, ok, value, message, key, crashed, progress }) {
    if (progress !== undefined) { this.#onProgress(progress); return; }
    const waiting = this.#waiting.get(id);
    if (!waiting) return;
    this.#waiting.delete(id);
    if (ok) waiting.resolve(value);
    else waiting.reject(Object.assign(new Error(message), { key, crashed }));
  }

  #failAll(message) {
    for (const { reject } of this.#waiting.values()) reject(new Error(message));
    this.#waiting.clear();
  }
}

/** A published report as the source of views: released already, so the page's viewer is all it needs (no worker). */
export class PublishedReport {
  #text; #shape;

  /** Report `text` (JSON), checked by loading it into `viewer` (throws when it is not a secpulse report). */
  constructor(text, viewer) {
    viewer.loadReport(text);
    this.#text = text;
    this.#shape = { published: true, rows: 0, columns: viewer.columns() };
  }

  /** The worker's requests, answered for a published report: it has one view, no comments to analyse, no responses to publish. */
  async request(op) {
    if (op === 'load') return { summary: null, ...this.#shape };
    if (op === 'view') return { report: this.#text, ...this.#shape };
    if (op === 'comments') return null;
    if (op === 'publish') throw new Error('only loaded responses can be published (a published report already is)');
    throw new Error(`unknown request ${op}`);
  }
}
