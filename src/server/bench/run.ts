/** Stand-alone: `npx tsx src/server/bench/run.ts [matches] [seconds]` (npm run bench calls runNetworkBench). */
import { runNetworkBench } from './index';

const [matches = '100', seconds = '10'] = process.argv.slice(2);
const report = await runNetworkBench({ matches: Number(matches), durationMs: Number(seconds) * 1000 });
console.table(report.results.map((r) => ({ server: r.label, 'moves/s': Math.round(r.movesPerSecond), 'p50 ms': +r.p50ms.toFixed(1), 'p99 ms': +r.p99ms.toFixed(1), moves: r.moves, rejected: r.rejected })));
console.log(report.pass ? 'PASS: targets met' : `FAIL: targets are >= ${report.targets.movesPerSecond} moves/s and p99 < ${report.targets.p99ms} ms`);
process.exit(0);
