// Runs before the app's modules (a classic script in <head>; modules are deferred). Zod 4 probes
// `new Function('')` when it builds its first object schema, to decide whether it may compile
// fast parsers; the server's Content-Security-Policy (script-src 'self', no 'unsafe-eval')
// refuses it and Chromium reports a CSP violation on every page load. Zod reads its settings
// from this global, so jitless mode is on before any schema exists: it parses the same way,
// without eval.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, {
  jitless: true,
});
