// The JS lint gate (scripts/test.sh runs it): `cd e2e && npm run lint`, or e2e/node_modules/.bin/eslint from here.
// ESLint and its rule sets are dev dependencies of e2e/ (they never ship to the browser); this file
// resolves them from there, so the repository root needs no package.json of its own.
import { createRequire } from 'node:module';

const require = createRequire(new URL('./e2e/package.json', import.meta.url));
const js = require('@eslint/js');
const globals = require('globals');

const rules = {
  ...js.configs.recommended.rules,
  'no-unused-vars': ['error', { args: 'after-used', caughtErrors: 'none' }],
  'no-undef': 'error',
  eqeqeq: ['error', 'always', { null: 'ignore' }],
};

const NO_HTML = [
  { selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML|srcdoc)$/]', message: 'No HTML from strings: build nodes with h() from www/dom.js.' },
  { selector: 'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe|parseFromString)$/]',
    message: 'No HTML from strings: build nodes with h() from www/dom.js.' },
  { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]", message: 'No document.write.' },
];

export default [
  { ignores: ['www/pkg/**', 'www/secpulse-survey.js', '**/node_modules/**', 'target/**', 'e2e/screenshots/**', 'bench/data/**', 'bench/results/**', 'bench/probe/pkg*/**', 'fuzz/**'] },
  // What runs in the browser: the custom elements and the demo pages. Text from data goes into the DOM
  // through www/dom.js (text nodes and attributes) only: nothing in www/ may parse a string as HTML.
  { files: ['www/**/*.js'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: globals.browser },
    rules: { ...rules, 'no-restricted-syntax': ['error', ...NO_HTML] } },
  // Node: tests (they also hand functions to page.evaluate, which run in the page), scripts, this file.
  { files: ['e2e/**/*.mjs', 'tests/js/**/*.mjs', 'scripts/**/*.mjs', 'bench/**/*.mjs', 'bench/**/*.js', 'eslint.config.js'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: { ...globals.node, ...globals.browser } }, rules },
];
