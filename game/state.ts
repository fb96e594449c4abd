import type { HubId, Permit, PlaceId, PlayingRole, Posture, Role, SeatId, ThingId } from './ids';
import type { EffectOp } from './events/types';

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
  /** Pods currently leased by anyone (the regulator sees this utilisation as a signal). */
  leased: number;
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
  | { kind: 'controlLevel'; at: number }
  | { kind: 'licence'; hub: HubId; at: number }
  | { kind: 'kyc'; at: number }
  | { kind: 'permit'; hub: HubId; at: number }
  | { kind: 'capacity'; hub: HubId; mw: number; at: number }
  | { kind: 'shipment'; hub: HubId; pods: number; at: number }
  | { kind: 'compliantChip'; level: number; at: number }
  | { kind: 'generation'; at: number };

export interface RegulatorState {
  pc: number;
  pcPerRound: number;
}

export interface VendorState {
  cash: number;
  /** Chip generation currently on sale; a new one moves the frontier. */
  generation: number;
  /** Control level the current China-edition chip was designed under (-1: none on sale). */
  compliantLevel: number;
  /** Hubs whose distributors the vendor audited this year (due diligence against fines). */
  audited: HubId[];
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
  heat: number;
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
  text: string;
  /** Who may read it: everyone, or one seat. */
  to: Visibility;
}

/** What the regulator (and everyone) learns without seeing secrets. */
export interface Signal {
  round: number;
  hub: HubId;
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
  leased: number;
  seized: number;
  capability: Record<string, number>;
}

export interface NewsCard {
  id: string;
  round: number;
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
  /** Remaining event cards, top first. */
  deck: string[];
}

export interface GameState {
  scenario: string;
  round: number;
  rounds: number;
  startYear: number;
  actionsPerTurn: number;
  seats: Seat[];
  /** Seats that take turns, in order. */
  order: SeatId[];
  /** Index into `order` of the seat whose turn it is. */
  turn: number;
  actionsLeft: number;
  over: boolean;
  places: Record<PlaceId, Place>;
  controlLevel: number;
  kyc: boolean;
  tension: number;
  frontier: number;
  frontierEvery: number;
  pending: Pending[];
  disabledMoves: string[];
  regulator: RegulatorState;
  vendor: VendorState;
  hub: HubGovState;
  firms: Record<string, FirmState>;
  news: NewsCard | null;
  scheduled: { round: number; card: string }[];
  signals: Signal[];
  log: LogEntry[];
  indicators: Indicators[];
  seizedTB: number;
  victory: Victory;
  outcome: Outcome | null;
  secret: Secret | null;
}

export type { EffectOp, PlayingRole };
