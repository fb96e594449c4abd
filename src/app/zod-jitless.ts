import { config } from 'zod';

/**
 * Imported first by main.tsx, before anything parses with zod (the shipped scenarios are parsed
 * when game/ is imported). Zod 4 probes `new Function('')` to decide whether it may compile
 * fast parsers; under the server's Content-Security-Policy (script-src 'self', no
 * 'unsafe-eval') that probe is refused and Chromium logs a CSP violation on every page load.
 * Jitless mode skips the probe and parses the same way, without eval.
 */
config({ jitless: true });
