// `node xtask/precompress.mjs DIR`: writes FILE.br (brotli, quality 11) and FILE.gz (gzip -9)
// beside every compressible file under DIR, for static hosts that serve precompressed files
// (nginx gzip_static/brotli_static, Caddy precompressed, Netlify, ...). Prints the sizes.
// Node's zlib does the work, so the build compiles no compression crate.
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt', '.xml', '.ics', '.map']);
const BINARY = new Set(['.wasm']);

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node xtask/precompress.mjs DIR');
  process.exit(2);
}

function* files(d) {
  for (const name of readdirSync(d)) {
    if (name.startsWith('.')) continue; // Trunk's .stage and the like
    const path = join(d, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const rows = [];
for (const path of [...files(dir)].sort()) {
  const ext = extname(path);
  if (ext === '.br' || ext === '.gz') {
    // Left from an earlier run over the same directory: rewritten below if its file remains.
    const original = path.slice(0, -ext.length);
    try { statSync(original); } catch { unlinkSync(path); }
    continue;
  }
  if (!TEXT.has(ext) && !BINARY.has(ext)) continue;
  const raw = readFileSync(path);
  const br = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: TEXT.has(ext) ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  const gz = gzipSync(raw, { level: 9 });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gz);
  rows.push([relative(dir, path), raw.length, gz.length, br.length]);
}

const width = Math.max(4, ...rows.map((r) => r[0].length));
console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(8)}  ${'gzip'.padStart(8)}  ${'brotli'.padStart(8)}`);
for (const [name, raw, gz, br] of rows) {
  console.log(`${name.padEnd(width)}  ${String(raw).padStart(8)}  ${String(gz).padStart(8)}  ${String(br).padStart(8)}`);
}
