// The dashboard's worker (a module worker; started by report/engine.js): reads and scores the responses in
// its own instance of the secpulse core, off the page's main thread. It holds the raw responses; the page
// only ever receives released reports (the disclosure layer runs here, inside the core), and draws them.
//
// Messages in:  { id, op, args }   ops: start, load, names, view, publish, comments (see OPS)
// While no request waits, the worker scores ahead the views the page's filter menu offers next to the one
// it asked for last (`prepare`, one view per task), so that a filter change only reads the core's cache.
// Messages out: { id, ok: true, value } | { id, ok: false, message, key, crashed } | { id, progress: key }
// (progress keys, and an error's key when it has one, are message keys of report/messages.js: the page words
// them in its language)
// The compiled WebAssembly.Module comes from the page (no second download, no second compile).
//
// A large CSV file is read in parts by several workers at once (issue 15): this worker finds the part
// boundaries (line ends outside quotes, decided by the core's Splitter), starts helper workers (this same
// module, started with the same compiled module) that each read one part of the File into a table (op
// `shard`; this worker reads the first part itself), and merges their parts (sent back as transferred bytes, no SharedArrayBuffer) into exactly the
// table one pass gives. When the core cannot vouch for the parts (quotes inside a field moved a record
// boundary, or a part failed), the file is read again in one pass, which gives the answer and the error.

/** The core's exports and this worker's Dashboard, once `start` ran. */
let core = null;
let dash = null;

/** Sends progress for request `id`: a message key the page translates. */
const progress = (id, text) => postMessage({ id, progress: text });

/** Bytes of a File/Blob read into the core at a time: the file is never held whole in JS and in the core. */
const PIECE = 4 << 20;

/** What `start` was given: helper workers are started with it. */
let startArgs = null;

/** Files from this size on are read in parts when the number of workers is not given. */
const SPLIT_FROM = 16 << 20;

/** The most workers that read one file. */
const MAX_WORKERS = 4;

/** The error of a read of a File that changed on disk after it was chosen: key `fileChanged`, which the page words. */
const fileChanged = (e) => (e?.key === 'fileChanged' ? e : Object.assign(new Error(String(e?.message ?? e), { cause: e }), { key: 'fileChanged' }));

/** The bytes `from`..`to` of a Blob, as bytes (a File changed on disk: `fileChanged`). */
const bytesAt = (blob, from, to) => blob.slice(from, to).arrayBuffer().then((buffer) => new Uint8Array(buffer), (e) => { throw fileChanged(e); });

/**
 * The bytes `from`..`to` of a Blob, PIECE bytes at a time (the last piece shorter), each a view of one buffer that the
 * next piece reuses: a piece is valid until the loop asks for the next. A new buffer per piece would leave the
 * garbage collector up to 20 MB of read pieces behind at 1M rows (bench/README.md "Memory"). Where a Blob's stream
 * is not a byte stream (no BYOB reader), each piece is a new buffer. A File that changed on disk after it was
 * chosen fails with an error whose `key` is `fileChanged` (the page words it): its stream may fail, end early, or
 * give the new bytes without an error, so the bytes are counted and one is read the way that fails for a changed
 * File (NotReadableError).
 */
async function* piecesOf(blob, from = 0, to = blob.size) {
  const expected = Math.max(0, Math.min(to, blob.size) - from);
  let reader = null;
  try {
    try {
      reader = blob.slice(from, to).stream().getReader({ mode: 'byob' });
    } catch {
      for (let at = from; at < to; at += PIECE) yield await bytesAt(blob, at, Math.min(at + PIECE, to));
      return;
    }
    let buffer = new ArrayBuffer(Math.max(1, Math.min(PIECE, expected)));
    let read = 0;
    for (let done = false; !done;) {
      let filled = 0;
      while (filled < buffer.byteLength && !done) {
        const next = await reader.read(new Uint8Array(buffer, filled));
        done = next.done;
        buffer = next.value.buffer; // the same memory, handed back
        filled += next.value.byteLength;
      }
      read += filled;
      if (filled) yield new Uint8Array(buffer, 0, filled);
    }
    if (read !== expected) throw new Error(`${read} of ${expected} bytes read`);
    if (expected > 0) await blob.slice(from, from + 1).arrayBuffer();
  } catch (e) {
    throw fileChanged(e);
  } finally {
    reader?.cancel().catch(() => {}); // a loop that stopped early: the rest of the file is not read
  }
}

/**
 * Loads a Blob/File (read here, not on the page) piece by piece into the core; its summary. `workers`: how
 * many workers read it (absent: from SPLIT_FROM bytes on, one per core but one, at most MAX_WORKERS; the core
 * left over is the page's and the rest of the machine's: on 2 busy cores a second worker measured slower,
 * bench/README.md "Several workers").
 */
