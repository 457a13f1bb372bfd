import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { EventName } from '../../shared/api/contract'
import { checkHostOrigin, tokenMatches, wsTokenOf } from './security'

/** The dev host's event channel: one WebSocket per page at /api/events, pushing `{event, payload}`. */
export class EventHub {
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: 64 * 1024,
    // Answer with the fixed protocol name; the token subprotocol is never echoed back.
    handleProtocols: (protocols) => (protocols.has('chaintrail') ? 'chaintrail' : false)
  })
  private readonly clients = new Set<WebSocket>()

  constructor(
    private readonly port: () => number,
    private readonly token: string
  ) {}

  /**
   * Handle an HTTP upgrade. Browsers apply no same-origin rule to WebSockets, so both a matching Origin and the
   * token are required; anything else is refused with a plain HTTP status before the handshake completes.
   */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const refuse = (status: number, text: string) => {
      socket.write(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
      socket.destroy()
    }
    const path = (req.url ?? '').split('?', 1)[0]
    if (path !== '/api/events') return refuse(404, 'Not Found')
    const o = checkHostOrigin(req, this.port(), true)
    if (!o.ok) return refuse(o.status, o.status === 421 ? 'Misdirected Request' : 'Forbidden')
    const { token, hasChaintrail } = wsTokenOf(req)
    if (!hasChaintrail || !tokenMatches(token, this.token)) return refuse(401, 'Unauthorized')
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.clients.add(ws)
      ws.on('close', () => this.clients.delete(ws))
      // The channel is one-way: anything the page sends is a protocol violation.
      ws.on('message', () => ws.close(1008, 'server does not accept messages'))
    })
  }

  /** Push an event to every connected page. */
  broadcast(event: EventName, payload: unknown): void {
    const msg = JSON.stringify({ event, payload })
    for (const ws of this.clients) if (ws.readyState === ws.OPEN) ws.send(msg)
  }

  /** Close every connection. */
  close(): void {
    for (const ws of this.clients) ws.terminate()
    this.clients.clear()
    this.wss.close()
  }
}
