// <secpulse-report>: the dashboard element. Scores responses in the browser with the
// secpulse wasm core and draws every chart; nothing is sent anywhere.
//
//   <secpulse-report src="responses.csv" segment="department" wave="wave" min-group="5" theme="auto">
//
// src: CSV, JSON rows, or a published report JSON (the wasm core tells which); fetched once per URL.
// instrument: URL of the instrument JSON the raw responses follow (default: the built-in one).
// theme: light | dark | auto (default: the reader's prefers-color-scheme); charts follow it.
// publish: "off" hides the Publish button (a page that publishes another way, e.g. `secpulse serve`'s admin page).
// redact-names: URL of a plain-text list of names to remove from comments, one per line
// (the CLI's --redact-names file); fetched once, before data is shown.
// workers: how many workers read a loaded CSV File (default: one per core but one, at most 4, for files of 16 MB or more).
// Properties: instrument (JSON text or object), redactNames (array of names, or null).
// Methods: load(data), loadSample(n, seed), publish(), publishAfter(records).
// Printing (Ctrl+P, page.pdf()): the element's print view hides the controls, shows every chart as an SVG
// picture (vector) and keeps each chart on one page; the pictures are made when printing starts (beforeprint,
// print media), not ahead (a dozen SVG pictures held for a print that may never come weigh about 14 MB), and
// a chart whose picture is not ready in time prints its canvas. data-printed counts the pictures' updates.
// Events: secpulse-loaded (detail: { rows, summary, ms }), secpulse-error (detail: { message, crashed?, cause? }).
//
// Off the main thread, charts first (issue 15): reading, scoring and comment analysis run in a module worker
// (report/worker.js, its own instance of the dashboard core, started by report/engine.js) which holds the raw
// responses; the page receives only released reports (JSON text of the report the disclosure layer let out)
// and draws them with the Viewer of the same dashboard core (one download, one compile). A published report is
// released already: the page shows it with the small viewer core (core.js 'viewer') and starts no worker, so a
// published page never loads the dashboard core. The score charts are drawn as soon as they are scored; the comment
// panels (themes, sentiment, stance, comment browser) follow when the analysis is done (data-comments:
// "pending" → "ready"). load() and secpulse-loaded come when both are done.
//
// If the wasm core crashes (a panic traps as WebAssembly.RuntimeError), the element says so, starts a
// fresh instance and loads the data it had again; if that fails too, it shows the error and a Retry button.
import { discard, isCrash, loadCore } from './core.js';
import { Engine, PublishedReport } from './report/engine.js';
import { sheet } from './report/styles.js';
import { h } from './dom.js';
import { download } from './download.js';
import { panel } from './report/panel.js';
import { commentBrowser } from './report/comments.js';
import { chartLook, isDark, onSchemeChange } from './theme.js';
import { planPanel } from './report/plan.js';
import { boardPanels } from './report/board.js';
import { publishDialog } from './report/publish.js';
import { langOf } from './i18n/lang.js';
import { messages } from './report/messages.js';

// Dashboard order: the headline first; wide panels (balance, likert, heatmap, action plan, comment browser) alternate with pairs.
// The last three are shown only when the survey has them: multi-choice questions, sensitive (randomized-response) questions, a ranking.
const CHARTS = ['balance', 'priority', 'dimensions', 'nps', 'likert', 'heatmap', 'trend', 'themes', 'sentiment', 'stance', 'selections', 'sensitive', 'ranking'];
/** Charts a report may lack the data for, with the test of whether it has it. */
const OPTIONAL = {
  selections: (report) => report.selections?.length > 0,
  sensitive: (report) => report.sensitive?.length > 0,
  ranking: (report) => report.rankings?.length > 0,
};
/** The panels that show the comment analysis, shown when it is ready. */
const COMMENT_CHARTS = ['themes', 'sentiment', 'stance'];
const ALL = '';
/** Width in CSS pixels of the print view's SVG charts (they scale to the page, as in `secpulse report`). */
const PRINT_WIDTH = 780;
/** How long (ms) a filter change may take before its progress is shown. */
const BUSY_AFTER_MS = 200;
/** Files larger than this are never taken for a published report (aggregates only: a few hundred KB at most). */
const PUBLISHED_MAX_BYTES = 16 * 1024 * 1024;
/** How much of a file is read to see whether it starts like a published report. */
const HEAD_BYTES = 4096;
/** The bytes of a Blob, bytes or text (the first `limit` of them, when given). */
const bytesOf = async (data, limit = undefined) => (data instanceof Blob ? new Uint8Array(await data.slice(0, limit).arrayBuffer())
  : typeof data === 'string' ? new TextEncoder().encode(data.slice(0, limit)) : new Uint8Array(data.slice(0, limit)));
