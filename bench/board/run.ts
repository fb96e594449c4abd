import { benchBoard } from './index';

/** `npx tsx bench/board/run.ts`: the board's figures as JSON (the lead wires them into npm run bench). */
const result = await benchBoard({ build: process.argv.includes('--no-build') ? false : true });
console.log(JSON.stringify(result, null, 2));
