import type {
  CardUse,
  HubId,
  Permit,
  PlaceId,
  PlayingRole,
  Posture,
  Role,
  SeatId,
  ThingId,
} from './ids';
import type { EffectOp, EventCard } from './events/types';
import type { ConditionalInject } from './events/injects';
import type { MoveArgs, MoveName } from './moves/types';

/** A seat at the table: who sits there and which role it plays. */
export interface Seat {
  id: SeatId;
  role: Role;
  name: string;
}

/** Public facts about a place on the map. */
export interface Place {
  id: PlaceId;
  /** Data-centre capacity in megawatts; every server pod uses RULES.mwPerPod. */
  capacityMW: number;
  /** Pods of servers with top-tier chips installed here. */
  servers: number;
  /**
   * The public utilisation reading: pods in use by every customer, ordinary cloud demand and
   * any firm's leases alike, as the hub's operators report it (rounded, with noise). Who rents
   * what is not public; `GameState.market` holds the true figures.
   */
  demand: number;
  /** The reading a round earlier, so that a rise shows. */
  demandLast: number;
  /** Standing with the regulator, 0..10 (hubs only). */
  standing: number;
  customs: Posture;
  permit: Permit;
  /** Top-chip exports to this hub need a licence. */
  licence: boolean;
  /** A leasing fund operates here: rent is cheaper. */
  leasingFund: boolean;
  /** Round through which a regulator customs alert is in force (0 = none). */
  alertUntil: number;
  /** Regulator pressure not yet answered by a permit regime. */
  pressure: number;
}

/** A change that takes effect after a delay (rules, capacity, chip designs); `at` is the round at whose end it applies. */
export type Pending =
  | { kind: 'controlLevel'; at: number; lobbied?: boolean }
  | { kind: 'licence'; hub: HubId; at: number; lobbied?: boolean }
  | { kind: 'kyc'; at: number }
  | { kind: 'permit'; hub: HubId; at: number }
  | { kind: 'capacity'; hub: HubId; mw: number; at: number }
  | { kind: 'shipment'; hub: HubId; pods: number; at: number }
  | { kind: 'compliantChip'; level: number; at: number }
  | { kind: 'generation'; at: number };

export interface RegulatorState {
  pc: number;
  pcPerRound: number;
  /** Hubs flagged by cloud KYC reports: the regulator's own intelligence, hidden from the others. */
  intel: { round: number; hub: HubId }[];
}

/** A China-edition revenue-share licence: the vendor applies, the regulator may grant it. */
export type RevenueShare = 'none' | 'applied' | 'granted';

export interface VendorState {
  cash: number;
  /** Chip generation currently on sale; a new one moves the frontier. */
  generation: number;
  /** Control level the current China-edition chip was designed under (-1: none on sale). */
  compliantLevel: number;
  /** Hubs whose distributors the vendor audited this year (due diligence against fines). */
  audited: HubId[];
  revenueShare: RevenueShare;
  /** Lobbyists on retainer delay the next tightening announced up to this round (0: none hired). */
  lobbyUntil: number;
}

export interface HubGovState {
  cash: number;
  investment: number;
}

/** A local company a firm registered in a hub to rent servers. */
export interface Entity {
  id: ThingId;
  hub: HubId;
  exposed: boolean;
  listed: boolean;
}

export interface Lease {
  id: ThingId;
  hub: HubId;
  entity: ThingId;
  pods: number;
  exposed: boolean;
}

/** Data (or trained weights) in transit; arrives at the end of the round it was sent. */
export interface Courier {
  id: ThingId;
  from: PlaceId;
  to: PlaceId;
  carriers: number;
  tb: number;
  /** Capability carried when this courier brings a trained model home. */
  model: number;
  sentRound: number;
}

export interface Training {
  id: ThingId;
  at: HubId | 'home';
  pods: number;
  tb: number;
  doneRound: number;
  exposed: boolean;
}

export interface Model {
  id: ThingId;
  hub: HubId;
  gain: number;
}

/** A firm's secret plans and holdings: only its own seat sees them until detected. */
export interface FirmSecrets {
  cash: number;
  /** Prepared (cleaned, compressed) data at home, in TB. */
  homeTB: number;
  /** Raw data being prepared; ready next round. */
  preparingTB: number;
  /** Prepared data sitting next to leased servers, by hub. */
  dataAt: Partial<Record<HubId, number>>;
  entities: Entity[];
  leases: Lease[];
  couriers: Courier[];
  trainings: Training[];
  models: Model[];
  /** Home compute in pods, in tenths of a top-chip pod (domestic chips are slower). */
  homeCompute: number;
  /** Pods of top chips smuggled home: each lifts the home-training ceiling by one. */
  smuggledPods: number;
  heat: number;
  /** Capability points of models this firm trained on leased servers abroad while no one saw. */
  unseenGain: number;
  /** Secret moves this firm made, revealed at the end. */
  history: HistoryEntry[];
  /** How many secret things this firm has made (for their ids). */
  made: number;
  /** Set in another seat's view: only exposed things are listed, the numbers are unknown. */
  redacted?: boolean;
}

export interface FirmState {
  seat: SeatId;
  name: string;
  /** Public: announced model capability. */
  capability: number;
  income: number;
  /** First round at whose end the firm stood at the frontier (0: never); a firm wins only if it is there at the end. */
  reachedFrontierRound: number;
  secrets: FirmSecrets;
}

export interface HistoryEntry {
  round: number;
  text: string;
}

export type Visibility = 'public' | SeatId;

export interface LogEntry {
  round: number;
  /** The resolution step that wrote it (see RESOLUTION_STEPS); 0 while planning or at setup. */
  step: number;
  text: string;
  /** Who may read it: everyone, or one seat. */
  to: Visibility;
}

