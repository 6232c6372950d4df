#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml): makes the build offline-ready and its scripts
// CSP-clean. Runs on the staging folder Trunk is about to move to dist/; also runs by hand
// on any built folder (the end-to-end tests use that to make a second build):
//   node scripts/pwa-build.mjs [FOLDER]        (default: $TRUNK_STAGING_DIR)
//
// 1. Moves Trunk's inline module loader out of index.html into loader-<hash>.js (with
//    SRI), so the Content-Security-Policy needs no 'unsafe-inline' for scripts, and
//    refuses to finish if any inline script or 'unsafe-inline' script policy is left.
// 2. Lists every file of the build with its SHA-256 and derives the build ID from them.
// 3. Stamps the ID into index.html (<meta name="cpor-desk-build">) and writes sw.js: the
//    list and ID followed by pwa/service-worker.js.
// Idempotent: running it again on its own output changes nothing but the stamp.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const folder = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!folder) {
  console.error('pwa-build: give the built folder, or run as a Trunk hook (TRUNK_STAGING_DIR)');
  process.exit(2);
}
const fail = (message) => {
  console.error(`pwa-build: ${message}`);
  process.exit(1);
};
const sha = (algorithm, data) => createHash(algorithm).update(data).digest();
const WORKER = 'sw.js';
const indexPath = join(folder, 'index.html');
let html = readFileSync(indexPath, 'utf8');

// 1. Inline module scripts (Trunk's loader) become files named by their content.
const moved = [];
html = html.replace(/<script type="module"(?: nonce="[^"]*")?>([\s\S]*?)<\/script>/g, (_, code) => {
  const name = `loader-${sha('sha256', code).toString('hex').slice(0, 16)}.js`;
  writeFileSync(join(folder, name), code);
  moved.push(name);
  const integrity = `sha384-${sha('sha384', code).toString('base64')}`;
  return `<script type="module" src="./${name}" integrity="${integrity}" crossorigin="anonymous"></script>`;
});
const inline = html.match(/<script(?![^>]*\bsrc=)[^>]*>/g);
if (inline) fail(`index.html still has an inline script (${inline[0]}); the CSP would block it`);
const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/);
if (!policy) fail('index.html has no Content-Security-Policy meta element');
const scriptSrc = policy[1].split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
if (scriptSrc.includes("'unsafe-inline'")) fail(`the CSP allows inline scripts: ${scriptSrc}`);

// 2. Every file of the build (the worker itself is not part of its own list).
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    if (name.startsWith('.')) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
const stamp = (id) => `<meta name="cpor-desk-build" content="${id}" />`;
html = html.replace(/\s*<meta name="cpor-desk-build" content="[^"]*" \/>/, '');
writeFileSync(indexPath, html);
const list = () => walk(folder)
  .map((path) => relative(folder, path).split(sep).join('/'))
  .filter((path) => path !== WORKER)
  .sort()
  .map((path) => ({ path, sha256: sha('sha256', readFileSync(join(folder, path))).toString('hex') }));
const id = sha('sha256', list().map((f) => `${f.path}\0${f.sha256}\n`).join('')).toString('hex').slice(0, 16);

// 3. The stamp, then the final list (index.html's hash includes its stamp).
html = html.replace(/(<meta charset="utf-8" \/>)/, `$1\n    ${stamp(id)}`);
if (!html.includes(stamp(id))) fail('index.html has no <meta charset="utf-8" /> to put the build stamp after');
writeFileSync(indexPath, html);
const files = list();
const template = readFileSync(join(here, '..', 'pwa', 'service-worker.js'), 'utf8');
writeFileSync(join(folder, WORKER),
  `// Build ${id}: written by scripts/pwa-build.mjs; do not edit.\nconst BUILD = ${JSON.stringify({ id, files }, null, 1)};\n\n${template}`);
const bytes = files.reduce((sum, f) => sum + statSync(join(folder, f.path)).size, 0);
console.log(`pwa-build: build ${id}: ${files.length} files (${Math.round(bytes / 1024)} KiB) precached by ${WORKER}`
  + (moved.length ? `; loader moved to ${moved.join(', ')}` : ''));