async function loadBlob(blob, workers) {
  const parts = workers == null
    ? (blob.size >= SPLIT_FROM ? Math.min(MAX_WORKERS, (navigator.hardwareConcurrency || 1) - 1) : 1)
    : Math.max(1, Math.min(MAX_WORKERS, Math.floor(workers) || 1));
  if (parts > 1) {
    const summary = await loadInParts(blob, parts);
    if (summary != null) return summary;
  }
  const upload = new core.Upload(dash, blob.size);
  for await (const piece of piecesOf(blob)) upload.push(piece);
  return dash.loadUpload(upload);
}

/**
 * Reads a Blob in up to `parts` parts (the first here, each other in a helper worker); the summary, or null when
 * the file is not split (not CSV, a header longer than a piece) or the core cannot vouch for the parts.
 */
async function loadInParts(blob, parts) {
  const head = await bytesAt(blob, 0, PIECE);
  const splitter = dash.splitter(head, blob.size, parts);
  if (!splitter) return null;
  // This worker reads the first part, a helper each other part. The helpers start while the boundaries are
  // found (only the file before the last boundary is scanned).
  const helpers = Array.from({ length: parts - 1 }, () => new Helper());
  try {
    splitter.push(head);
    if (splitter.wanted()) {
      for await (const piece of piecesOf(blob, head.length)) {
        splitter.push(piece);
        if (!splitter.wanted()) break;
      }
    }
    const bounds = Array.from(splitter.bounds());
    splitter.free();
    const header = head.slice(0, bounds[0]);
    const read = bounds.slice(2).map((to, k) => helpers[k].request('shard', { blob, header, from: bounds[k + 1], to }));
    const all = Promise.all(read);
    all.catch(() => {}); // awaited below, after this worker's own part
    const shards = new core.Shards();
    shards.addUpload(await readPart(blob, header, bounds[0], bounds[1]));
    let others;
    try {
      others = await all;
    } catch (e) {
      shards.free();
      if (e?.key) throw e; // the file changed on disk: reading it again would not help
      console.warn(`reading in parts failed (${e?.message ?? e}): reading the file in one pass`);
      return null;
    }
    for (const bytes of others) shards.add(new Uint8Array(bytes));
    const summary = dash.loadShards(shards);
    if (summary == null) console.warn('the parts of the file could not be merged (quotes inside a field?): reading it in one pass');
    return summary;
  } finally {
    for (const helper of helpers) helper.stop();
  }
}

/** Bytes `from`..`to` of `blob` (after the file's `header`) read into a ShardUpload. */
async function readPart(blob, header, from, to) {
  const upload = new core.ShardUpload(dash, header, to - from);
  for await (const piece of piecesOf(blob, from, to)) upload.push(piece);
  return upload;
}

/** A helper worker (this module, with the core started as this worker's): request(op, args) → Promise of the answer. */
class Helper {
  #worker = new Worker(new URL(import.meta.url), { type: 'module', name: 'secpulse-part' });
  #next = 0; #waiting = new Map(); #started;

  constructor() {
    this.#worker.addEventListener('message', ({ data: { id, ok, value, message, key } }) => {
      const waiting = this.#waiting.get(id);
      if (!waiting) return; // progress
      this.#waiting.delete(id);
      if (ok) waiting.resolve(value);
      else waiting.reject(Object.assign(new Error(message), key ? { key } : {}));
    });
    this.#worker.addEventListener('error', (e) => { e.preventDefault(); this.#failAll(e.message || 'a helper worker could not be started'); });
    this.#started = this.#send('start', startArgs);
    this.#started.catch(() => {}); // awaited by request
  }

  async request(op, args) {
    await this.#started;
    return this.#send(op, args);
  }

  stop() {
    this.#worker.terminate();
    this.#failAll('the helper worker was stopped');
  }

  #send(op, args) {
    const id = ++this.#next;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ id, op, args });
    });
  }

  #failAll(message) {
    for (const { reject } of this.#waiting.values()) reject(new Error(message));
    this.#waiting.clear();
  }
}

/** An answer posted with its ArrayBuffers transferred (moved, not copied). */
class Transfer {
  constructor(value, buffers) { this.value = value; this.buffers = buffers; }
}

/** Bytes of what `load` was given, other than a Blob: bytes or text. */
function bytesOf(data) {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (typeof data === 'string') return new TextEncoder().encode(data);
  return data;
}

/** What the page needs to know of the data: responses (a published report is the page's), respondents, the breakdown and filter menus. */
const shape = () => ({ published: false, rows: dash.rows(), columns: dash.columns() });

