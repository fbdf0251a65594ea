// A static server for the tests: dist/ at the root and again under /tools/groove/,
// on 127.0.0.1 only. Correct MIME types (application/wasm), no caching headers games.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const root = join(import.meta.dirname, '..', '..', 'dist');
const port = Number(process.env.PORT || 4173);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml', '.ics': 'text/calendar',
};

// Banks for the custom-bank tests: a coach's valid bank, and one that fails validation.
const shippedBank = JSON.parse(await readFile(join(import.meta.dirname, '..', '..', 'core', 'bank', 'default.json'), 'utf8'));
const testBanks = {
  '/test-banks/coach.json': { ...shippedBank, id: 'coach', facts: shippedBank.facts.map((f, i) => (i === 0 ? { ...f, text: 'Coach asks: how long has this slump lasted?' } : f)) },
  '/test-banks/broken.json': { ...shippedBank, items: shippedBank.items.filter((i) => i.cause !== 'effort') },
};

// /update-NAME/ serves dist/ too, with a sw.js whose generation a test bumps through
// /update-NAME/__bump: "a second build served in place of the first".
const generations = new Map();

// /cached-NAME/ serves dist/ the way many static hosts do, with Cache-Control: max-age on
// every file, index.html included. /cached-NAME/__deploy?to=B puts "build B" in its place:
// index.html marked <meta name="groove-build" content="B"> and a worker with a new cache
// name; to=broken is a build B whose worker lists a file the host does not have.
const deployed = new Map();
const BUILD_MARK = '<meta name="groove-build" content="B">';

// ROLE=host: a coach's page on another origin, with hostile CSS and a strict CSP header
// that names only the app's origin for scripts and frames.
const hostDir = join(import.meta.dirname, 'host');
const app = process.env.APP_ORIGIN || 'http://127.0.0.1:4173';
const hostPolicy = `default-src 'self'; script-src 'self' ${app}; frame-src ${app}; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'`;

async function serveHost(req, res) {
  const path = new URL(req.url, 'http://x').pathname;
  const file = normalize(join(hostDir, path === '/' ? 'post.html' : path));
  if (!file.startsWith(hostDir)) { res.writeHead(403).end(); return; }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream', 'content-security-policy': hostPolicy });
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}

createServer(async (req, res) => {
  if (process.env.ROLE === 'host') return serveHost(req, res);
  let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (testBanks[path]) {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(testBanks[path]));
    return;
  }
  const cached = path.match(/^\/(cached-[a-z0-9-]+)(\/.*)$/);
  let build = null;
  if (cached) {
    const [, name, rest] = cached;
    if (rest === '/__deploy') {
      deployed.set(name, new URL(req.url, 'http://x').searchParams.get('to'));
      res.writeHead(200, { 'content-type': 'text/plain' }).end(deployed.get(name));
      return;
    }
    build = deployed.get(name) || 'A';
    path = rest;
    if (path === '/sw.js' && build !== 'A') {
      let sw = (await readFile(join(root, 'sw.js'), 'utf8')).replace('const CACHE = "groove-', `const CACHE = "groove-${build}-`);
      if (build === 'broken') sw = sw.replace('const FILES = [', 'const FILES = ["./not-deployed.js", ');
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'max-age=3600' }).end(sw);
      return;
    }
  }
  const update = path.match(/^\/(update-[a-z0-9-]+)(\/.*)$/);
  if (update) {
    const [, name, rest] = update;
    if (rest === '/__bump') {
      generations.set(name, (generations.get(name) || 0) + 1);
      res.writeHead(200, { 'content-type': 'text/plain' }).end(String(generations.get(name)));
      return;
    }
    if (rest === '/sw.js') {
      const sw = (await readFile(join(root, 'sw.js'), 'utf8')).replace('const CACHE = "groove-', `const CACHE = "groove-g${generations.get(name) || 0}-`);
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-cache' }).end(sw);
      return;
    }
    path = rest;
  }
  if (path.startsWith('/tools/groove/')) path = path.slice('/tools/groove'.length);
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(root, path));
  if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    const headers = { 'content-type': types[extname(file)] || 'application/octet-stream' };
    if (build) headers['cache-control'] = 'max-age=3600';
    let body = await readFile(file);
    if (build && build !== 'A' && file.endsWith('index.html')) body = body.toString('utf8').replace('<head>', `<head>${BUILD_MARK}`);
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving dist/ on http://127.0.0.1:${port}/`));