/** The bytes `read` resolves to; a File changed on disk after it was chosen fails with key `fileChanged`, as in the worker. */
const readable = (read) => read.catch((e) => { throw Object.assign(new Error(String(e?.message ?? e), { cause: e }), { key: 'fileChanged' }); });
/** True when `bytes` start, after white space and a byte order mark, with `{` (one JSON object, or JSON Lines). */
const startsWithBrace = (bytes) => bytes.find((b) => !(b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0xef || b === 0xbb || b === 0xbf)) === 0x7b;
/** Resolves in a later task, so the page can handle input and paint in between. */
const nextTask = () => (globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((ok) => setTimeout(ok, 0)));
/** The User Timing measures of showing a view, "secpulse " + step (bench/pages/filter.js splits a filter change by them). */
const STEPS = ['view', 'worker', 'parse', 'report', 'plan', 'board', 'comments', 'describe', 'layout', 'draw'];
/** fn(), recorded as the measure "secpulse `step`" (those of the view before are cleared when the next is asked for). */
const timed = (step, fn) => { const t = performance.now(); const result = fn(); performance.measure(`secpulse ${step}`, { start: t }); return result; };

class SecpulseReport extends HTMLElement {
  static observedAttributes = ['src', 'min-group', 'segment', 'wave', 'theme', 'redact-names', 'instrument', 'publish', 'lang'];
  /** The page's core (its kind: 'viewer' or 'dashboard') and its Viewer holding the released report shown; the worker
   * (reads and scores), made when responses are first loaded; where views come from (the worker, or a published report). */
  #core; #coreKind = null; #dash; #engine = null; #source = null; #instrument = null;
  /** What the worker said of the data ({ published, rows, columns }), whether its comments wait for analysis, the latest view request. */
  #shape = null; #commentsPending = false; #viewSeq = 0;
  /** The status line of the data shown, and the work in progress said after it. */
  #statusLine = ''; #report = null; #working = null; #quietUntil = 0; #busyTimer = 0; #panels = new Map(); #filter = { segment: ALL, wave: ALL };
  #ui; #width = 0; #pending = 0; #published = false; #question = ''; #browser = null; #plan = null; #board = null; #publisher = null;
  /** Whether the print view's SVG pictures are behind the canvases; the draw and render in progress. */
  #printStale = false; #drawSeq = 0; #renderSeq = 0;
  /** Printing starts (beforeprint, or the print media taking effect; not its end): the pictures, if behind. */
  #onPrint = (e) => { if (e?.matches !== false && this.#printStale) this.#guard(() => this.#drawPrint()); };
  #printMedia = matchMedia('print');
  /** The load steps behind the current data, replayed into a fresh wasm instance after a crash. */
  #sources = []; #recovering = false; #retry = null;
  // Names to redact: the list (null: none), the pending fetch of `redact-names`, the URL it
  // came from, a counter so the latest setting wins, how many names the core uses, a fetch error.
  #names = null; #namesLoad = null; #namesUrl = null; #namesSeq = 0; #namesCount = 0; #namesError = '';
  /** The `src` URL last fetched (each is fetched once), the pending `instrument` fetch and its URL, the scheme listener. */
  #srcUrl = null; #instrumentLoad = null; #instrumentUrl = null; #unwatch = null;
  /** The translator of the element's language (`lang` attribute, else the page's). */
  #t = messages('en');

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];
    const file = h('input', { type: 'file', accept: '.csv,.json,.jsonl,text/csv,application/json', hidden: true,
      onchange: () => file.files[0] && this.load(file.files[0]).finally(() => { file.value = ''; }) });
    // Captions and button texts are set in the element's language by #applyLang().
    const select = (onchange) => {
      const el = h('select', { onchange });
      const caption = h('span');
      return { el, caption, label: h('label', {}, caption, el) };
    };
    const by = select(() => { this.setAttribute('segment', by.el.value); });
    const only = select(() => this.#setFilter('segment', only.el.value));
    const wave = select(() => this.#setFilter('wave', wave.el.value));
    const question = select(() => { this.#question = question.el.value; this.#guard(() => this.#render()); });
    this.#ui = {
      file, by, only, wave, question,
      status: h('p', { class: 'status', role: 'status' }),
      progress: h('progress', { class: 'progress', part: 'progress', hidden: true }),
      alert: h('div', { class: 'alert', role: 'alert', hidden: true }),
      drop: h('div', { class: 'drop', hidden: true }),
      publish: h('button', { type: 'button', class: 'primary', part: 'button primary', onclick: () => this.#openPublish(), disabled: true }),
      open: h('button', { type: 'button', part: 'button', onclick: () => file.click() }),
      grid: h('div', { class: 'grid' }),
      probe: h('span', { class: 'probe', hidden: true }),
    };
    const u = this.#ui;
    u.bar = h('div', { class: 'bar', part: 'toolbar' }, by.label, only.label, wave.label, question.label, h('span', { class: 'spacer' }),
      u.open, file, u.publish);
    u.status.setAttribute('part', 'status');
    u.alert.setAttribute('part', 'alert');
    root.append(u.bar, u.alert, u.status, u.progress, u.grid, u.drop, u.probe);
    this.addEventListener('dragover', (e) => { e.preventDefault(); u.drop.hidden = false; });
    this.addEventListener('dragleave', (e) => { if (!this.contains(e.relatedTarget)) u.drop.hidden = true; });
    this.addEventListener('drop', (e) => {
      e.preventDefault();
      u.drop.hidden = true;
      const f = e.dataTransfer?.files?.[0];
      if (f) this.load(f);
    });
    new ResizeObserver(() => {
      const w = u.grid.clientWidth;
      if (w && w !== this.#width && this.#panels.size) { this.#width = w; this.#schedule(); }
    }).observe(u.grid);
  }

  connectedCallback() {
    this.#applyLang();
    // Ctrl+P / window.print(): the SVG pictures of the charts shown are made now, unless made since they changed.
    addEventListener('beforeprint', this.#onPrint);
    this.#printMedia.addEventListener('change', this.#onPrint);
    if (this.getAttribute('redact-names')) this.#fetchNames(this.getAttribute('redact-names'));
    if (this.getAttribute('instrument')) this.#fetchInstrument(this.getAttribute('instrument'));
    if (this.getAttribute('src')) this.#fetch(this.getAttribute('src'));
    this.#unwatch ??= onSchemeChange(() => { if (this.#panels.size && this.getAttribute('theme') !== 'light' && this.getAttribute('theme') !== 'dark') this.#schedule(); });
  }

  disconnectedCallback() {
    this.#unwatch?.();
    this.#unwatch = null;
    removeEventListener('beforeprint', this.#onPrint);
    this.#printMedia.removeEventListener('change', this.#onPrint);
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || !this.isConnected) return;
    if (name === 'lang') { this.#applyLang(); return; }
    if (name === 'src') { if (value) this.#fetch(value); return; }
    if (name === 'instrument') { this.#fetchInstrument(value); return; }
    if (name === 'redact-names') { if (value) this.#fetchNames(value); else this.redactNames = null; return; }
    if (name === 'segment' || name === 'wave' || name === 'min-group') {
      this.#filter = { segment: ALL, wave: ALL };
      if (this.#shape) this.#refresh().catch((e) => this.#fail(e));
    } else if (this.#panels.size) this.#guard(() => this.#render());
  }

  /** Words the element's own controls in its language; panels already shown are made again in it. */
  #applyLang() {
    const t = (this.#t = messages(langOf(this)));
    const u = this.#ui;
    u.by.caption.textContent = t('compareBy');
    u.only.caption.textContent = t('show');
    u.wave.caption.textContent = t('wave');
    u.question.caption.textContent = t('commentsOn');
    u.drop.textContent = t('drop');
    u.publish.textContent = t('publish');
    u.progress.setAttribute('aria-label', t('progressLabel'));
    u.open.textContent = t('open');
    for (const el of this.shadowRoot.children) el.setAttribute('lang', t.lang);
    if (!this.#panels.size) return;
    this.#panels.clear();
    u.grid.replaceChildren();
    // Local data is scored again for the instrument's labels in the new language; a published report keeps its own.
    if (this.#shape && !this.#published) this.#refresh().catch((e) => this.#fail(e));
    else this.#guard(() => this.#render());
  }

  /** The instrument (JSON text or object); defaults to the built-in one. Set before loading. */
  get instrument() { return this.#instrument; }
  set instrument(value) {
    this.#instrument = value == null ? null : typeof value === 'string' ? value : JSON.stringify(value);
    this.#engine?.stop();
    this.#engine = null;
    this.#source = null;
    this.#sources = [];
  }

  /** Names to remove from the comments (array of strings, e.g. a staff directory), or null for none. */
  get redactNames() { return this.#names ? [...this.#names] : null; }
  set redactNames(list) {
    this.#namesSeq++;
    this.#namesUrl = null;
    this.#namesError = '';
    this.#names = list == null ? null : Array.from(list, String);
    this.#applyNames();
  }

  /** Fetches the `redact-names` list once per URL; data loaded meanwhile waits for it. */
  #fetchNames(url) {
    if (url === this.#namesUrl) return;
    this.#namesUrl = url;
    const seq = ++this.#namesSeq;
    this.#namesLoad = (async () => {
      try {
        const res = await fetch(url);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const text = await res.text();
        if (seq !== this.#namesSeq) return;
        this.#names = text.split(/\r?\n/);
        this.#namesError = '';
      } catch (e) {
        if (seq !== this.#namesSeq) return;
        this.#names = null;
        this.#namesError = this.#t('namesFailed', { url, error: e?.message ?? e });
        this.dispatchEvent(new CustomEvent('secpulse-error', { detail: { message: this.#namesError } }));
      }
      this.#applyNames();
    })();
  }

  /** Hands the names to the worker's core (which rescores) and redraws what is shown. */
  async #applyNames() {
    if (this.#namesError) { this.#ui.alert.textContent = this.#namesError; this.#ui.alert.hidden = false; }
    const engine = this.#engine;
    if (!engine) return;
    try {
      this.#namesCount = await engine.request('names', { names: this.#names ?? [] });
      if (this.#shape && engine === this.#engine) await this.#refresh();
    } catch (e) { this.#fail(e); }
  }

  /** Loads data: a File/Blob, bytes, CSV/JSON text, an array of row objects, or a published report object. */
  // Whether bytes are CSV, JSON, JSON Lines or a published report is the core's decision (publishedReport for
  // what starts like one, else the worker's loadBytes). A published report is shown with the viewer core;
  // anything else goes to the worker (a File/Blob as is, read there; bytes and text copied to it).
  async load(data, { append = false } = {}) {
    return this.#run(async () => {
      if (Array.isArray(data)) return this.#responses({ rows: data, append });
      if (data && typeof data === 'object' && !(data instanceof Blob || data instanceof ArrayBuffer || data instanceof Uint8Array)) {
        data = JSON.stringify(data); // a published report object
      } else if (!(data instanceof Blob || data instanceof ArrayBuffer || data instanceof Uint8Array || typeof data === 'string')) {
        throw new Error('load() takes a File, bytes, CSV/JSON text, an array of rows or a published report');
      }
      const report = await this.#publishedText(data);
      if (report != null) return this.#showPublished(report);
      return this.#responses({ data, workers: this.#workerCount() });
    }, append);
  }

  /** The `workers` attribute: how many workers read a file (a whole number ≥ 1), else undefined (the worker decides). */
  #workerCount() {
    const n = Number(this.getAttribute('workers'));
    return this.hasAttribute('workers') && Number.isInteger(n) && n >= 1 ? n : undefined;
  }

  /** Loads `n` synthetic respondents (for demos and benchmarks). */
  loadSample(n = 10000, seed = 42) { return this.#run(() => this.#responses({ sample: [n, seed] })); }

  /** Responses for the worker (`load` request `args`), drawn with the dashboard core's Viewer; resolves to the load's answer. */
  async #responses(args) {
    await this.#ready('dashboard');
    return (await this.#worker()).request('load', args);
  }

  /**
   * The text of `data` when it is a published report (the viewer core decides), else null. Only what starts
   * like one JSON object and is small enough (a report holds aggregates only) is read and asked about: response
   * files are left to the worker, unread here, and never load the viewer core.
   */
  async #publishedText(data) {
    const size = data instanceof Blob ? data.size : typeof data === 'string' ? data.length : data.byteLength;
    if (size > PUBLISHED_MAX_BYTES || !startsWithBrace(await readable(bytesOf(data, HEAD_BYTES)))) return null;
    const bytes = await readable(bytesOf(data));
    if (!this.#core) await this.#ready('viewer'); // the dashboard core, when loaded already, has the viewer's exports
    return this.#core.publishedReport(bytes) ?? null;
  }

  /** Published report `text` becomes the source of views (no worker); its shape as the worker would say it. */
  #showPublished(text) {
    this.#source = new PublishedReport(text, this.#dash);
    return this.#source.request('load');
  }

  /** Fetches the `instrument` URL (the instrument raw responses follow); data loaded meanwhile waits for it. */
  #fetchInstrument(url) {
    if (url === this.#instrumentUrl) return;
    const reload = this.#instrumentUrl !== null && this.#srcUrl;
    this.#instrumentUrl = url;
    this.#instrumentLoad = (async () => {
      if (!url) { this.instrument = null; return; }
      const res = await fetch(url);
      if (!res.ok) throw new Error(this.#t('fetchFailed', { url, status: String(res.status) }));
      this.instrument = await res.text();
    })();
    this.#instrumentLoad.catch(() => {}); // the error is shown by the load that waits for it
    if (reload) { const src = this.#srcUrl; this.#srcUrl = null; this.#fetch(src); }
  }

  async #fetch(src) {
    if (src === this.#srcUrl) return;
    this.#srcUrl = src;
    try {
      const res = await fetch(src);
      if (!res.ok) throw new Error(this.#t('fetchFailed', { url: src, status: String(res.status) }));
      await this.load(await res.blob());
    } catch (e) {
      if (this.#srcUrl === src) this.#srcUrl = null; // a failed fetch may be tried again
      this.#fail(e);
    }
  }

  /**
   * The page's core of `kind` and its Viewer (it draws), made on first use, when the kind changes, and after a
   * crash: 'viewer' for a published report, 'dashboard' (the worker's core) for responses.
   */
  async #ready(kind) {
    if (this.#core && this.#coreKind === kind) return;
    try {
      this.#core = await loadCore(kind);
    } catch (e) {
      throw this.#startFailed(e);
    }
    this.#coreKind = kind;
    this.#dash = new this.#core.Viewer();
  }

  /**
   * The worker with its own dashboard core (it reads and scores), made when responses are first loaded (and
   * after a crash); from then on the source of views. Resolves to the worker's Engine.
   */
  async #worker() {
    await this.#namesLoad; // comments are never shown before the list of names is in
    await this.#instrumentLoad; // raw responses are read with the instrument they follow
    if (!this.#engine) {
      const engine = new Engine((key) => this.#busy(this.#t(key)));
      try {
        this.#namesCount = await engine.start(this.#instrument, this.#names ?? []);
      } catch (e) {
        engine.stop();
        throw this.#startFailed(e);
      }
      this.#engine = engine;
    }
    this.#source = this.#engine;
    return this.#engine;
  }

  /** The error of a core that could not be started (`e`); only such a failure gets a Retry button. */
  #startFailed(e) {
    return Object.assign(new Error(this.#t('engineFailed', { error: e?.message ?? e }), { cause: e }), { startFailed: true });
  }

  /**
   * Shows `text` as work in progress (after the status line, and as the progress bar's value); null: done. Until
   * #quietUntil (a filter change's first BUSY_AFTER_MS) it is shown only if still busy then: a quick change shows
   * no progress bar, which would flash and lay the page out again while the new view is on its way.
   */
  #busy(text) {
    clearTimeout(this.#busyTimer);
    const wait = this.#quietUntil - performance.now();
    if (text != null && wait > 0) { this.#busyTimer = setTimeout(() => this.#busy(text), wait); return; }
    if (text === this.#working) return;
    const u = this.#ui;
    this.#working = text;
    u.progress.hidden = text == null;
    u.grid.setAttribute('aria-busy', String(text != null));
    if (text != null) u.progress.setAttribute('aria-valuetext', text);
    u.status.textContent = [this.#statusLine, text].filter(Boolean).join(' · ');
  }

  /**
   * Runs load step(engine); on success it becomes the data (or, with `append`, part of it). The score charts
   * are drawn first, then the comments are analysed and their panels filled in; then it resolves.
   */
  async #run(step, append = false) {
    const t0 = performance.now();
    try {
      this.#retry = () => this.#run(step, append);
      this.#busy(this.#t('progressStarting'));
      const { summary, ...shape } = await step();
      this.#sources = append ? [...this.#sources, step] : [step];
      this.#retry = null;
      this.#shape = shape;
      this.#published = shape.published;
      this.#filter = { segment: ALL, wave: ALL };
      this.#question = '';
      this.#ui.alert.textContent = this.#namesError;
      this.#ui.alert.hidden = !this.#namesError;
      this.#commentsPending = !shape.published;
      await this.#showThenComments();
      if (summary?.problems_total) this.#warn(summary);
      this.dispatchEvent(new CustomEvent('secpulse-loaded', { detail: { rows: shape.rows, summary, ms: performance.now() - t0 } }));
      return summary;
    } catch (e) {
      // Retry is kept only for a load that failed because the engine did not start or crashed.
      if (!e?.startFailed && !this.#isCrash(e)) this.#retry = null;
      this.#fail(e);
      return undefined;
    } finally {
      this.#busy(null);
    }
  }

  /**
   * Charts first: the score charts of the view are drawn while the worker goes on to analyse the comments
   * (it answers in order: the view, then the analysis); the comment panels are then filled in.
   */
  async #showThenComments() {
    const shown = this.#refresh();
    if (!this.#commentsPending) { await shown; return; }
    const analysed = this.#source.request('comments');
    analysed.catch(() => {}); // awaited below, after the charts; a failed view must not leave it unhandled
    await shown;
    await analysed;
    this.#commentsPending = false;
    await this.#refresh();
  }

  /**
   * Asks the worker for the released report of the current view and shows it; a later request wins.
   * Fails (with the worker's message) when the view is not allowed.
   */
  async #refresh() {
    const seq = ++this.#viewSeq;
    // The worker words the instrument's labels (dimensions, statements, options) in the element's language.
    for (const step of STEPS) performance.clearMeasures(`secpulse ${step}`);
    const asked = performance.now();
    const { report, took, ...shape } = await this.#source.request('view', { options: this.#viewOptions(), lang: this.#t.lang });
    performance.measure('secpulse view', { start: asked });
    if (took) performance.measure('secpulse worker', { start: took.at - performance.timeOrigin, duration: took.ms });
    if (seq !== this.#viewSeq) return;
    this.#shape = shape;
    await this.#show(report);
  }

  /**
   * Shows released report `text` (JSON) with the page's core; resolves when its charts are drawn. The page reads
   * its few fields (menus, status, comments) from the text itself: the browser's JSON.parse is faster than
   * handing the core's copy across to JS.
   */
  async #show(text) {
    this.#printStale = true; // from here on the core holds the new report; a print now pictures it
    timed('parse', () => this.#dash.loadReport(text));
    this.#report = timed('report', () => JSON.parse(text));
    await nextTask(); // the first calls of the page's core compile its code: one step per task
    return this.#render();
  }

  /** A crash of the page's core or of the worker's (its core trapped). */
  #isCrash(e) { return isCrash(e, this.#core) || e?.crashed === true; }

  #fail(e) {
    if (this.#isCrash(e)) { this.#crashed(e); return; }
    const message = e?.key ? this.#t(e.key) : String(e?.message || e);
    // Only a failed start of the engine gets a Retry button: a bad file stays bad.
    this.#alert(this.#t('loadFailed', { error: message }), e?.startFailed ? this.#retry : null);
    // A worded message (a key) keeps the browser's own words in `cause`, for the page's logs.
    const cause = e?.key ? String(e.message) : undefined;
    this.dispatchEvent(new CustomEvent('secpulse-error', { detail: { message, ...(cause ? { cause } : {}) } }));
  }

  /** Shows `text` in the alert line, with a Retry button when `retry` is given. */
  #alert(text, retry = null) {
    this.#ui.alert.replaceChildren(text, ...(retry ? [' ', h('button', { type: 'button', onclick: () => retry() }, this.#t('retry'))] : []));
    this.#ui.alert.hidden = false;
  }

  /** fn(), with any error shown in the element (for UI events, which have no caller to throw to). */
  #guard(fn) {
    try {
      const result = fn();
      return result instanceof Promise ? result.catch((e) => this.#fail(e)) : result;
    } catch (e) { this.#fail(e); return undefined; }
  }

  /** fn() for the public methods: a crash also starts the recovery; the error still goes to the caller. */
  #call(fn) {
    try { return fn(); } catch (e) { if (this.#isCrash(e)) this.#fail(e); throw e; }
  }

  /** The wasm instance crashed: it is dropped and, unless this happened while recovering, replaced. */
  #crashed(e) {
    this.#drop();
    this.dispatchEvent(new CustomEvent('secpulse-error', { detail: { message: `${this.#t('crashed')} (${e?.message ?? e})`, crashed: true } }));
    if (this.#recovering) return; // #recover sees the failure itself
    this.#alert(this.#t('crashRestarting'));
    this.#recover();
  }

  /** Drops both cores (the page's and the worker's): the next #ready() starts fresh ones. */
  #drop() {
    discard(this.#core);
    this.#core = null;
    this.#coreKind = null;
    this.#dash = null;
    this.#engine?.stop();
    this.#engine = null;
    this.#source = null;
  }

  /** Fresh cores with this element's data loaded again; a second failure leaves an error and Retry. */
  async #recover() {
    this.#recovering = true;
    try {
      let shape = null;
      for (const step of this.#sources) shape = await step();
      if (shape) {
        this.#published = shape.published;
        this.#commentsPending = !shape.published;
        await this.#showThenComments();
      }
      // A crash while loading new data leaves the data from before, and Retry for the failed load.
      this.#alert(this.#t(this.#sources.length ? 'crashReloaded' : 'crashRestarted'), this.#retry);
      this.dispatchEvent(new CustomEvent('secpulse-recovered'));
    } catch (e) {
      if (this.#isCrash(e)) this.#drop();
      this.#alert(this.#t('crashNoRestart', { error: e?.message ?? e }), () => {
        this.#alert(this.#t('restarting'));
        this.#recover();
      });
    } finally {
      this.#recovering = false;
    }
  }

  #warn(summary) {
    const t = this.#t;
    const lines = summary.problems.slice(0, 5).map((p) => t(p.column ? 'problemAtColumn' : 'problemAt', p));
    const more = summary.problems_total - lines.length;
    this.#ui.alert.textContent = [t('rowsLeftOut', { n: summary.rows_skipped }), ...lines, ...(more > 0 ? [t('andMore', { n: more })] : [])].join('\n');
    this.#ui.alert.hidden = false;
  }

  /** How the page's core draws the released report shown. */
  #options(extra = {}) {
    const o = { theme: isDark(this) ? 'dark' : 'light', look: chartLook(this.#ui.probe), pixelRatio: devicePixelRatio || 1, ...extra };
    if (this.#question) o.question = this.#question;
    return { ...o, segment: this.#segment() || undefined };
  }

  /** Which view the worker scores: breakdown, wave, threshold and filter (none for a published report). */
  #viewOptions() {
    if (this.#published) return {};
    const k = Number(this.getAttribute('min-group'));
    const segment = this.#segment(), wave = this.#waveColumn();
    const chosen = {};
    if (this.#filter.segment !== ALL && segment) chosen.segment = { column: segment, value: this.#filter.segment };
    if (this.#filter.wave !== ALL && wave) chosen.wave = this.#filter.wave;
    return { by: segment ? [segment] : [], wave: wave || undefined, minGroup: k >= 2 ? k : undefined, filter: chosen };
  }

  /** The columns of the data (from the worker), for the breakdown and filter menus. */
  get #columns() { return this.#shape?.columns ?? []; }

  #segment() {
    const want = this.getAttribute('segment');
    const cols = this.#columns.filter((c) => c.choice);
    return (cols.find((c) => c.name === want) ?? cols.find((c) => c.name === 'department') ?? cols[0])?.name ?? '';
  }

  #waveColumn() {
    const want = this.getAttribute('wave') || 'wave';
    return this.#columns.find((c) => c.name === want && !c.choice)?.name ?? '';
  }

  /** A filter menu changed: the worker scores the view (the page stays responsive); a view not allowed keeps the one shown. */
  async #setFilter(which, value) {
    const before = { ...this.#filter };
    this.#filter[which] = value;
    this.#quietUntil = performance.now() + BUSY_AFTER_MS;
    this.#busy(this.#t('progressScoring'));
    try {
      await this.#refresh();
      this.#ui.alert.hidden = true;
    } catch (e) {
      if (this.#isCrash(e)) { this.#fail(e); return; }
      this.#filter = before;
      this.#alert(String(e?.message ?? e));
      this.#guard(() => this.#render());
    } finally {
      this.#quietUntil = 0;
      this.#busy(null);
    }
  }

  /** Fills a menu with `values` (shown as `labels`, e.g. the options in the element's language), choosing `current`. */
  #fillSelect({ el }, values, current, all, labels = values) {
    el.replaceChildren(...(all ? [h('option', { value: ALL }, all)] : []), ...values.map((v, i) => h('option', { value: v }, labels[i] ?? v)));
    el.value = current;
  }

  /**
   * Shows the report in the page's core: menus and status, then (next task) summary, plan, comment browser and
   * chart texts, then the charts one per task; resolves when drawn (to false when a newer render took over).
   */
  async #render() {
    const seq = ++this.#renderSeq;
    const u = this.#ui;
    const t = this.#t;
    const segment = this.#segment(), wave = this.#waveColumn();
    const seg = this.#columns.find((c) => c.name === segment);
    const choices = this.#columns.filter((c) => c.choice);
    this.#fillSelect(u.by, choices.map((c) => c.name), segment, undefined, choices.map((c) => c.label));
    this.#fillSelect(u.only, seg?.values ?? [], this.#filter.segment, t('everyone'), seg?.labels);
    this.#fillSelect(u.wave, this.#columns.find((c) => c.name === wave)?.values ?? [], this.#filter.wave, t('allWaves'));
    u.only.label.hidden = this.#published || !seg;
    u.wave.label.hidden = this.#published || !wave;
    u.by.label.hidden = this.#published;
    // A published view is read-only: no loading, no publishing, no menus without choices.
    u.open.hidden = this.#published;
    u.publish.hidden = this.#published || this.getAttribute('publish') === 'off';
    u.publish.disabled = this.#commentsPending; // a report is published with its comments
    this.#dash.setLanguage(t.lang); // chart titles, takeaways and tables in the element's language
    const report = this.#report;
    const k = report.min_group;
    const questions = report.comments ?? [];
    if (!questions.some((q) => q.id === this.#question)) this.#question = (questions.find((q) => q.n != null) ?? questions[0])?.id ?? '';
    u.question.el.replaceChildren(...questions.map((q) => h('option', { value: q.id }, q.text || q.id)));
    u.question.el.value = this.#question;
    u.question.label.hidden = questions.length < 2;
    u.bar.hidden = [u.by, u.only, u.wave, u.question].every((s) => s.label.hidden) && this.#published;
    this.#statusLine = this.#published
      ? t('statusPublished', { title: report.instrument.title, k })
      : t('statusLocal', { respondents: report.respondents ?? t('fewerThan', { k }), k });
    u.status.textContent = [this.#statusLine, this.#working].filter(Boolean).join(' · ');
    if (!this.#panels.size) {
      this.#board = boardPanels(t);
      u.grid.append(this.#board.summary);
      for (const kind of CHARTS) {
        const p = panel(kind, { svg: (k) => this.#guard(() => this.#exportSvg(k)), png: (k) => this.#guard(() => this.#exportPng(k)) }, t);
        this.#panels.set(kind, p);
        u.grid.append(p.root);
      }
      this.#plan = planPanel({ checklist: (format) => this.#guard(() => this.#exportChecklist(format)) }, t);
      this.#browser = commentBrowser(this.#core.commentLabels(t.lang), t);
      u.grid.append(this.#plan.root, this.#browser.root, this.#board.closing);
    }
    await nextTask();
    if (seq !== this.#renderSeq || !this.#dash) return false;
    timed('plan', () => this.#plan.update(this.#dash.plan()));
    timed('board', () => this.#board.update(this.#dash.board()));
    timed('comments', () => this.#browser.update(questions.find((q) => q.id === this.#question) ?? null, { published: this.#published, names: this.#namesCount }));
    for (const [kind, has] of Object.entries(OPTIONAL)) this.#panels.get(kind).root.hidden = !has(report);
    // Charts first: the comment panels are shown once the worker has analysed the comments.
    for (const kind of COMMENT_CHARTS) this.#panels.get(kind).root.hidden = this.#commentsPending;
    this.#browser.root.hidden = this.#commentsPending;
    this.dataset.comments = this.#commentsPending ? 'pending' : 'ready';
    return this.#draw();
  }

  #schedule() {
    cancelAnimationFrame(this.#pending);
    this.#pending = requestAnimationFrame(() => this.#guard(() => this.#draw()));
  }

  /**
   * Draws every chart shown: all texts at once, then one layout for all of the canvases' widths, then each canvas
   * in its own task, so that no long task holds the page; resolves when all are drawn (to false when a newer draw
   * took over).
   */
  async #draw() {
    const seq = ++this.#drawSeq;
    this.#printStale = true;
    const o = this.#options();
    const shown = [...this.#panels].filter(([, p]) => !p.root.hidden);
    for (const [kind, p] of shown) timed('describe', () => p.setText(this.#dash.describe(kind, o)));
    // Read before any canvas changes size (a read after a change would lay the page out again, once per chart);
    // a height changes no panel's width, and a width that does change later is redrawn by the ResizeObserver.
    const widths = timed('layout', () => shown.map(([, p]) => {
      const box = p.canvas.parentElement;
      return box.clientWidth - parseFloat(getComputedStyle(box).paddingLeft) * 2;
    }));
    for (const [i, [kind, p]] of shown.entries()) {
      if (i > 0) await nextTask();
      if (seq !== this.#drawSeq || !this.#dash) return false;
      const w = widths[i];
      const ht = this.#dash.preferredHeight(kind, { ...o, width: Math.round(w) });
      const r = o.pixelRatio;
      p.canvas.style.height = `${ht}px`;
      p.canvas.width = Math.max(1, Math.round(w * r));
      p.canvas.height = Math.round(ht * r);
      timed('draw', () => this.#dash.draw(kind, p.canvas, o));
    }
    this.#width = this.#ui.grid.clientWidth;
    this.dataset.drawn = String((Number(this.dataset.drawn) || 0) + 1);
    this.dispatchEvent(new CustomEvent('secpulse-drawn'));
    return true;
  }

  /** The print view, as printing starts: every shown chart as an SVG picture (vector in print and PDF), light theme. */
  #drawPrint() {
    if (!this.#dash) return; // the core crashed meanwhile; the recovery draws again
    const o = this.#options({ theme: 'light', pixelRatio: 1, width: PRINT_WIDTH });
    for (const [kind, p] of this.#panels) {
      if (!p.root.hidden) p.setPicture(this.#dash.svg(kind, PRINT_WIDTH, this.#dash.preferredHeight(kind, o), o));
    }
    this.#printStale = false;
    this.dataset.printed = String((Number(this.dataset.printed) || 0) + 1);
  }

  /** Export size of chart `kind` at `o`: 1200 CSS pixels wide, room for the title and takeaway. */
  #exportHeight(kind, o) { return this.#dash.preferredHeight(kind, o) + 90; }

  /** The one SVG export path (the Download SVG button and the svg() method). */
  #svg(kind) {
    const o = this.#options({ titled: true, pixelRatio: 1 });
    return this.#dash.svg(kind, 1200, this.#exportHeight(kind, o), o);
  }

  #exportSvg(kind) { download(this.#svg(kind), `secpulse-${kind}.svg`, { type: 'image/svg+xml' }); }

  #exportPng(kind) {
    const o = this.#options({ titled: true, pixelRatio: 2 });
    const canvas = h('canvas', { width: 1200 * o.pixelRatio, height: this.#exportHeight(kind, o) * o.pixelRatio });
    this.#dash.draw(kind, canvas, o);
    canvas.toBlob((blob) => blob && download(blob, `secpulse-${kind}.png`), 'image/png');
  }

  #exportChecklist(format) {
    const text = this.#dash.planChecklist(format);
    download(text, format === 'csv' ? 'secpulse-plan.csv' : 'secpulse-plan.md', { type: format === 'csv' ? 'text/csv' : 'text/markdown' });
  }

  /** Opens the publish dialog, made on first use. */
  #openPublish() {
    if (this.#publisher?.lang !== this.#t.lang) {
      this.#publisher?.dialog.remove();
      this.#publisher = { ...publishDialog(this.#t, (records) => this.publishAfter(records)), lang: this.#t.lang };
      this.shadowRoot.append(this.#publisher.dialog);
    }
    this.#publisher.open();
  }

  /** The published report JSON of the current view (aggregates only), for scripts and tests. */
  publish() { return this.#call(() => this.#dash.publish()); }

  /** The published report decided with the earlier publications in `records` (record file text), and this one's record line. */
  // Publishing reads the responses, which only the worker holds; resolves to { report, record }.
  async publishAfter(records = '') {
    if (!this.#source || !this.#shape) throw new Error('no responses loaded yet');
    return this.#source.request('publish', { options: this.#viewOptions(), records });
  }

  /** The SVG of chart `kind` of the current view (with title and takeaway). */
  svg(kind) { return this.#call(() => this.#svg(kind)); }
}

customElements.define('secpulse-report', SecpulseReport);
