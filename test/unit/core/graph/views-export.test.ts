import { execFileSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SaxesParser } from 'saxes'
import { describe, expect, it } from 'vitest'
import { GraphState } from '../../../../src/shared/api/areas/graph'
import { graphCase } from '../../../helpers/graph-case'
import { fullGraph } from './full-graph'
import { tmpDir } from '../../../helpers/tmp'

const HOSTILE = '</text><script>alert(1)</script>\u0001'

/** xmllint when installed, else a strict XML parse with saxes. */
function assertWellFormed(xml: string): void {
  if (existsSync('/usr/bin/xmllint')) {
    const f = join(tmpDir('ct-xml-'), 'x.xml')
    writeFileSync(f, xml)
    execFileSync('/usr/bin/xmllint', ['--noout', f])
  } else {
    const p = new SaxesParser()
    p.on('error', (e) => {
      throw e
    })
    p.write(xml).close()
  }
}

describe('saved views, annotations and exports', () => {
  it('saves, lists, reopens and deletes a view, auditing each change', async () => {
    const { core, caseId, ids } = await graphCase()
    const state = GraphState.parse({ nodes: [ids.exploiter, ids.hop1], positions: { [ids.exploiter]: { x: 0, y: 0 } }, layout: 'saved' })
    const v = await core.invoke('views.save', { caseId, name: 'Exhibit 1', state })
    expect((await core.invoke('views.list', { caseId }))[0]).toMatchObject({ id: v.id, name: 'Exhibit 1', nodes: 2 })
    expect((await core.invoke('views.open', { caseId, viewId: v.id })).state).toEqual(state)
    await expect(core.invoke('views.save', { caseId, name: 'Exhibit 1', state })).rejects.toThrow(/already exists/)
    await core.invoke('graph.annotate', { caseId, target: ids.hop1, note: 'first hop' })
    const g = await fullGraph(core, { caseId, state })
    expect(g.nodes.find((n) => n.id === ids.hop1)!.annotation).toBe('first hop')
    expect((await core.invoke('views.delete', { caseId, viewId: v.id })).deleted).toBe(1)
    const audit = await core.invoke('audit.list', { caseId, limit: 50 })
    expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['graph.view-saved', 'graph.annotated', 'graph.view-deleted']))
    expect((await core.invoke('audit.verify', { caseId })).ok).toBe(true)
  })

  it('exports SVG, PNG, GEXF and GraphML that stay valid with hostile names', async () => {
    const { core, caseId, ids, entities } = await graphCase()
    await core.invoke('entities.update', { caseId, entityId: entities['Tornado Cash'], name: HOSTILE })
    await core.invoke('graph.annotate', { caseId, target: ids.hop3, note: `${HOSTILE} invoice\u202Efdp.exe` })
    const state = GraphState.parse({ nodes: Object.values(ids).filter((x) => x.startsWith('a:eth')), collapsed: [entities['Tornado Cash']] })
    const view = await core.invoke('views.save', { caseId, name: `Ronin ${HOSTILE}`, state })
    for (const format of ['svg', 'gexf', 'graphml'] as const) {
      const out = await core.invoke('graph.export', { caseId, viewId: view.id, format })
      assertWellFormed(out.data)
      expect(out.data).not.toMatch(/<script|<foreignObject|\son[a-z]+=|xlink:href|href=/i)
      expect(out.data).toContain('⟨U+0001⟩')
      expect(out.data).toContain('&lt;/text&gt;&lt;script&gt;')
      expect(out.data).toContain('123456789012')
    }
    const svg = (await core.invoke('graph.export', { caseId, viewId: view.id, format: 'svg' })).data
    expect(svg).toContain('⟨U+202E⟩')
    expect(svg).toContain('173,600 ETH')
    expect(svg).toContain('123,456,789,012.34567890123456789 RONlN-AIRDROP')
    expect(svg).toContain('Case T-1')
    const png = await core.invoke('graph.export', { caseId, viewId: view.id, format: 'png' })
    const bytes = Buffer.from(png.data, 'base64')
    expect(bytes.subarray(1, 4).toString()).toBe('PNG')
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(3000) // width in px at print zoom
    const audit = await core.invoke('audit.list', { caseId, limit: 5 })
    expect(audit.entries[0]).toMatchObject({ action: 'graph.exported', details: expect.objectContaining({ format: 'png', sha256: png.sha256 }) })
  })
})
