// The dashboard's worker (a module worker; started by report/engine.js): reads and scores the responses in
// its own instance of the secpulse core, off the page's main thread. It holds the raw responses; the page
// only ever receives released reports (the disclosure layer runs here, inside the core), and draws them.
//
// Messages in:  { id, op, args }   ops: start, load, names, view, publish, comments (see OPS)
// While no request waits, the worker scores ahead the views the page's filter menu offers next to the one
// it asked for last (`prepare`, one view per task), so that a filter change only reads the core's cache.
// Messages out: { id, ok: true, value } | { id, ok: false, message, crashed } | { id, progress: key }
// (progress keys are message keys of report/messages.js: the page words them in its language)
// The compiled WebAssembly.Module comes from the page (no second download, no second compile).

/** The core's exports and this worker's Dashboard, once `start` ran. */
let core = null;
let dash = null;

/** Sends progress for request `id`: a message key the page translates. */
const progress = (id, text) => postMessage({ id, progress: text });

/** Bytes of a File/Blob read into the core at a time: the file is never held whole in JS and in the core. */
const PIECE = 4 << 20;

/** Loads a Blob/File (read here, not on the page) piece by piece into the core; its summary. */
async function loadBlob(blob) {
  const upload = new core.Upload(dash, blob.size);
  for (let at = 0; at < blob.size; at += PIECE) {
    upload.push(new Uint8Array(await blob.slice(at, at + PIECE).arrayBuffer()));
  }
  return dash.loadUpload(upload);
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
  /** Loads data ({ bytes } | { rows, append } | { sample: [n, seed] }); the summary and the data's shape. */
  async load(id, { data, rows, append, sample }) {
    progress(id, sample ? 'progressSample' : 'progressReading');
    let summary = null;
    if (sample) dash.loadSample(sample[0], sample[1]);
    else if (rows) summary = dash.loadRows(rows, append);
    else if (data instanceof Blob) summary = await loadBlob(data);
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
 * The views the filter menu offers beside `options`: everyone and each value of the filtered (else the
 * breakdown's) column, with the same breakdown, wave and threshold; the view itself is scored already.
 */
function menuViews(options) {
  const filter = options?.filter ?? {};
  const column = filter.segment?.column ?? options?.by?.[0];
  const values = dash.columns().find((c) => c.name === column)?.values ?? [];
  const showing = (segment) => ({ ...options, filter: { ...filter, segment } });
  return [...(filter.segment ? [showing(undefined)] : []), ...values.map((value) => showing({ column, value }))]
    .filter((o) => o.filter.segment?.value !== filter.segment?.value);
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
      postMessage({ id, ok: true, value: await OPS[op](id, args ?? {}) });
    } catch (e) {
      postMessage({ id, ok: false, message: String(e?.message ?? e), crashed: e instanceof WebAssembly.RuntimeError });
    } finally {
      if (--waiting === 0) setTimeout(prepareAhead, AHEAD_AFTER_MS);
    }
  });
});
