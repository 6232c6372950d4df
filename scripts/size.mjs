// Print the size of every file under a folder: raw, gzip (level 9) and brotli (quality 11).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const root = process.argv[2] ?? 'dist';
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path); else files.push(path);
  }
})(root);

const rows = files.map((path) => {
  const data = readFileSync(path);
  return [relative(root, path), data.length, gzipSync(data, { level: 9 }).length,
    brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
});
const total = rows.reduce((sum, row) => [0, 1, 2, 3].map((i) => (i === 0 ? 'total' : sum[i] + row[i])), ['total', 0, 0, 0]);
const width = Math.max(...rows.map((r) => r[0].length), 5);
const fmt = (n) => n.toLocaleString('en-US').padStart(11);
console.log(`${'file'.padEnd(width)} ${'raw'.padStart(11)} ${'gzip'.padStart(11)} ${'brotli'.padStart(11)}`);
for (const row of [...rows, total]) console.log(`${row[0].padEnd(width)} ${fmt(row[1])} ${fmt(row[2])} ${fmt(row[3])}`);
