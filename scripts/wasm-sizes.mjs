// Where the bytes of a wasm file go: code bytes per crate and the largest functions, read
// from the file's names section, plus data and custom sections.
//   node scripts/wasm-sizes.mjs FILE.wasm [TOP]
// The shipped build has no names (wasm-opt strips them): `make size-by-crate` builds a
// copy that keeps them, into target/dist-names, and runs this on it. Sizes of that build
// are before wasm-opt, so they are larger than the shipped file's; the shares are what
// this is for.
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/wasm-sizes.mjs FILE.wasm [TOP]');
  process.exit(2);
}
const top = Number(topArg ?? 40);
const bytes = readFileSync(file);
if (bytes.readUInt32LE(0) !== 0x6d736100) {
  console.error(`${file}: not a wasm file`);
  process.exit(1);
}

let at = 8;
function leb() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if ((byte & 0x80) === 0) return result;
  }
}
function name() {
  const length = leb();
  const text = bytes.toString('utf8', at, at + length);
  at += length;
  return text;
}

let importedFunctions = 0;
const bodySizes = [];
const names = new Map();
const sections = [];
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const start = at;
  const end = start + size;
  let label = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export',
    'start', 'element', 'code', 'data', 'data count'][id] ?? `section ${id}`;
  if (id === 2) {
    for (let count = leb(), i = 0; i < count; i++) {
      name();
      name();
      const kind = bytes[at++];
      if (kind === 0) { leb(); importedFunctions++; }
      else if (kind === 1) { at++; const flags = leb(); leb(); if (flags & 1) leb(); }
      else if (kind === 2) { const flags = leb(); leb(); if (flags & 1) leb(); }
      else if (kind === 3) { at += 2; }
      else { at++; leb(); }
    }
  } else if (id === 10) {
    for (let count = leb(), i = 0; i < count; i++) {
      const length = leb();
      bodySizes.push(length);
      at += length;
    }
  } else if (id === 0) {
    const custom = name();
    label = `custom "${custom}"`;
    if (custom === 'name') {
      while (at < end) {
        const sub = bytes[at++];
        const subSize = leb();
        const subEnd = at + subSize;
        if (sub === 1) {
          for (let count = leb(), i = 0; i < count; i++) {
            const index = leb();
            names.set(index, name());
          }
        }
        at = subEnd;
      }
    }
  }
  sections.push([label, size]);
  at = end;
}

// The crate a function belongs to. Rust's v0 symbols (`_RNvNtCs…_11claim_rules6export5parse`)
// name the crate after its first `C`: for an impl or a generic that is the crate defining
// the function, not its type parameters'. Demangled names (`tachys::view::…`, `<… as …>`)
// are read by their first path segment.
function crateOf(fn) {
  if (fn.startsWith('_R')) {
    const match = /C(?:s[0-9A-Za-z]*_)?(\d+)/.exec(fn);
    if (match) {
      const start = match.index + match[0].length;
      return fn.slice(start, start + Number(match[1]));
    }
    return '(other)';
  }
  const text = fn.replace(/^<+/, '').replace(/^&(mut )?/, '').replace(/^(dyn |impl )/, '');
  const match = /^([A-Za-z_][A-Za-z0-9_]*)::/.exec(text);
  return match ? match[1] : '(other)';
}

const fmt = (n) => n.toLocaleString('en-US').padStart(11);
const total = bytes.length;
console.log(`${file}: ${total.toLocaleString('en-US')} bytes, ${bodySizes.length} functions, ${names.size} named`);
console.log('\nsections');
for (const [label, size] of sections.sort((a, b) => b[1] - a[1])) console.log(`${fmt(size)}  ${label}`);

const byCrate = new Map();
const functions = bodySizes.map((size, i) => {
  const fn = names.get(i + importedFunctions) ?? `(function ${i + importedFunctions})`;
  const krate = crateOf(fn);
  const entry = byCrate.get(krate) ?? [0, 0];
  byCrate.set(krate, [entry[0] + size, entry[1] + 1]);
  return [fn, size];
});
const code = bodySizes.reduce((sum, size) => sum + size, 0);
console.log(`\ncode by crate (${code.toLocaleString('en-US')} bytes of function bodies)`);
for (const [krate, [size, count]] of [...byCrate].sort((a, b) => b[1][0] - a[1][0]).slice(0, 30)) {
  console.log(`${fmt(size)}  ${(100 * size / code).toFixed(1).padStart(5)} %  ${String(count).padStart(6)} fns  ${krate}`);
}
// Leptos components: a component's function and its closures carry `__component_<name>`
// in their paths (the view code generic over a component's closures is counted with
// tachys or reactive_graph, the crate that defines it).
const byComponent = new Map();
for (const [fn, size] of functions) {
  let component;
  const mangled = /(\d+)___component_/.exec(fn);
  if (mangled) {
    // An identifier that starts with `_` follows its length and one `_` separator.
    const start = mangled.index + mangled[1].length + 1;
    component = fn.slice(start, start + Number(mangled[1])).replace(/^__component_/, '');
  } else {
    component = /__component_([A-Za-z0-9_]+)/.exec(fn)?.[1];
  }
  if (component) byComponent.set(component, (byComponent.get(component) ?? 0) + size);
}
const componentTotal = [...byComponent.values()].reduce((sum, size) => sum + size, 0);
console.log(`\ncode by component, largest 25 (${componentTotal.toLocaleString('en-US')} bytes in ${byComponent.size} components)`);
for (const [component, size] of [...byComponent].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`${fmt(size)}  ${component}`);
}

console.log(`\nlargest ${top} functions`);
for (const [fn, size] of functions.sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${fmt(size)}  ${fn.length > 150 ? `${fn.slice(0, 147)}...` : fn}`);
}
