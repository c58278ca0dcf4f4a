// The real `secpulse serve` binary for browser tests: a fresh database in a temp folder, 127.0.0.1, a port
// the OS picks. The binary is built by scripts/test.sh after scripts/build-wasm.sh (so it embeds the widgets).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** The secpulse binary: $SECPULSE_BIN, else the debug build in $CARGO_TARGET_DIR (or target/). */
export const BIN = process.env.SECPULSE_BIN ?? join(resolve(ROOT, process.env.CARGO_TARGET_DIR ?? 'target'), 'debug', 'secpulse');
export const TOKEN = 'e2e-admin-token-0123456789';

/** Runs a secpulse command and returns its stdout. */
export const secpulse = (...args) => execFileSync(BIN, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** A new database path in a fresh temp folder, which is removed when the test file's process exits. */
export function freshDb() {
  const dir = mkdtempSync(join(tmpdir(), 'secpulse-e2e-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'survey.db');
}

/** Starts `secpulse serve --db db …args`; resolves to { url, stop() } once it listens. */
export function startServer(db, args = []) {
  const tokenFile = `${db}.token`;
  writeFileSync(tokenFile, TOKEN);
  const proc = spawn(BIN, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--rate-limit', '0', '--admin-token-file', tokenFile, ...args],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  return new Promise((ok, fail) => {
    proc.on('exit', (code) => fail(new Error(`secpulse serve exited (${code}): ${log}`)));
    proc.stderr.on('data', (chunk) => {
      log += chunk;
      const m = /listening on (http:\/\/[^/\s]+\/)/.exec(log);
      if (m) ok({ url: m[1], log: () => log, stop: () => new Promise((done) => { proc.removeAllListeners('exit'); proc.on('exit', done); proc.kill('SIGTERM'); }) });
    });
  });
}
