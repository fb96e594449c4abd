/** The headless simulator: bots in every seat, many games, summaries with intervals. */
export { playGame, botSeedFor, type GameResult, type SeatLevels } from './play';
export { playRange, gameSeeds, type GameRecord } from './record';
export {
  summarize,
  type Summary,
  type RoleSummary,
  type SeatSummary,
  type WinRate,
  type RoundMeans,
} from './summary';
export { parseBots, roleAgainst, type LevelsResult } from './levels';
export { wilson, mean, round, type Interval } from './stats';
export { BOUNDS, checkBalance, type Check, type ScenarioRuns } from './balance';
