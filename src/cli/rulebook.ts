import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkRulebook, updateRulebook } from './rulebook/render';

/**
 * `npm run rules` rewrites the generated sections of RULES.md from the code.
 * `npm run rules -- --check` changes nothing and exits 1 listing stale sections and problems.
 */

const path = fileURLToPath(new URL('../../RULES.md', import.meta.url));
const checkOnly = process.argv.includes('--check');

const before = readFileSync(path, 'utf8');
const { stale, problems } = checkRulebook(before);

if (checkOnly) {
  for (const name of stale)
    console.error(`stale: generated section "${name}" differs from the code (run npm run rules)`);
} else if (stale.length > 0) {
  writeFileSync(path, updateRulebook(before));
  console.log(`RULES.md: rewrote ${stale.join(', ')}.`);
} else {
  console.log('RULES.md: every generated section is up to date.');
}

const remaining = checkOnly ? problems : checkRulebook(readFileSync(path, 'utf8')).problems;
for (const problem of remaining) console.error(`problem: ${problem}`);
process.exitCode = (checkOnly && stale.length > 0) || remaining.length > 0 ? 1 : 0;
