/**
 * Category pictograms drawn with canvas paths (no icon font, no emoji font: the app runs offline and the shapes
 * must read in black-and-white print too). Each draws in a box of half-size `r` centred on (x, y) in the current
 * stroke/fill style.
 */
type Draw = (c: CanvasRenderingContext2D, x: number, y: number, r: number) => void

const circle = (c: CanvasRenderingContext2D, x: number, y: number, r: number) => {
  c.beginPath()
  c.arc(x, y, r, 0, Math.PI * 2)
}

const poly = (c: CanvasRenderingContext2D, pts: [number, number][], x: number, y: number, r: number, close = true) => {
  c.beginPath()
  pts.forEach(([px, py], i) => (i ? c.lineTo(x + px * r, y + py * r) : c.moveTo(x + px * r, y + py * r)))
  if (close) c.closePath()
}

const ICONS: Record<string, Draw> = {
  // Circle with a bar: on a sanctions list.
  sanctioned(c, x, y, r) {
    circle(c, x, y, r * 0.8)
    c.stroke()
    poly(c, [[-0.56, 0.56], [0.56, -0.56]], x, y, r, false)
    c.stroke()
  },
  // Warning triangle with an exclamation mark: theft / hack.
  theft_hack(c, x, y, r) {
    poly(c, [[0, -0.85], [0.9, 0.75], [-0.9, 0.75]], x, y, r)
    c.stroke()
    poly(c, [[0, -0.3], [0, 0.2]], x, y, r, false)
    c.stroke()
    circle(c, x, y + r * 0.48, r * 0.07)
    c.fill()
  },
  // Padlock: ransomware.
  ransomware(c, x, y, r) {
    c.beginPath()
    c.arc(x, y - r * 0.2, r * 0.42, Math.PI, 0)
    c.stroke()
    c.fillRect(x - r * 0.7, y - r * 0.15, r * 1.4, r * 0.95)
  },
  // Shop awning: darknet market.
  darknet_market(c, x, y, r) {
    poly(c, [[-0.85, -0.2], [-0.65, -0.75], [0.65, -0.75], [0.85, -0.2]], x, y, r)
    c.fill()
    poly(c, [[-0.7, -0.1], [-0.7, 0.8], [0.7, 0.8], [0.7, -0.1]], x, y, r, false)
    c.stroke()
  },
  // Two interlocked rings: mixer.
  mixer(c, x, y, r) {
    circle(c, x - r * 0.35, y, r * 0.45)
    c.stroke()
    circle(c, x + r * 0.35, y, r * 0.45)
    c.stroke()
  },
  // Fish hook: scam / phishing.
  scam(c, x, y, r) {
    c.beginPath()
    c.moveTo(x + r * 0.25, y - r * 0.85)
    c.lineTo(x + r * 0.25, y + r * 0.25)
    c.arc(x - r * 0.15, y + r * 0.25, r * 0.4, 0, Math.PI)
    c.lineTo(x - r * 0.55, y - r * 0.05)
    c.stroke()
  },
  // Question mark in a circle: suspect.
  suspect(c, x, y, r) {
    c.beginPath()
    c.arc(x, y - r * 0.3, r * 0.35, Math.PI * 1.1, Math.PI * 2.4)
    c.lineTo(x, y + r * 0.25)
    c.stroke()
    circle(c, x, y + r * 0.6, r * 0.09)
    c.fill()
  },
  // Shield: seized by law enforcement.
  le_seized(c, x, y, r) {
    c.beginPath()
    c.moveTo(x, y - r * 0.85)
    c.lineTo(x + r * 0.7, y - r * 0.55)
    c.quadraticCurveTo(x + r * 0.7, y + r * 0.5, x, y + r * 0.9)
    c.quadraticCurveTo(x - r * 0.7, y + r * 0.5, x - r * 0.7, y - r * 0.55)
    c.closePath()
    c.stroke()
  },
  // Die: gambling.
  gambling(c, x, y, r) {
    c.strokeRect(x - r * 0.7, y - r * 0.7, r * 1.4, r * 1.4)
    for (const [dx, dy] of [[-0.35, -0.35], [0, 0], [0.35, 0.35]]) {
      circle(c, x + dx * r, y + dy * r, r * 0.11)
      c.fill()
    }
  },
  // Arch over water: bridge.
  bridge(c, x, y, r) {
    c.beginPath()
    c.moveTo(x - r * 0.9, y + r * 0.45)
    c.lineTo(x - r * 0.9, y - r * 0.1)
    c.lineTo(x + r * 0.9, y - r * 0.1)
    c.lineTo(x + r * 0.9, y + r * 0.45)
    c.moveTo(x - r * 0.5, y + r * 0.45)
    c.arc(x, y + r * 0.45, r * 0.5, Math.PI, 0)
    c.stroke()
  },
  // Two opposed arrows: swap service.
  swap_service(c, x, y, r) {
    poly(c, [[-0.8, -0.3], [0.8, -0.3], [0.45, -0.65]], x, y, r, false)
    c.stroke()
    poly(c, [[0.8, 0.3], [-0.8, 0.3], [-0.45, 0.65]], x, y, r, false)
    c.stroke()
  },
  // Diamond: DeFi contract.
  defi(c, x, y, r) {
    poly(c, [[0, -0.85], [0.75, 0], [0, 0.85], [-0.75, 0]], x, y, r)
    c.stroke()
    poly(c, [[-0.75, 0], [0.75, 0]], x, y, r, false)
    c.stroke()
  },
  // Bank front (pediment, columns, base): exchange.
  exchange(c, x, y, r) {
    poly(c, [[-0.85, -0.35], [0, -0.85], [0.85, -0.35]], x, y, r)
    c.fill()
    for (const dx of [-0.55, 0, 0.55]) c.fillRect(x + dx * r - r * 0.1, y - r * 0.25, r * 0.2, r * 0.8)
    c.fillRect(x - r * 0.85, y + r * 0.6, r * 1.7, r * 0.2)
  },
  // Heart: victim.
  victim(c, x, y, r) {
    c.beginPath()
    c.moveTo(x, y + r * 0.75)
    c.bezierCurveTo(x - r * 1.1, y - r * 0.05, x - r * 0.5, y - r * 0.95, x, y - r * 0.35)
    c.bezierCurveTo(x + r * 0.5, y - r * 0.95, x + r * 1.1, y - r * 0.05, x, y + r * 0.75)
    c.fill()
  },
  // Three linked dots: a grouped entity.
  entity(c, x, y, r) {
    poly(c, [[0, -0.55], [-0.55, 0.45], [0.55, 0.45]], x, y, r)
    c.stroke()
    for (const [dx, dy] of [[0, -0.55], [-0.55, 0.45], [0.55, 0.45]]) {
      circle(c, x + dx * r, y + dy * r, r * 0.25)
      c.fill()
    }
  },
  // Tag: labelled, category outside the list.
  unknown(c, x, y, r) {
    poly(c, [[-0.8, -0.5], [0.3, -0.5], [0.85, 0], [0.3, 0.5], [-0.8, 0.5]], x, y, r)
    c.stroke()
  }
}

/** True when the category has a pictogram (unlabelled nodes and transactions are plain discs). */
export function hasPictogram(key: string): boolean {
  return key in ICONS
}

/** Draw the pictogram of `key` centred at (x, y) with half-size r in `color`. */
export function drawPictogram(c: CanvasRenderingContext2D, key: string, x: number, y: number, r: number, color: string): void {
  const d = ICONS[key]
  if (!d) return
  c.save()
  c.strokeStyle = color
  c.fillStyle = color
  c.lineWidth = Math.max(1, r * 0.2)
  c.lineCap = 'round'
  c.lineJoin = 'round'
  d(c, x, y, r)
  c.restore()
}
