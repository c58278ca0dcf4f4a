/* global Survey, SurveyUI -- classic <script>s of surveyjs-form.html */
// The SurveyJS form (survey-core + survey-js-ui, as a page owner includes them) on the same questions
// as bench/instrument.json: the model is fetched, then rendered. survey_load.mjs times the first question.
const model = await (await fetch('/bench/surveyjs-model.json')).json();
const survey = new Survey.Model(model);
SurveyUI.renderSurvey(survey, document.getElementById('survey'));
