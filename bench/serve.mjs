// The benchmark's static server: DIST (a built site) on 127.0.0.1:PORT, served the way a good
// static host serves it: the precompressed FILE.br / FILE.gz that `cargo xtask dist` writes,
// chosen by Accept-Encoding, hashed assets cacheable for a year, the page revalidated.
// (tests/e2e/serve.mjs serves dist/ uncompressed; the benchmark has its own directory.)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.env.DIST || join(import.meta.dirname, '..', 'dist'));
const port = Number(process.env.PORT || 4390);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.ics': 'text/calendar', '.txt': 'text/plain; charset=utf-8',
};

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

createServer(async (req, res) => {
  let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(root, path));
  if (!file.startsWith(root + '/') || !(await isFile(file))) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const accepts = String(req.headers['accept-encoding'] || '');
  let body = file;
  const headers = {
    'content-type': types[extname(file)] || 'application/octet-stream',
    // Trunk's file names carry a content hash; only the page itself must be revalidated.
    'cache-control': /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    vary: 'accept-encoding',
  };
  if (/\bbr\b/.test(accepts) && (await isFile(`${file}.br`))) {
    body = `${file}.br`;
    headers['content-encoding'] = 'br';
  } else if (/\bgzip\b/.test(accepts) && (await isFile(`${file}.gz`))) {
    body = `${file}.gz`;
    headers['content-encoding'] = 'gzip';
  }
  const bytes = await readFile(body);
  headers['content-length'] = bytes.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : bytes);
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}/`));
