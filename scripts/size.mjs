// Print the size of every file under a folder: raw, gzip (level 9) and brotli (quality 11).
//   node scripts/size.mjs [dist] [--check]
// With --check, fail when the gzip total is over CEILING_GZIP (the release layer of
// scripts/test.sh runs it: sizes are deterministic, so this is the one budget a test holds).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

// The most everything shipped may weigh, gzip -9, in bytes. The budget is 350 KB with all
// five languages (README, "Benchmarks"); the build is far over it, and this ceiling is the
// build of 2026-12-07 (992,441 bytes) plus about 1 %, so it cannot grow unnoticed while
// the cuts that would reach the budget are made. Lower it with every cut.
const CEILING_GZIP = 997_000;

const args = process.argv.slice(2);
const check = args.includes('--check');
const root = args.find((arg) => !arg.startsWith('--')) ?? 'dist';
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

if (check) {
  const gzip = total[2];
  if (gzip > CEILING_GZIP) {
    console.error(`size: ${gzip.toLocaleString('en-US')} bytes gzip, over the ceiling of ${CEILING_GZIP.toLocaleString('en-US')}`);
    process.exit(1);
  }
  console.log(`size: ${gzip.toLocaleString('en-US')} bytes gzip, within the ceiling of ${CEILING_GZIP.toLocaleString('en-US')} (budget 350,000)`);
}
