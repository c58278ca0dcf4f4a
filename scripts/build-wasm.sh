#!/usr/bin/env bash
# The one build command of the browser side. Writes:
#   www/pkg/        the wasm core and its JS bindings (Cargo.toml's size-tuned `wasm` profile, then binaryen's wasm-opt), three builds:
#                     secpulse_viewer.js + secpulse_viewer_bg.wasm  draws a released report: <secpulse-report>
#                                                                   showing a published one (feature viewer)
#                     secpulse.js + secpulse_bg.wasm                reads and scores responses (the dashboard's
#                                                                   worker) and draws (its page): features
#                                                                   dashboard + viewer, one file for both
#                     secpulse_survey.js + secpulse_survey_bg.wasm  the survey form's exports only (no features)
#                     secpulse_survey_instrument.json               the core's defaultInstrument() (from the dashboard
#                                                                   build: the survey build leaves it out), so the
#                                                                   form shows it before the wasm is in (www/core.js)
#   www/secpulse-survey.js  the survey form's modules in one file (scripts/bundle-survey.sh)
#   dist/secpulse/  the distributable folder: exactly the files a page owner copies (docs/embedding.md, Install),
#                   its JS minified
#   www/report.json the demo's sample published report (published.html): the dashboard core's synthetic
#                   sample (3,000 respondents, three waves), published by department as the dashboard's
#                   Publish does. Made with the wasm, not the native CLI, so that this script compiles no
#                   native code (the server binary embeds www/: a report written after it was built
#                   would make cargo compile the crate again)
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
wasm=$target/wasm32-unknown-unknown/wasm/secpulse.wasm
# binaryen's wasm-opt from npm (scripts/package.json; scripts/setup.sh installs it): Debian's binaryen 108
# points wasm-bindgen's exported externref table at the function table, so the module fails to start.
# -O2 without inlining functions that have one caller: smaller gzipped than the input; plain -Oz/-Os
# (that inlining and function reordering) and -O3 make the gzipped file 4-11% larger (bench/README.md, "Size").
wasm_opt=scripts/node_modules/.bin/wasm-opt
[ -x "$wasm_opt" ] || { echo "build-wasm: $wasm_opt missing; run scripts/setup.sh" >&2; exit 1; }
shrink() { "$wasm_opt" -O2 --one-caller-inline-max-function-size 0 "www/pkg/$1_bg.wasm" -o "www/pkg/$1_bg.wasm"; }
cargo build -q --lib --profile wasm --target wasm32-unknown-unknown --no-default-features --features viewer
wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir www/pkg \
  --out-name secpulse_viewer "$wasm"
shrink secpulse_viewer
cargo build -q --lib --profile wasm --target wasm32-unknown-unknown --no-default-features --features dashboard,viewer
wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir www/pkg "$wasm"
shrink secpulse
cargo build -q --lib --profile wasm --target wasm32-unknown-unknown --no-default-features
wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir www/pkg \
  --out-name secpulse_survey "$wasm"
shrink secpulse_survey
# The built-in instrument exactly as the core returns it; only the dashboard build has it (the glue is
# ESM: imported as .mjs). The survey element sends it back as JSON text with every checkResponse. Then the
# demo's sample report (above).
glue=$(mktemp -d)
cp www/pkg/secpulse.js "$glue/glue.mjs"
node --input-type=module -e "
import { readFileSync, writeFileSync } from 'node:fs';
const core = await import('$glue/glue.mjs');
core.initSync({ module: readFileSync('www/pkg/secpulse_bg.wasm') });
writeFileSync('www/pkg/secpulse_survey_instrument.json', JSON.stringify(core.defaultInstrument()));
const sample = new core.Dashboard();
sample.loadSample(3000, 14);
writeFileSync('www/report.json', sample.publish({ by: ['department'], wave: 'wave' }));"
rm -r "$glue"
gz() { gzip -9c "$1" | wc -c; }
echo "built www/report.json (sample published report, $(wc -c < www/report.json) bytes)" >&2
for name in secpulse_viewer secpulse secpulse_survey; do
  echo "built www/pkg/$name: $(gz "www/pkg/${name}_bg.wasm") bytes wasm + $(gz "www/pkg/$name.js") bytes JS gzipped" >&2
done

# The distributable folder. Keep this list and the Install section of docs/embedding.md the same
# (e2e/install.test.mjs copies what the docs list into an empty site and loads both elements).
dist=dist/secpulse
rm -rf "$dist"
mkdir -p "$dist/pkg"
bash scripts/bundle-survey.sh
cp www/secpulse.js www/secpulse.css www/secpulse-survey.js www/secpulse-report.js www/core.js www/dom.js \
  www/download.js www/theme.js "$dist/"
cp -r www/report www/i18n "$dist/"
cp www/pkg/secpulse_viewer.js www/pkg/secpulse_viewer_bg.wasm www/pkg/secpulse.js www/pkg/secpulse_bg.wasm \
  www/pkg/secpulse_survey.js www/pkg/secpulse_survey_bg.wasm www/pkg/secpulse_survey_instrument.json "$dist/pkg/"
# Its JS minified (esbuild from npm, scripts/package.json), file by file: the same files, names, imports
# and exports as www/, a third smaller gzipped (bench/README.md, "Size"). www/ keeps the readable source.
esbuild=scripts/node_modules/.bin/esbuild
[ -x "$esbuild" ] || { echo "build-wasm: $esbuild missing; run scripts/setup.sh" >&2; exit 1; }
mapfile -t scripts < <(find "$dist" -name '*.js')
"$esbuild" "${scripts[@]}" --minify --charset=utf8 --outbase="$dist" --outdir="$dist" --allow-overwrite \
  --log-level=warning
echo "built $dist/: $(find "$dist" -type f | wc -l) files, $(du -sk "$dist" | cut -f1) KiB" >&2
