// The one wasm loader of the secpulse elements. The core comes in three builds (scripts/build-wasm.sh):
//   'viewer'     pkg/secpulse_viewer.js + pkg/secpulse_viewer_bg.wasm  draws a released report (charts, plan,
//                                                                      board); <secpulse-report> showing a published one
//   'dashboard'  pkg/secpulse.js + pkg/secpulse_bg.wasm                reads and scores responses (in
//                                                                      <secpulse-report>'s worker) and draws (its page)
//   'survey'     pkg/secpulse_survey.js + pkg/secpulse_survey_bg.wasm  instrument parsing and response
//                                                                      checks only; <secpulse-survey>
// Each is fetched, compiled and instantiated once per page, when an element first needs it, and shared
// by the elements that use it. (secpulse-survey.js, the survey bundled into one file, holds its own copy of
// this module; it loads only the survey build, which no other element uses.) The JS glue is imported dynamically, so a survey-only page loads no
// dashboard code, and a file that fails to load is an error the element shows, not a silent blank.
//
// A panic in the release build (panic = "abort") traps as `WebAssembly.RuntimeError: unreachable`,
// after which that instance cannot be trusted. isCrash(error, core) recognises that; discard(core)
// drops the instance, so that the next loadCore() makes a fresh one from the already compiled module
// (nothing is downloaded again); the element then loads its data into the new instance.

const BUILDS = { viewer: 'secpulse_viewer', dashboard: 'secpulse', survey: 'secpulse_survey' };
/** kind → Promise<WebAssembly.Module>: compiled once per page. */
const compiled = new Map();
/** kind → { promise, exports }: the live instance. */
const live = new Map();
/** Instances that crashed (their exports objects). */
const dead = new WeakSet();
let instances = 0;

/**
 * Resolves to the exports of the `kind` core ('viewer', 'dashboard' or 'survey'), instantiating it on first use
 * (or after discard()). A failed load is not remembered: calling again tries again.
 */
export function loadCore(kind = 'dashboard') {
  const name = BUILDS[kind];
  if (!name) return Promise.reject(new Error(`unknown secpulse core "${kind}"`));
  let entry = live.get(kind);
  if (!entry) {
    entry = { promise: null, exports: null };
    entry.promise = instantiate(name).then((exports) => { entry.exports = exports; return exports; });
    entry.promise.catch(() => { if (live.get(kind) === entry) live.delete(kind); });
    live.set(kind, entry);
  }
  return entry.promise;
}

/**
 * The survey's built-in instrument exactly as the core's defaultInstrument() returns it, read from
 * pkg/secpulse_survey_instrument.json (scripts/build-wasm.sh writes it with the dashboard core; the
 * survey core leaves the built-in instrument out), so the form can be shown before the wasm is in.
 * Rejects with an error naming the file when it cannot be read.
 */
export async function builtInInstrument() {
  const url = new URL('./pkg/secpulse_survey_instrument.json', import.meta.url);
  const res = await fetchFile(url);
  try {
    return await res.json();
  } catch (e) {
    throw new Error(`${url.pathname} is not valid JSON: ${e?.message ?? e}`, { cause: e });
  }
}

/**
 * The compiled WebAssembly.Module of the `kind` core and the URL of its JS glue, for a worker that
 * instantiates its own copy (report/worker.js): compiled once per page, posted, never fetched twice.
 */
export async function compiledCore(kind = 'dashboard') {
  const name = BUILDS[kind];
  if (!name) throw new Error(`unknown secpulse core "${kind}"`);
  return { module: await compiledModule(name), glue: new URL(`./pkg/${name}.js`, import.meta.url).href };
}

/** True when `error` means the wasm instance crashed (a trap), or `core` was already discarded as crashed. */
export function isCrash(error, core) {
  return error instanceof WebAssembly.RuntimeError || (core != null && dead.has(core));
}

/** Forgets the crashed instance `core`: the next loadCore() of its kind instantiates a fresh one. */
export function discard(core) {
  if (core == null) return;
  dead.add(core);
  for (const [kind, entry] of live) if (entry.exports === core) live.delete(kind);
}

/** The compiled module of build `name`: fetched and compiled on first use; a failure is not remembered. */
function compiledModule(name) {
  let module = compiled.get(name);
  if (!module) {
    module = compile(new URL(`./pkg/${name}_bg.wasm`, import.meta.url));
    compiled.set(name, module);
    module.catch(() => { if (compiled.get(name) === module) compiled.delete(name); });
  }
  return module;
}

async function instantiate(name) {
  const module = compiledModule(name);
  // The glue module keeps its instance in module state, so every new instance needs its own copy of
  // the glue: after the first, it is imported under a distinct query string.
  const glueUrl = new URL(`./pkg/${name}.js`, import.meta.url);
  if (++instances > 1) glueUrl.searchParams.set('instance', String(instances));
  let glue;
  try {
    glue = await import(glueUrl.href);
  } catch (e) {
    throw new Error(`could not load ${glueUrl.pathname}: ${e?.message ?? e}`, { cause: e });
  }
  await glue.default({ module_or_path: await module });
  return glue;
}

/** The response for `url`; rejects with an error naming the file on a network error or an HTTP error status. */
async function fetchFile(url) {
  let res;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new Error(`could not load ${url.pathname}: ${e?.message ?? e}`, { cause: e });
  }
  if (!res.ok) throw new Error(`could not load ${url.pathname}: HTTP ${res.status}`);
  return res;
}

async function compile(url) {
  const res = await fetchFile(url);
  try {
    return (res.headers.get('content-type') ?? '').startsWith('application/wasm')
      ? await WebAssembly.compileStreaming(res)
      : await WebAssembly.compile(await res.arrayBuffer());
  } catch (e) {
    throw new Error(`${url.pathname} is not a usable secpulse core: ${e?.message ?? e}`, { cause: e });
  }
}
