/**
 * What the browser and the server say to each other, declared once. src/protocol imports
 * only the engine (game/), never src/app or src/server; both of those import it.
 */
export * from './lobby';
export * from './socket';
export * from './session';
