/** The closed vocabularies of the game. Every union type is built from one of these arrays. */

export const ROLES = ['regulator', 'vendor', 'firm', 'hub', 'facilitator'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that take turns. The facilitator runs the session but plays no moves of its own. */
export const PLAYING_ROLES = ['regulator', 'vendor', 'firm', 'hub'] as const;
export type PlayingRole = (typeof PLAYING_ROLES)[number];

export const HUBS = ['MY', 'SG', 'TH', 'ID', 'SA', 'AE', 'QA'] as const;
export type HubId = (typeof HUBS)[number];

export const HOMES = ['CN', 'US', 'TW'] as const;
export type HomeId = (typeof HOMES)[number];

export type PlaceId = HubId | HomeId;
export const PLACES: readonly PlaceId[] = [...HOMES, ...HUBS];

export const POSTURES = ['lax', 'standard', 'strict'] as const;
export type Posture = (typeof POSTURES)[number];

export const PERMITS = ['none', 'permit'] as const;
export type Permit = (typeof PERMITS)[number];

/** A seat is one chair at the table; its id is boardgame.io's playerID ("0", "1", ...). */
export type SeatId = string & { readonly __brand: 'SeatId' };
export const seatId = (s: string): SeatId => s as SeatId;

/** Ids of secret things a firm owns (entities, leases, couriers, trainings, models). */
export type ThingId = string & { readonly __brand: 'ThingId' };
export const thingId = (s: string): ThingId => s as ThingId;

export const isHub = (p: string): p is HubId => (HUBS as readonly string[]).includes(p);

/** What a played card is used for: its event, one extra order this round, or capital. */
export const CARD_USES = ['event', 'action', 'capital'] as const;
export type CardUse = (typeof CARD_USES)[number];
