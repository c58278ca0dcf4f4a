/* global Survey, SurveyAnalytics -- classic <script>s of surveyjs.html */
// SurveyJS Dashboard (survey-analytics + survey-core, Plotly as it ships) on the same questions:
// JSON.parse of the responses, then data-in-memory → every chart drawn; then a filter change.
import { params, now, fetchText, painted, pause, done, fail } from './common.js';
import { longTasks } from './longtasks.js';

/** Resolves when every visualizer of the panel has fired onAfterRender once more. */
function allRendered(panel, expected) {
  return new Promise((ok) => {
    let seen = 0;
    const vs = panel.visualizers;
    const each = () => { if (++seen === expected) { vs.forEach((v) => v.onAfterRender.remove(each)); ok(); } };
    vs.forEach((v) => v.onAfterRender.add(each));
  });
}

try {
  const model = await (await fetch('/bench/surveyjs-model.json')).json();
  const text = await fetchText(params.get('data'));
  await pause();
  const t0 = now();
  const data = JSON.parse(text);
  const t1 = now();
  await pause();
  const survey = new Survey.Model(model);
  const questions = survey.getAllQuestions();
  const t2 = now();
  const panel = new SurveyAnalytics.VisualizationPanel(questions, data, {
    allowHideQuestions: false, allowDynamicLayout: false, haveCommercialLicense: true,
  });
  const first = new Promise((ok) => panel.onAfterRender.add(() => ok()));
  panel.render(document.getElementById('panel'));
  await first;
  await painted();
  const t3 = now();
  const charts = document.querySelectorAll('.js-plotly-plot').length;
  // Filter change: department = Engineering (SurveyJS re-renders every visualizer).
  await pause(300); // long-task entries reach the observer a little later
  const load = longTasks(t0);
  const t4 = now();
  const again = allRendered(panel, panel.visualizers.length);
  panel.setFilter('department', 'Engineering');
  await Promise.race([again, pause(60000)]);
  await painted();
  const t5 = now();
  await pause(300); // long-task entries reach the observer a little later
  const filter = longTasks(t4);
  done({ json_parse_ms: t1 - t0, charts_ms: t3 - t2, filter_ms: t5 - t4, load_ms: t3 - t0,
    longtask_max_ms: load.max, longtask_total_ms: load.total, longtasks: load.count,
    filter_longtask_max_ms: filter.max, filter_longtask_total_ms: filter.total, charts, questions: questions.length, rows: data.length });
} catch (e) { fail(e); }
