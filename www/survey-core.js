// Loads the small survey-only wasm (instrument parsing and response checks, no charts or
// comment analysis) once, for <secpulse-survey>.
import init, * as core from './pkg/secpulse_survey.js';

let loading;

/** Resolves to the survey wasm's exports once it is instantiated (only the first call fetches). */
export function loadSurveyCore() {
  loading ??= init({ module_or_path: new URL('./pkg/secpulse_survey_bg.wasm', import.meta.url) }).then(() => core);
  return loading;
}
