/** Samples process RSS every 250 ms (RELIABILITY §6) and reports the peak. */
export function rssSampler(): { stop(): { peakMb: number; samples: number[] } } {
  const samples: number[] = []
  const take = () => samples.push(process.memoryUsage().rss)
  take()
  const t = setInterval(take, 250)
  return {
    stop() {
      clearInterval(t)
      take()
      return { peakMb: Math.max(...samples) / 2 ** 20, samples }
    }
  }
}

/** Machine line printed with every result. */
