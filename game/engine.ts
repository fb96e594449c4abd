/**
 * The engine's public face: everything the board, the server, the bots and the simulator need.
 * Pure and deterministic: same scenario, seed and moves give the same state.
 */
export { createInitialState } from './setup';
export {
  act,
  planOrder,
  withdrawOrder,
  playCard,
  submitOrders,
  waitingFor,
  PLAN_ACTIONS,
  type ActionPayload,
  type MoveResult,
} from './flow';
export { orderBudget, draftedWorld } from './orders/plan';
export { RESOLUTION_STEPS } from './orders/steps';
export { checkSeal, sealOf, type SealCheck } from './orders/seal';
export { cardIn } from './orders/cards';
export { legalMoves } from './legal';
export { playerView } from './views';
export { indicatorRows, indicatorsOf, lastIndicators } from './indicators';
export {
  SCENARIOS,
  SCENARIO_IDS,
  parseScenario,
  parseScenarioText,
  formatErrors,
} from './scenarios';
export type { Scenario, ScenarioError } from './scenarios';
export { MOVES, MOVE_BY_NAME, MOVE_NAMES } from './moves';
export type { MoveArgs, MoveName, MoveOption, Cost } from './moves';
export type * from './state';
export * from './ids';
export { RULES } from './rules';
export { PLACE_INFO, ROUTES } from './map';
export { CARDS, cardById } from './events/cards';