const OPS = {
  /** Instantiates the core from the page's compiled module; a Dashboard for `instrument` with the names to redact. */
  async start(id, { module, glue, instrument, names }) {
    startArgs = { module, glue, instrument, names };
    try {
      core = await import(glue);
    } catch (e) {
      throw new Error(`could not load ${new URL(glue).pathname}: ${e?.message ?? e}`, { cause: e });
    }
    await core.default({ module_or_path: module });
    dash = new core.Dashboard(instrument ?? undefined);
    dash.deferComments();
    return dash.setRedactNames(names ?? []);
  },
  /** Loads data ({ data, workers } | { rows, append } | { sample: [n, seed] }); the summary and the data's shape. */
  async load(id, { data, rows, append, sample, workers }) {
    progress(id, sample ? 'progressSample' : 'progressReading');
    let summary = null;
    if (sample) dash.loadSample(sample[0], sample[1]);
    else if (rows) summary = dash.loadRows(rows, append);
    else if (data instanceof Blob) summary = await loadBlob(data, workers);
    else summary = dash.loadBytes(bytesOf(data));
    return { summary, ...shape() };
  },
  /** Names to remove from the comments; how many are in use. */
  names(id, { names }) { return dash.setRedactNames(names ?? []); },
  /** The released report of the view `options`, as JSON text, with the data's shape and when it was made (ms since the epoch) and how long it took; the instrument's labels in `lang`. */
  view(id, { options, lang }) {
    progress(id, 'progressScoring');
    if (lang) dash.setLanguage(lang);
    const t = performance.now();
    const report = dash.reportJson(options);
    const took = { at: performance.timeOrigin + t, ms: performance.now() - t };
    ahead = menuViews(options);
    return { report, took, ...shape() };
  },
  /** The report of view `options` published together with the earlier publications in `records`: { report, record }. */
  publish(id, { options, records }) { return dash.publishAfter(options, records); },
  /** Reads bytes `from`..`to` of `blob` (after the file's `header`) as a helper; what the part held, as bytes (transferred). */
  async shard(id, { blob, header, from, to }) {
    const bytes = (await readPart(blob, header, from, to)).finish();
    return new Transfer(bytes.buffer, [bytes.buffer]);
  },
  /** Analyses the comments (after the score charts are on screen). */
  comments(id) {
    progress(id, 'progressComments');
    dash.analyseComments();
    return null;
  },
};

/** How long (ms) after its last answer the worker waits before scoring ahead (the page draws that answer meanwhile). */
const AHEAD_AFTER_MS = 100;
/** Views to score ahead while idle: the page's next filter choices. */
let ahead = [];

/**
 * The most views scored ahead after one answer: fewer than the core keeps (32), so that views prepared do not
 * push out each other or the ones asked for (a wave column may have many values).
 */
const AHEAD_MOST = 24;

/**
 * The views the filter menus offer beside `options`, most likely first: everyone and all waves, then each value
 * of the filtered (else the breakdown's) column, then each wave; each with the rest of `options` kept, at most
 * AHEAD_MOST. The view itself is scored already.
 */
function menuViews(options) {
  const filter = options?.filter ?? {};
  const column = filter.segment?.column ?? options?.by?.[0];
  const valuesOf = (name) => dash.columns().find((c) => c.name === name)?.values ?? [];
  const showing = (change) => ({ ...options, filter: { ...filter, ...change } });
  const segments = valuesOf(column).map((value) => ({ segment: { column, value } }));
  const waves = options?.wave ? valuesOf(options.wave).map((wave) => ({ wave })) : [];
  return [{ segment: undefined }, ...(options?.wave ? [{ wave: undefined }] : []), ...segments, ...waves]
    .filter((change) => ('segment' in change ? change.segment?.value !== filter.segment?.value : change.wave !== filter.wave))
    .slice(0, AHEAD_MOST)
    .map(showing);
}

/** Scores the next view ahead, one per task, while no request waits; a view not released is left to its request. */
function prepareAhead() {
  if (waiting > 0 || !ahead.length || !dash) return;
  try {
    dash.prepare(ahead.shift());
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) { ahead = []; return; } // the next request reports the crash
  }
  setTimeout(prepareAhead, 0);
}

// One request at a time, in order: a view asked for during a load waits for it.
let queue = Promise.resolve();
let waiting = 0;
addEventListener('message', ({ data: { id, op, args } }) => {
  waiting++;
  queue = queue.then(async () => {
    ahead = []; // scored ahead for the view shown; a view request names the next ones
    try {
      if (!OPS[op]) throw new Error(`unknown request ${op}`);
      if (op !== 'start' && !dash) throw new Error('the analysis engine has not started');
      const value = await OPS[op](id, args ?? {});
      if (value instanceof Transfer) postMessage({ id, ok: true, value: value.value }, value.buffers);
      else postMessage({ id, ok: true, value });
    } catch (e) {
      postMessage({ id, ok: false, message: String(e?.message ?? e), key: e?.key, crashed: e instanceof WebAssembly.RuntimeError });
    } finally {
      if (--waiting === 0) setTimeout(prepareAhead, AHEAD_AFTER_MS);
    }
  });
});
