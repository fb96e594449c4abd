/**
 * Imported first by the server entry points: boardgame.io (its per-move serializability
 * check and logging) and immer (development build with extra checks) read NODE_ENV when
 * they are loaded, so it must be set before any of them is imported.
 */
process.env.NODE_ENV ??= 'production';
