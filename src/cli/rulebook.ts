import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkRulebook, updateRulebook } from './rulebook/render';
import { PLAYER_RULEBOOK, PLAYER_TEMPLATE, renderPlayerRules } from './rulebook/player';

/**
 * `npm run rules` brings both rulebooks up to date with the code: the generated sections of the
 * reference rulebook (docs/rulebook.md) and the whole of the player's rulebook (RULES.md, from
 * its template). `npm run rules -- --check` changes nothing and exits 1 listing what is stale and
 * any other problem. docs/rulebook.md explains how the two are made.
 */

const at = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const reference = at('docs/rulebook.md');
const checkOnly = process.argv.includes('--check');
let failed = false;

const before = readFileSync(reference, 'utf8');
const { stale, problems } = checkRulebook(before);
if (checkOnly) {
  for (const name of stale)
    console.error(
      `stale: generated section "${name}" of docs/rulebook.md differs from the code (run npm run rules)`,
    );
  failed ||= stale.length > 0;
} else if (stale.length > 0) {
  writeFileSync(reference, updateRulebook(before));
  console.log(`docs/rulebook.md: rewrote ${stale.join(', ')}.`);
} else {
  console.log('docs/rulebook.md: every generated section is up to date.');
}
const remaining = checkOnly ? problems : checkRulebook(readFileSync(reference, 'utf8')).problems;
for (const problem of remaining) console.error(`problem: ${problem}`);
failed ||= remaining.length > 0;

const player = renderPlayerRules(readFileSync(at(PLAYER_TEMPLATE), 'utf8'));
const current = readFileSync(at(PLAYER_RULEBOOK), 'utf8');
if (current === player.text) console.log(`${PLAYER_RULEBOOK}: up to date.`);
else if (checkOnly) {
  console.error(
    `stale: ${PLAYER_RULEBOOK} differs from its template and the code (run npm run rules)`,
  );
  failed = true;
} else {
  writeFileSync(at(PLAYER_RULEBOOK), player.text);
  console.log(`${PLAYER_RULEBOOK}: rewritten from ${PLAYER_TEMPLATE}.`);
}
for (const problem of player.problems) console.error(`problem: ${problem}`);
failed ||= player.problems.length > 0;

process.exitCode = failed ? 1 : 0;
