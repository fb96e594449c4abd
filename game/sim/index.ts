/** The headless simulator: bots in every seat, many games, summaries with intervals. */
export { playGame, botSeedFor, type GameResult, type SeatLevels, type SeatBans } from './play';
export { raceSettled, settledRoundOf, mostStillPossible } from './settled';
export { playRange, gameSeeds, type GameRecord } from './record';
export {
  summarize,
  type Summary,
  type RoleSummary,
  type SeatSummary,
  type WinRate,
  type RoundMeans,
  type CardEffect,
} from './summary';
export { parseBots, parseBans, familiesOf, roleAgainst, type LevelsResult } from './levels';
export { wilson, differenceInterval, mean, round, type Interval } from './stats';
export { BOUNDS, checkBalance, type Check, type ScenarioRuns } from './balance';
export {
  continueOnce,
  playOn,
  continuations,
  tallyChances,
  type Continuations,
  type RoleChance,
} from './continue';
export {
  calibrate,
  rowAt,
  suggest,
  goalMargin,
  CALIBRATED_ROLES,
  TARGET_OF,
  type CalibratedRole,
  type Calibration,
  type CalibrationRow,
} from './calibrate';
