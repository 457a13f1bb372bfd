/**
 * The app's Content-Security-Policy, sent as an HTTP header on every dev-host and `app:` response
 * (RELIABILITY §3 item 7). `worker-src blob:` is for the ForceAtlas2 layout worker.
 */
export const APP_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
