import { electronSkipReason, expect, test } from './launch'

// RELIABILITY §3: the checks that fail if a hardening setting is switched off. They need the Electron binary
// and the Electron build of better-sqlite3; without them the suite skips and says which is missing.
const reason = electronSkipReason()
test.skip(!!reason, `Electron suite skipped: ${reason}`)

test('every webContents runs sandboxed, isolated, without Node and without risky features', async ({ electronApp, win }) => {
  await expect(win).toHaveURL('app://chaintrail/index.html')
  const prefs = await electronApp.evaluate(({ webContents }) =>
    webContents.getAllWebContents().map((wc) => (wc as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences())
  )
  expect(prefs.length).toBeGreaterThan(0)
  for (const p of prefs) {
    expect(p).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false
    })
    expect(p.enableBlinkFeatures ?? '').toBe('')
  }
})

test('the page sees only window.api {invoke, on}, no Node, no eval', async ({ win }) => {
  const r = await win.evaluate(() => ({
    keys: Object.keys((window as unknown as { api: object }).api),
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
  }))
  // Evaluate calls are exempt from CSP's eval check; run eval from a timer in the page's own context.
  await win.evaluate(() => {
    setTimeout(() => {
      const w = window as unknown as { __ctEval?: string }
      try {
        ;(0, eval)('1')
        w.__ctEval = 'ran'
      } catch (e) {
        w.__ctEval = (e as Error).name
      }
    }, 0)
  })
  await win.waitForFunction(() => (window as unknown as { __ctEval?: string }).__ctEval !== undefined)
  const evalBlocked = (await win.evaluate(() => (window as unknown as { __ctEval?: string }).__ctEval)) === 'EvalError'
  expect({ ...r, evalBlocked }).toEqual({ keys: ['invoke', 'on'], require: 'undefined', process: 'undefined', evalBlocked: true })
  const unknown = await win.evaluate(() =>
    (window as unknown as { api: { invoke(m: string, i: unknown): Promise<unknown> } }).api.invoke('cases.drop', {}).then(
      () => 'resolved',
      (e: Error) => e.message
    )
  )
  expect(unknown).toMatch(/unknown method/)
  // Callbacks get the payload only, never an event with a sender.
  const arity = await win.evaluate(() => {
    const api = (window as unknown as { api: { on(e: string, cb: (...a: unknown[]) => void): () => void } }).api
    return typeof api.on('case-changed', () => {})
  })
  expect(arity).toBe('function')
})

// RELIABILITY §3 item 3: with context isolation the preload's built-ins are its own, so a page that patches
// Array.prototype.push and Set.prototype.has cannot change what the bridge does (without it, invoke would throw).
test('patching built-ins in the page does not reach the preload (context isolation)', async ({ win }) => {
  const r = await win.evaluate(async () => {
    const api = (window as unknown as { api: { invoke(m: string, i: unknown): Promise<unknown> } }).api
    const push = Array.prototype.push
    const has = Set.prototype.has
    let pagePatchRan = false
    Array.prototype.push = function () {
      pagePatchRan = true
      throw new Error('patched push ran')
    }
    Set.prototype.has = function () {
      pagePatchRan = true
      throw new Error('patched Set.has ran')
    }
    try {
      const library = await api.invoke('cases.library', {}).then(
        () => 'answered',
        (e: { message?: string }) => `failed: ${e?.message}`
      )
      const unknown = await api.invoke('cases.drop', {}).then(
        () => 'resolved',
        (e: { message?: string }) => String(e?.message)
      )
      return { library, unknown, pagePatchRan }
    } finally {
      Array.prototype.push = push
      Set.prototype.has = has
    }
  })
  expect(r).toEqual({ library: 'answered', unknown: expect.stringMatching(/unknown method/), pagePatchRan: false })
})

test('no new windows, no navigation away, no remote requests', async ({ electronApp, win }) => {
  const opened = await win.evaluate(() => window.open('https://example.com') === null)
  expect(opened).toBe(true)
  expect(electronApp.windows()).toHaveLength(1)
  await win.evaluate(() => {
    window.location.href = 'https://example.com/'
  })
  await win.evaluate(() => {
    const a = document.createElement('a')
    a.href = 'file:///etc/passwd'
    document.body.append(a)
    a.click()
  })
  await expect(win).toHaveURL('app://chaintrail/index.html')
  const fetched = await win.evaluate(() => fetch('https://example.com/').then(() => 'loaded', () => 'blocked'))
  expect(fetched).toBe('blocked')
  const log = await electronApp.evaluate(() => (globalThis as unknown as { chaintrailSecurityLog: { navigations: string[] } }).chaintrailSecurityLog)
  expect(log.navigations).toEqual(expect.arrayContaining(['https://example.com/']))
})

test('shell.openExternal is never called for file:, smb:, javascript: or unknown hosts', async ({ electronApp, win }) => {
  await electronApp.evaluate(({ shell }) => {
    const calls: string[] = []
    ;(globalThis as unknown as { openExternalCalls: string[] }).openExternalCalls = calls
    shell.openExternal = async (url: string) => void calls.push(url)
  })
  for (const u of ['file:///etc/passwd', 'smb://host/share', 'javascript:alert(1)', 'https://evil.example/']) await win.evaluate((url) => window.open(url), u)
  const calls = await electronApp.evaluate(() => (globalThis as unknown as { openExternalCalls: string[] }).openExternalCalls)
  expect(calls).toEqual([])
})

test('permissions are denied and webviews never attach', async ({ electronApp, win }) => {
  const r = await win.evaluate(async () => ({
    media: await navigator.mediaDevices.getUserMedia({ audio: true }).then(() => 'granted', () => 'denied'),
    notify: await Notification.requestPermission(),
    clipboard: await navigator.clipboard.readText().then(() => 'read', () => 'denied')
  }))
  expect(r).toEqual({ media: 'denied', notify: 'denied', clipboard: 'denied' })
  await win.evaluate(() => {
    const wv = document.createElement('webview')
    wv.setAttribute('src', 'https://example.com')
    document.body.append(wv)
  })
  const count = await electronApp.evaluate(({ webContents }) => webContents.getAllWebContents().length)
  expect(count).toBe(1)
  const log = await electronApp.evaluate(() => (globalThis as unknown as { chaintrailSecurityLog: { permissions: string[] } }).chaintrailSecurityLog)
  expect(log.permissions.length).toBeGreaterThan(0)
})

test('app:// serves only the renderer folder, always with the CSP', async ({ win }) => {
  const r = await win.evaluate(async () => {
    const out: Record<string, [number, string | null]> = {}
    for (const p of ['/index.html', '/../package.json', '/%2e%2e/package.json', '/%2e%2e%2fpackage.json', '/..%5cpackage.json', '/assets/..%2f..%2fmain%2findex.js']) {
      const res = await fetch(`app://chaintrail${p}`)
      out[p] = [res.status, res.headers.get('content-security-policy')]
    }
    return out
  })
  expect(r['/index.html'][0]).toBe(200)
  for (const [p, [status, csp]] of Object.entries(r)) {
    if (p !== '/index.html') expect(status, p).toBe(404)
    expect(csp, p).toContain("default-src 'none'")
  }
})
