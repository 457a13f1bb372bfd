/** Graph node and edge ids shared by core, CLI and renderer (see areas/graph.ts for the scheme). */

/** Id of an address node. */
export function addressNodeId(network: string, address: string): string {
  return `a:${network}:${address}`
}

/** Id of a collapsed entity node. */
export function entityNodeId(entityId: number): string {
  return `e:${entityId}`
}

/** Id of a transaction drawn as a node. */
export function txNodeId(network: string, txid: string): string {
  return `t:${network}:${txid}`
}

/** Id of the aggregated edge for one asset between two nodes. */
export function edgeId(source: string, target: string, network: string, asset: string): string {
  return `${source}>${target}>${network}:${asset}`
}

/** What a node id names; null when it is not one of ours. */
export function parseNodeId(id: string): { kind: 'address'; network: string; address: string } | { kind: 'entity'; entityId: number } | { kind: 'tx'; network: string; txid: string } | null {
  const m = /^([aet]):(.+)$/.exec(id)
  if (!m) return null
  if (m[1] === 'e') return /^[1-9][0-9]*$/.test(m[2]) ? { kind: 'entity', entityId: Number(m[2]) } : null
  const i = m[2].indexOf(':')
  if (i <= 0 || i === m[2].length - 1) return null
  const network = m[2].slice(0, i)
  const rest = m[2].slice(i + 1)
  return m[1] === 'a' ? { kind: 'address', network, address: rest } : { kind: 'tx', network, txid: rest }
}

/** Short display form of a long address or txid: first 6 and last 4 characters. */
export function shortRef(s: string): string {
  return s.length > 14 ? `${s.slice(0, 6)}…${s.slice(-4)}` : s
}
