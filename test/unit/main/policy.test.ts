import { describe, expect, it } from 'vitest'
import { externalUrlAllowed, isAppUrl, permissionAllowed, prefViolations, REQUIRED_PREFS } from '../../../src/main/policy'

describe('Electron shell policy', () => {
  it('knows the app origin without trusting URL.origin (which is "null" for app:)', () => {
    expect(new URL('app://chaintrail/index.html').origin).toBe('null')
    expect(isAppUrl('app://chaintrail/index.html')).toBe(true)
    expect(isAppUrl('app://chaintrail/assets/x.js?y#z')).toBe(true)
    for (const u of ['https://chaintrail/', 'app://chaintrail:8080/', 'app://evil/', 'file:///app/index.html', 'javascript:alert(1)', 'app://a@chaintrail/', 'not a url']) {
      expect(isAppUrl(u), u).toBe(false)
    }
  })

  it('flags every weakened webPreference', () => {
    expect(prefViolations({ ...REQUIRED_PREFS })).toEqual([])
    expect(prefViolations({ ...REQUIRED_PREFS, sandbox: false })).toEqual(['sandbox=false'])
    expect(prefViolations({ ...REQUIRED_PREFS, contextIsolation: false, nodeIntegration: true })).toEqual(['contextIsolation=false', 'nodeIntegration=true'])
    expect(prefViolations({ ...REQUIRED_PREFS, webSecurity: false, webviewTag: true, enableBlinkFeatures: 'X' })).toEqual(['webSecurity=false', 'webviewTag=true', 'enableBlinkFeatures=X'])
    expect(prefViolations(null)).toEqual(['no webPreferences'])
  })

  it('allows only the sanitized clipboard write', () => {
    expect(permissionAllowed('clipboard-sanitized-write')).toBe(true)
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'serial', 'usb']) expect(permissionAllowed(p)).toBe(false)
  })

  it('opens only https explorer URLs externally', () => {
    expect(externalUrlAllowed('https://mempool.space/tx/abc')).toBe(true)
    expect(externalUrlAllowed('https://etherscan.io/address/0xabc')).toBe(true)
    for (const u of ['http://mempool.space/', 'file:///etc/passwd', 'smb://host/share', 'javascript:alert(1)', 'https://evil.example/', 'https://mempool.space.evil.example/', 'https://user:pw@etherscan.io/', 'https://etherscan.io:444/']) {
      expect(externalUrlAllowed(u), u).toBe(false)
    }
  })
})
