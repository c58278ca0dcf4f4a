// <secpulse-survey>: the anonymous survey form.
//   <secpulse-survey src="instrument.json" mode="paged|single" wave="2026-Q4"
//                    endpoint="/responses" with-credentials invite lang="en"></secpulse-survey>
// Renders the default instrument (or `src`, or the `instrument` property), keeps partial answers in
// sessionStorage, checks the response with the wasm core and fires `secpulse-submit` with one row of
// the wide layout; POSTs it to `endpoint` (if set) with retry. Only answers (and `wave`) are ever sent.
// Events (bubbling, composed): `secpulse-ready` once rendered; `secpulse-submit` with
// detail { row, json } once the response is accepted (after a successful POST when `endpoint` is set).
// Light DOM with slot="thanks" is shown on the thank-you screen (e.g. a link to the results).
// Pages load it as secpulse-survey.js: this module and everything it imports in one file (no chain of
// imports to wait for), made by scripts/bundle-survey.sh (scripts/build-wasm.sh runs it).
import { builtInInstrument, discard, isCrash, loadCore } from '../core.js';
import { add, h, uid } from '../dom.js';
import { download } from '../download.js';
import { langOf } from '../i18n/lang.js';
import { messages } from './messages.js';
import { localize } from './localize.js';
import { buildRow, isAnswered, missingRequired, pruneHidden, sanitize, visibleSections } from './logic.js';
import * as store from './store.js';
import { codeFromPage, postWithRetry, serverMessage } from './send.js';
import { surveySheet } from './style.js';
import { widgetFor } from './widgets.js';

export class SecpulseSurvey extends HTMLElement {
  static observedAttributes = ['src', 'mode', 'lang', 'wave', 'invite'];

