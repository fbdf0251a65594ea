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
    res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream' });
    res.end(await readFile(file));
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving dist/ on http://127.0.0.1:${port}/`));
