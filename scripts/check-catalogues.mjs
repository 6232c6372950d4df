// Checks the catalogues in locales/*.json (one file per language):
//   * every key of the English catalogue is in every other language, and no language
//     has a key English lacks;
//   * plural families (`name_one`, `name_other`, …) carry exactly the forms the
//     language's plural rules use (Intl.PluralRules: Chinese only `_other`);
//   * each text has the same {{ parameters }} as its English original, and none is empty;
//   * every key is used somewhere in src/ (named in a `tr!(i18n, section.key …)` call
//     or another catalogue macro);
//   * index.html's <noscript> says each language's `app.noscript`, marked with its lang.
// Each key of the English catalogue is one test (all languages, its use), and so is each
// language's file and its <noscript> line. Prints every problem found and ends with
// "catalogues: N passed, M failed" (tests); exits non-zero when any fails.
//   node scripts/check-catalogues.mjs [root]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.argv[2] ?? new URL('..', import.meta.url).pathname;
const LANGUAGES = ['en', 'sv', 'de', 'nl', 'zh-Hans'];
const PLURAL = /^(.*)_(zero|one|two|few|many|other)$/;

// Problems by test name; a test passes when it has none.
const tests = new Map();
const failures = [];
function check(ok, message, test = message) {
  const problems = tests.get(test) ?? [];
  if (!ok) { problems.push(message); failures.push(message); }
  tests.set(test, problems);
}

/** Flat `{ "a.b.c": text }` of a nested catalogue. */
function flatten(node, prefix = '', out = {}) {
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') flatten(value, path, out);
    else out[path] = value;
  }
  return out;
}

/**
 * Keys grouped by family: plural forms share one family ("x.items" for "x.items_one").
 * A family of forms always has `_other`, so a key such as `claims.too_many` with no
 * `claims.too_other` beside it is a key of its own, not the form "many" of `claims.too`.
 */
function families(flat) {
  const out = new Map();
  for (const [key, text] of Object.entries(flat)) {
    const found = PLURAL.exec(key);
    const match = found && `${found[1]}_other` in flat ? found : null;
    const family = match ? match[1] : key;
    const entry = out.get(family) ?? { forms: new Map(), plural: false };
    entry.plural ||= Boolean(match);
    entry.forms.set(match ? match[2] : '', text);
    out.set(family, entry);
  }
  return out;
}

const parameters = (text) => [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
const union = (texts) => [...new Set(texts.flatMap(parameters))].sort();

const catalogues = {};
for (const language of LANGUAGES) {
  const path = join(root, 'locales', `${language}.json`);
  try {
    catalogues[language] = families(flatten(JSON.parse(readFileSync(path, 'utf8'))));
    check(true, '', `file ${language}`);
  } catch (error) {
    check(false, `${language}.json cannot be read: ${error.message}`, `file ${language}`);
  }
}
const english = catalogues.en;
function report() {
  const failed = [...tests.values()].filter((problems) => problems.length > 0).length;
  for (const failure of failures) console.log(failure);
  console.log(`catalogues: ${tests.size - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
if (!english) report();

// Keys, plural forms, parameters.
for (const language of LANGUAGES) {
  const catalogue = catalogues[language];
  if (!catalogue) continue;
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories.sort();
  for (const [family, entry] of english) {
    const theirs = catalogue.get(family);
    check(theirs !== undefined, `${language}: missing key ${family}`, family);
    if (!theirs) continue;
    check(theirs.plural === entry.plural, `${language}: ${family} is ${entry.plural ? '' : 'not '}plural in English but ${theirs.plural ? '' : 'not '}here`, family);
    if (theirs.plural) {
      const forms = [...theirs.forms.keys()].sort();
      check(same(forms, categories), `${language}: ${family} has forms ${forms.join(', ')}; ${language} needs ${categories.join(', ')}`, family);
    }
    for (const [form, text] of theirs.forms) {
      check(typeof text === 'string' && text.trim() !== '', `${language}: ${family}${form ? `_${form}` : ''} is empty`, family);
    }
    const want = union([...entry.forms.values()]);
    const have = union([...theirs.forms.values()]);
    check(same(want, have), `${language}: ${family} has parameters [${have}], English has [${want}]`, family);
  }
  for (const family of catalogue.keys()) {
    check(english.has(family), `${language}: key ${family} is not in the English catalogue`, family);
  }
}

// Every key used in src/.
function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.rs') ? [path] : [];
  });
}
const code = sources(join(root, 'src')).map((path) => readFileSync(path, 'utf8')).join('\n');
// `app.noscript` is used by index.html (checked below), before any code runs.
const USED_OUTSIDE_SRC = new Set(['app.noscript']);
for (const family of english.keys()) {
  if (USED_OUTSIDE_SRC.has(family)) continue;
  const pattern = new RegExp(`(?<![\\w.])${family.replace(/\./g, '\\s*\\.\\s*')}(?![\\w])`);
  check(pattern.test(code), `unused key ${family}: no code in src/ names it`, family);
}

// index.html's <noscript>, in every language.
const html = readFileSync(join(root, 'index.html'), 'utf8');
const noscript = /<noscript>([\s\S]*?)<\/noscript>/.exec(html)?.[1] ?? '';
for (const language of LANGUAGES) {
  const text = catalogues[language]?.get('app.noscript')?.forms.get('');
  const escaped = String(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  check(new RegExp(`lang="${language}"[^>]*>\\s*${escaped}\\s*<`).test(noscript),
    `index.html: <noscript> lacks ${language}'s app.noscript ("${text}") marked lang="${language}"`,
    `noscript ${language}`);
}

report();
