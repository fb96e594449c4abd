/** Stand-alone: `npx tsx bench/server/run.ts [matches] [seconds] [offered moves/s]` (npm run bench calls runNetworkBench). */
import { runNetworkBench } from './index';

const [matches = '100', seconds = '10', offered = '1000'] = process.argv.slice(2);
const report = await runNetworkBench({
  matches: Number(matches),
  durationMs: Number(seconds) * 1000,
  offered: Number(offered),
});
console.table(
  report.results.map((r) => ({
    server: r.label,
    offered: r.offered || 'closed loop',
    'moves/s': Math.round(r.movesPerSecond),
    'p50 ms': +r.p50ms.toFixed(1),
    'p99 ms': +r.p99ms.toFixed(1),
    'server CPU ms/move': +r.serverCpuMsPerMove.toFixed(2),
    'client CPU ms/move': +r.clientCpuMsPerMove.toFixed(2),
    rejected: r.rejected,
    resyncs: r.resyncs,
  })),
);
console.log(
  report.pass
    ? 'PASS: targets met'
    : `FAIL: targets are >= ${report.targets.movesPerSecond} moves/s and p99 < ${report.targets.p99ms} ms`,
);
process.exit(0);
