import { z } from 'zod';
import { HUBS } from '../ids';

/** The building blocks of move argument schemas: shape limits only, not what is allowed now. */
export const hub = z.enum(HUBS);
/** A count of pods, carriers…: a small whole number. */
export const count = z.number().int().min(1).max(100);
/** A secret thing's id, e.g. "e3-k2x9q1" (a seat number and a random tag). */
export const thing = z.string().regex(/^[a-z]{1,3}[0-9]{1,2}-[0-9a-z]{1,8}$/);
export const none = z.strictObject({});
export const atHub = z.strictObject({ hub });