  #started = false;
  #given = null;
  #core = null;
  #instrument = null;
  /** The instrument in the form's language (localize()), for display. */
  #shown = null;
  #key = '';
  #answers = {};
  #page = 0;
  #resumed = false;
  #widgets = new Map();
  #pages = [];
  /** Settles once the pages not shown first are built too (#buildRest). */
  #rest = null;
  #ui = {};
  #t = messages('en');
  #loads = 0;
  #sending = false;
  #lastRow = null;
  #code = codeFromPage();

  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [surveySheet()];
  }

  /** The validated instrument in use (a plain object), or null before it is loaded. */
  get instrument() { return this.#instrument; }

  /** Sets the instrument (an object or JSON text); it is validated by the core before use. */
  set instrument(value) {
    this.#given = value;
    if (this.#started) this.#load();
  }

  /** The survey round written into every row as column `wave` (or ''). */
  get wave() { return this.getAttribute('wave') ?? ''; }

  connectedCallback() {
    if (this.#started) return;
    this.#started = true;
    this.#load();
  }

  attributeChangedCallback(name, old, value) {
    if (!this.#started || old === value) return;
    if (name === 'src' || name === 'wave') this.#load();
    else if (this.#instrument) this.#render();
  }

  /** Replaces the shadow content with `nodes`, each marked with the language its words are in. */
  #show(...nodes) {
    for (const node of nodes) node.setAttribute('lang', this.#t.lang);
    this.shadowRoot.replaceChildren(...nodes);
  }

  async #load() {
    const ticket = ++this.#loads;
    this.#t = messages(langOf(this));
    this.#show(h('p', { role: 'status', text: this.#t('loading') }));
    // The core is fetched and compiled while the instrument loads, not after it.
    const core = loadCore('survey');
    core.catch(() => { /* reported below */ });
    try {
      const instrument = await this.#readInstrument(core);
      if (ticket !== this.#loads) return;
      this.#instrument = instrument;
      this.#key = store.keyFor(instrument, this.wave);
      const saved = store.load(this.#key);
      this.#answers = pruneHidden(instrument, sanitize(instrument, saved?.answers));
      this.#page = Number.isInteger(saved?.page) ? saved.page : 0;
      this.#resumed = Object.keys(this.#answers).length > 0;
      this.#render();
      // The built-in instrument is shown before the core is in; the form needs the core to check a
      // response, so it is ready (and a core that cannot load is reported) once the core is there, and
      // once every page is built (#buildRest), as it was when all pages were built at once.
      await Promise.all([core, this.#rest]);
      if (ticket !== this.#loads) return;
      this.dispatchEvent(new CustomEvent('secpulse-ready', { bubbles: true, composed: true }));
    } catch (err) {
      if (ticket !== this.#loads) return;
      // A plain message and a way to try again (the loader forgets a failed load, so a retry refetches).
      this.#show(h('div', { class: 'failure', role: 'alert' },
        h('p', { text: this.#t('loadFailed', { error: this.#errorText(err) }) }),
        h('button', { type: 'button', class: 'btn', text: this.#t('tryAgain'), onclick: () => this.#load() })));
    }
  }

  /** The message of `err` for people: a crash of the wasm core gets a sentence, not "unreachable". */
  #errorText(err) {
    return err instanceof WebAssembly.RuntimeError ? this.#t('crashed') : err?.message ?? String(err);
  }

  /**
   * fn(core) with the survey's wasm core. The core keeps no state between calls, so when an instance
   * crashes (a panic traps as a WebAssembly.RuntimeError) it is replaced and the call made once more.
   */
  async #withCore(fn) {
    for (let attempt = 1; ; attempt++) {
      this.#core ??= await loadCore('survey');
      const core = this.#core;
      try {
        return fn(core);
      } catch (err) {
        if (!isCrash(err, core)) throw err;
        discard(core);
        this.#core = null;
        if (attempt === 2) throw err;
      }
    }
  }

  /**
   * The instrument to show: the `instrument` property or `src` validated by the core (`loading`, the
   * core's pending load, is awaited first so that a failed load is reported once), or the built-in
   * one, which needs no core (scripts/build-wasm.sh wrote its file; the survey core does not have it,
   * so a file that cannot be read is reported like a missing wasm).
   */
  async #readInstrument(loading) {
    if (this.#given != null) {
      const json = typeof this.#given === 'string' ? this.#given : JSON.stringify(this.#given);
      await loading;
      return this.#withCore((core) => core.parseInstrument(json, this.#t.lang));
    }
    const src = this.getAttribute('src');
    if (!src) return builtInInstrument();
    const res = await fetch(new URL(src, document.baseURI), { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`${src}: HTTP ${res.status}`);
    const json = await res.text();
    await loading;
    return this.#withCore((core) => core.parseInstrument(json, this.#t.lang));
  }

  get #single() { return this.getAttribute('mode') === 'single'; }

  #render() {
    const t = (this.#t = messages(langOf(this)));
    const ins = localize(this.#instrument, t.lang);
    const ctx = { instrument: ins, t, onChange: (id, v) => this.#change(id, v), announce: (m) => this.#announce(m) };
    const titleId = uid('title');
    const progressId = uid('progress');
    const ui = (this.#ui = {});
    this.#widgets.clear();
    this.#shown = ins;
    // Pages keep the instrument's own section objects (visibleSections returns those); the words are the shown copy's.
    // Each page starts as an empty, hidden box: its questions are built when it is first shown (#update), so
    // the first question is on screen without building every page; the others follow after the first paint.
    this.#pages = ins.sections.map((shown, i) => ({ section: this.#instrument.sections[i], shown, ctx,
      el: h('div', { class: 'page', hidden: true }), heading: null }));
    ui.live = h('div', { class: 'sr-only', 'aria-live': 'polite' });
    ui.progressText = h('span', { id: progressId });
    ui.progress = h('progress', { 'aria-labelledby': progressId });
    ui.notice = h('div', { class: 'notice', part: 'notice' }, h('h3', { text: t('privacyTitle') }), h('p', { text: ins.intro }),
      h('p', { text: this.wave ? t('whatIsSentWave', { wave: this.wave }) : t('whatIsSent') }),
      h('p', { text: t('whatTheBrowserSends') }), this.#codeField());
    ui.resumed = h('p', { class: 'resumed', role: 'status', hidden: !this.#resumed, text: t('resumed') });
    ui.summary = h('div', { class: 'summary', tabindex: '-1', hidden: true });
    ui.back = h('button', { type: 'button', class: 'btn back', part: 'button', text: t('back'), onclick: () => this.#go(-1) });
    ui.next = h('button', { type: 'submit', class: 'btn primary', part: 'button primary' });
    ui.download = h('button', { type: 'button', class: 'btn link', part: 'button', text: t('download'),
      onclick: () => this.#download(buildRow(ins, this.#answers, this.wave)) });
    ui.send = h('div', { class: 'send' });
    ui.form = h('form', { novalidate: true, 'aria-labelledby': titleId,
      onsubmit: (e) => { e.preventDefault(); this.#advance(); } },
      this.#pages.map((p) => p.el), h('div', { class: 'nav' }, ui.back, ui.next, ui.download));
    ui.main = h('div', { class: this.#single ? 'survey single' : 'survey', part: 'survey' }, h('h2', { id: titleId, part: 'title', text: ins.title }),
      h('div', { class: 'progress' }, ui.progressText, ui.progress), ui.notice, ui.resumed, ui.summary, ui.form, ui.send);
    this.#show(ui.live, ui.main);
    this.#update();
    this.#rest = this.#buildRest();
  }

  /** Fills `page` (an entry of #pages) with its heading and questions, once; each widget shows its saved answer. */
  #build(page) {
    if (page.heading) return;
    const { shown, ctx } = page;
    page.heading = h('h3', { id: uid('page'), tabindex: '-1', text: shown.title });
    add(page.el, page.heading, shown.description ? h('p', { class: 'desc', text: shown.description }) : null,
      shown.questions.map((q) => {
        const widget = widgetFor(q, ctx);
        widget.root.setAttribute('part', 'question');
        this.#widgets.set(q.id, widget);
        widget.set(this.#answers[q.id]);
        return widget.root;
      }));
  }

  /** Builds every page not built yet (the form then holds all questions, as before lazy building). */
  #buildAll() {
    for (const page of this.#pages) this.#build(page);
  }

  /**
   * Builds the pages not shown yet once the first one is on screen: after the next frame (or 100 ms in a
   * hidden tab), so that the first question's paint does not wait for them. A newer render cancels it.
   */
  async #buildRest() {
    const pages = this.#pages;
    await new Promise((done) => {
      requestAnimationFrame(() => setTimeout(done, 0));
      setTimeout(done, 100);
    });
    if (pages === this.#pages) this.#buildAll();
  }

  /** The invite code input (with the `invite` attribute), or null. */
  #codeField() {
    if (!this.hasAttribute('invite')) return null;
    const id = uid('code');
    const hint = uid('hint');
    this.#ui.code = h('input', { id, class: 'code', type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': hint,
      value: this.#code, oninput: (e) => { this.#code = e.target.value.trim(); } });
    return h('p', { class: 'invite' }, h('label', { for: id, text: this.#t('inviteLabel') }), ' ', this.#ui.code,
      h('span', { id: hint, class: 'desc', text: ` ${this.#t('inviteHint')}` }));
  }

  /** Shows the current page (or all pages) and refreshes progress and buttons. */
  #update() {
    const t = this.#t;
    const ui = this.#ui;
    const visible = visibleSections(this.#instrument, this.#answers);
    this.#page = Math.max(0, Math.min(this.#page, visible.length - 1));
    const current = visible[this.#page];
    for (const p of this.#pages) {
      p.el.hidden = !visible.includes(p.section) || (!this.#single && p.section !== current);
      if (!p.el.hidden) this.#build(p);
    }
    const last = this.#single || this.#page === visible.length - 1;
    if (this.#single) {
      const questions = visible.flatMap((s) => s.questions);
      const answered = questions.filter((q) => isAnswered(this.#answers[q.id])).length;
      ui.progressText.textContent = t('answeredOf', { n: answered, total: questions.length });
      Object.assign(ui.progress, { max: questions.length, value: answered });
    } else {
      ui.progressText.textContent = t('pageOf', { n: this.#page + 1, total: visible.length });
      Object.assign(ui.progress, { max: visible.length, value: this.#page + 1 });
    }
    ui.notice.hidden = !this.#single && this.#page > 0;
    ui.back.hidden = this.#single || this.#page === 0;
    ui.next.textContent = last ? t('submit') : t('next');
    ui.download.hidden = !last;
  }

  #change(id, value) {
    const before = this.#answers;
    this.#answers = pruneHidden(this.#instrument, { ...before, [id]: value });
    for (const gone of Object.keys(before)) if (!(gone in this.#answers)) this.#widgets.get(gone)?.set(undefined);
    if (isAnswered(value)) this.#widgets.get(id)?.setError(null);
    this.#save();
    this.#update();
  }

  #save() {
    store.save(this.#key, { page: this.#page, answers: this.#answers });
  }

  #announce(message) {
    // Clearing first makes a repeated message be announced again.
    this.#ui.live.textContent = '';
    setTimeout(() => { this.#ui.live.textContent = message; }, 50);
  }

  #go(step) {
    this.#page += step;
    this.#clearErrors();
    this.#ui.resumed.hidden = true;
    this.#update();
    this.#save();
    const page = this.#pages.find((p) => !p.el.hidden);
    this.#ui.main.scrollIntoView({ block: 'start' });
    page?.heading.focus({ preventScroll: true });
  }

  /** Next page, or submit on the last one; required answers first. */
  #advance() {
    if (this.#sending) return;
    const visible = visibleSections(this.#instrument, this.#answers);
    const shown = this.#single ? visible : [visible[this.#page]];
    const missing = missingRequired(shown.flatMap((s) => s.questions), this.#answers);
    if (missing.length) {
      this.#showErrors(missing.map((q) => ({ id: q.id, text: this.#textOf(q.id), message: this.#t(q.type === 'ranking' ? 'errRanking' : 'errRequired') })));
      return;
    }
    if (!this.#single && this.#page < visible.length - 1) this.#go(1);
    else this.#submit();
  }

  #clearErrors() {
    for (const widget of this.#widgets.values()) widget.setError(null);
    this.#ui.summary.hidden = true;
  }

  /** Error summary at the top, linked to the fields, focused so it is read out. */
  #showErrors(problems) {
    this.#buildAll();
    this.#clearErrors();
    const t = this.#t;
    const titleId = uid('errors');
    for (const p of problems) this.#widgets.get(p.id)?.setError(p.message);
    this.#ui.summary.setAttribute('aria-labelledby', titleId);
    this.#ui.summary.replaceChildren(h('h3', { id: titleId, text: t('errorsTitle', { n: problems.length }) }),
      h('ul', {}, problems.map((p) => h('li', {}, this.#widgets.has(p.id)
        ? [h('a', { href: '#', text: p.text, onclick: (e) => { e.preventDefault(); this.#widgets.get(p.id).focus(); } }),
          h('span', { class: 'why', text: p.message })]
        : p.message))));
    this.#ui.summary.hidden = false;
    this.#ui.summary.scrollIntoView({ block: 'start' });
    this.#ui.summary.focus({ preventScroll: true });
  }

  /** The wording of question `id` in the form's language, or undefined for no such question. */
  #textOf(id) {
    return this.#shown?.sections.flatMap((s) => s.questions).find((q) => q.id === id)?.text;
  }

  /** Problems the core finds with this row (the same rules as `secpulse score`), as summary entries. */
  async #check(row) {
    let report;
    try {
      const instrument = JSON.stringify(this.#instrument);
      report = await this.#withCore((core) => core.checkResponse(instrument, row, this.#t.lang));
    } catch (err) {
      if (err instanceof WebAssembly.RuntimeError) return [{ message: this.#t('crashedCheck') }];
      report = { errors: [{ message: err?.message ?? String(err) }] };
    }
    return (report?.errors ?? []).map((e) => {
      const text = e.column ? this.#textOf(e.column) : undefined;
      const own = e.code && this.#t(`err_${e.code}`);
      const message = own && own !== `err_${e.code}` ? own : this.#t('errCheck', { error: e.message });
      return { id: text === undefined ? undefined : e.column, text, message };
    });
  }

  async #submit() {
    const row = buildRow(this.#instrument, this.#answers, this.wave);
    const problems = await this.#check(row);
    if (problems.length) {
      this.#showErrors(problems);
      return;
    }
    const endpoint = this.getAttribute('endpoint');
    if (endpoint && this.hasAttribute('invite') && !this.#code) {
      this.#showErrors([{ message: this.#t('inviteMissing') }]);
      return;
    }
    if (endpoint) {
      const t = this.#t;
      const status = h('p', { role: 'status', text: t('sending') });
      // "Try again" is about to be removed: keep keyboard focus on the form's own submit button.
      if (this.#ui.send.contains(this.shadowRoot.activeElement)) this.#ui.next.focus();
      this.#ui.send.replaceChildren(status);
      this.#sending = true;
      this.#ui.next.setAttribute('aria-disabled', 'true');
      try {
        await postWithRetry(new URL(endpoint, document.baseURI), JSON.stringify(row), {
          credentials: this.hasAttribute('with-credentials') ? 'include' : 'omit',
          headers: this.hasAttribute('invite') ? { 'x-secpulse-code': this.#code } : {},
          onRetry: (n, max) => { status.textContent = t('retrying', { n, max }); },
        });
      } catch (err) {
        const said = await serverMessage(err?.response);
        const closed = err?.response?.status === 410;
        this.#ui.send.replaceChildren(h('div', { class: 'failure', role: 'alert' },
          closed ? h('h3', { text: t('closedTitle') }) : null,
          h('p', { text: said ? (closed ? said : t('serverRefused', { message: said })) : t('sendFailed') }),
          h('div', { class: 'nav' },
            h('button', { type: 'button', class: 'btn primary', text: t('tryAgain'), onclick: () => this.#advance() }),
            h('button', { type: 'button', class: 'btn', text: t('download'), onclick: () => this.#download(row) }))));
        return;
      } finally {
        this.#sending = false;
        this.#ui.next.removeAttribute('aria-disabled');
      }
    }
    this.dispatchEvent(new CustomEvent('secpulse-submit', { bubbles: true, composed: true, detail: { row, json: JSON.stringify(row) } }));
    store.clear(this.#key);
    this.#answers = {};
    this.#lastRow = row;
    this.#thanks();
  }

  #thanks() {
    const t = this.#t;
    const heading = h('h2', { tabindex: '-1', text: t('thanksTitle') });
    this.#show(this.#ui.live, h('div', { class: 'thanks' }, heading, h('p', { text: t('thanksText') }),
      h('slot', { name: 'thanks' }),
      h('p', {}, h('button', { type: 'button', class: 'btn', text: t('download'), onclick: () => this.#download(this.#lastRow) }))));
    this.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  }

  #download(row) {
    download(JSON.stringify(row, null, 2), this.#t('downloadFile'), { type: 'application/json', parent: this.shadowRoot });
  }
}

customElements.get('secpulse-survey') ?? customElements.define('secpulse-survey', SecpulseSurvey);
