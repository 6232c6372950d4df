// A static server for the offline tests: serves a built folder under a sub-path (the app
// must work from any folder), on a free loopback port, and can switch to another folder
// while running, the way a deploy replaces a site. Also makes the second build those
// tests need, from the first.
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = resolve(root, process.env.DIST ? join('tests/e2e', process.env.DIST) : 'dist');

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** Serve `folder` at http://127.0.0.1:<free port><prefix>. */
export async function startServer(folder, prefix = '/') {
  let current = resolve(folder);
  const served = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    served.push(path);
    if (!path.startsWith(prefix)) { response.writeHead(404).end('not found'); return; }
    let file = normalize(join(current, path.slice(prefix.length)));
    if (!file.startsWith(current)) { response.writeHead(403).end(); return; }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}${prefix}`,
    /** Serve another folder from now on (a new deploy). */
    switchTo(folder) { current = resolve(folder); },
    /** Paths requested so far. */
    served,
    close: () => new Promise((done) => server.close(done)),
  };
}

/**
 * A second build made from `folder`: a copy with a changed stylesheet (a new hashed
 * name, as a real build would have) and its service worker and stamp written again by
 * the build's own hook. Returns the copy's folder and its build ID.
 */
export function nextBuild(folder, mark) {
  const copy = mkdtempSync(join(tmpdir(), 'cpor-build-'));
  cpSync(folder, copy, { recursive: true });
  const index = join(copy, 'index.html');
  const html = readFileSync(index, 'utf8');
  const css = html.match(/href="\.\/(main-[0-9a-f]+\.css)"/);
  if (!css) throw new Error('no main-<hash>.css in index.html');
  const renamed = `main-${mark}.css`;
  writeFileSync(join(copy, renamed), `${readFileSync(join(copy, css[1]), 'utf8')}\n/* ${mark} */\n`);
  rmSync(join(copy, css[1]));
  // Trunk's SRI for the stylesheet no longer fits the changed file: drop it for this copy.
  writeFileSync(index, html.replace(`./${css[1]}`, `./${renamed}`).replace(/(href="\.\/main-[^"]+\.css") integrity="[^"]*"/, '$1'));
  execFileSync('node', [join(root, 'scripts/pwa-build.mjs'), copy], { stdio: 'pipe' });
  return { folder: copy, build: buildOf(copy) };
}

/** The build ID stamped into a built folder's index.html. */
export function buildOf(folder) {
  const match = readFileSync(join(folder, 'index.html'), 'utf8').match(/name="cpor-desk-build" content="([0-9a-f]+)"/);
  if (!match) throw new Error(`${folder}/index.html has no build stamp`);
  return match[1];
}
