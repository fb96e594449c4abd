/** Replay files, replays and forks (issue #13): a match is its scenario, seed and actions. */
export {
  REPLAY_FORMAT,
  REPLAY_FORMAT_VERSION,
  REPLAY_MAX_MESSAGES,
  ReplayFileSchema,
  ReplayMessageSchema,
  ReplayActionSchema,
  ConsoleChangeSchema,
  type ConsoleChange,
  type ReplayFile,
  type ReplayAction,
  type ReplayMessage,
} from './schema';
export {
  readReplay,
  recordReplay,
  playActions,
  playFast,
  payloadOf,
  applyConsole,
  replayActionOf,
  describeAction,
  scenarioOfFile,
  sealsOf,
  startState,
  reseeded,
  type Replayed,
  type ReplayResult,
  type ReplayStart,
  type RecordInput,
  type Reseed,
} from './replay';
export { positionAt, forkableRounds, startFork, forkFile, type ForkStart } from './fork';
export { botActions } from './bots';
export { stateHash, canonicalJson } from './hash';
export { RULES_VERSION, rulesFingerprint } from './version';
export { roundSummaries, resultLines, lastState, chronicle, type RoundSummary } from './summary';
export {
  hiddenOperations,
  turningPoints,
  type Operation,
  type TurningPoint,
  type ChancesByRound,
} from './timeline';
export { fillPrompts, promptFacts } from './prompts';
export { talkAt, type TalkLine } from './talk';
export { stepPositions } from './steps';
export { thingLives, atText, type ThingLife, type At } from './lineage';