/** One order a seat plans for the round: a move and its arguments. */
export interface Order {
  move: MoveName;
  args: MoveArgs;
}

/** A card a seat plays this round: for its event, for an extra action, or for capital. */
export interface CardPlay {
  card: string;
  use: CardUse;
}

/**
 * A seat's planning desk for the current round. Only the seat itself (and the facilitator)
 * sees its hand, orders and salt; the others see whether it has submitted and its seal.
 */
export interface SeatPlan {
  hand: string[];
  orders: Order[];
  card: CardPlay | null;
  submitted: boolean;
  /** SHA-256 of the salt and the orders, published when the seat submits. */
  seal: string | null;
  salt: string;
}

/**
 * A submitted plan, opened. `seal` is public from submission; `salt`, `orders` and `card` are
 * revealed at resolution to the seats entitled to see them and to all at the end, so anyone can
 * check that the seal matches.
 */
export interface SealedPlan {
  round: number;
  seat: SeatId;
  seal: string;
  salt: string | null;
  orders: Order[] | null;
  card: CardPlay | null;
}

/** Who really rents what in each hub; hidden from every view until the end. */
export interface Market {
  /** Pods rented by ordinary cloud customers. */
  ordinary: Record<HubId, number>;
  /** Pods leased by any firm. */
  firms: Record<HubId, number>;
}

/** What the regulator (and everyone) learns without seeing secrets. */
/** What kind of public evidence a signal is: a seizure, a trip customs logged, an exposure. */
export type SignalKind = 'seizure' | 'notice' | 'exposure';

export interface Signal {
  round: number;
  hub: HubId;
  kind: SignalKind;
  text: string;
}

export interface Indicators {
  round: number;
  pc: number;
  tension: number;
  controlLevel: number;
  frontier: number;
  vendorCash: number;
  hubInvestment: number;
  standing: number;
  /** Sum of the hubs' public demand readings. */
  demand: number;
  seized: number;
  capability: Record<string, number>;
  /** Seats that would win if the game ended now (the goal each role is racing for). */
  leaders: SeatId[];
}

/** Indicators by name, one entry per recorded round. */
export type IndicatorTable = { [K in keyof Indicators]: Indicators[K][] };

export interface NewsCard {
  id: string;
  round: number;
  /** The seat that played it, or null for a scheduled inject. */
  by: SeatId | null;
}

export interface Victory {
  vendorCash: number;
  hubInvestment: number;
  hubMinStanding: number;
  regulatorMinStanding: number;
}

export interface Outcome {
  winners: SeatId[];
  reasons: Record<string, string>;
}

export interface Secret {
  /** The match's seeded generator; never sent to any seat. */
  rng: [number, number, number, number];
  /** Event cards still to be dealt, by deal: `deck[0]` is the next deal's cards in date order. */
  deck: string[][];
  /** Every card dealt so far, in the order dealt. */
  dealt: string[];
}

export interface GameState {
  scenario: string;
  round: number;
  rounds: number;
  startYear: number;
  /** Each round's stretch of history (full dates): no card of the round is dated after `to`. */
  calendar: { from: string; to: string }[];
  actionsPerRound: number;
  seats: Seat[];
  /** Seats that plan orders each round, in seat order. */
  planners: SeatId[];
  plans: Record<string, SeatPlan>;
  /**
   * Every resolved round's seals, as every seat saw them published: `seals[r - 1][seat]` is the
   * seal of the plan the seat submitted in round r. Kept for the whole match, so that the plans
   * can be checked against them at the end.
   */
  seals: Record<string, string>[];
  /**
   * The plans of the round that resolved last, opened, in seat order. Earlier rounds' plans are
   * not kept: the match's replay rebuilds them (game/replay: `chronicle`).
   */
  opened: SealedPlan[];
  /** The resolution step running now (see RESOLUTION_STEPS); 0 while the seats plan. */
  step: number;
  over: boolean;
  places: Record<PlaceId, Place>;
  controlLevel: number;
  kyc: boolean;
  tension: number;
  frontier: number;
  frontierEvery: number;
  /** A model carried home lifts capability at most this far past the frontier (null: no limit). */
  frontierLead: number | null;
  pending: Pending[];
  disabledMoves: string[];
  regulator: RegulatorState;
  vendor: VendorState;
  hub: HubGovState;
  firms: Record<string, FirmState>;
  /** Cards played or injected this round, in the order they resolved. */
  news: NewsCard[];
  /** The true market behind the public demand readings: null in every view but the omniscient. */
  market: Market | null;
  scheduled: { round: number; card: string }[];
  /** The scenario's conditional injects (game/events/injects.ts); absent when it has none. */
  conditionalInjects?: ConditionalInject[];
  /** Event cards the scenario defines itself, beside the shipped deck. */
  customCards: EventCard[];
  signals: Signal[];
  /**
   * The lines of the last resolution and those written since (the next round's opening, its
   * planning): what the round recap tells. Earlier lines have been told, and the match's replay
   * gathers them all (game/replay: `chronicle`).
   */
  log: LogEntry[];
  /**
   * The indicators recorded at the end of each round (round 0: the start), as columns: entry i
   * of each is round `indicators.round[i]` (game/indicators.ts reads them as rows).
   */
  indicators: IndicatorTable;
  seizedTB: number;
  /** Every end-use check and distributor audit, and how many entities it found (public). */
  searches: { round: number; hub: HubId; by: 'check' | 'audit'; found: number }[];
  victory: Victory;
  outcome: Outcome | null;
  secret: Secret | null;
}

export type { EffectOp, PlayingRole };
export type { CardUse };
