// Loads the secpulse wasm core once and shares it between the custom elements.
import init, * as core from './pkg/secpulse.js';

let loading;

/** Resolves to the wasm module's exports once it is instantiated (only the first call fetches). */
export function loadCore() {
  loading ??= init({ module_or_path: new URL('./pkg/secpulse_bg.wasm', import.meta.url) }).then(() => core);
  return loading;
}
