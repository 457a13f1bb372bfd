import { describe, expect, it } from 'vitest'
import { mapConcepts } from '../../../../src/core/attribution/concepts'
import { networkForSymbol, resolveLabelAddress } from '../../../../src/core/attribution/label-address'
import { initChains } from '../../../../src/core/chains/init'

initChains()

describe('symbols → chains and label address checks', () => {
  it('maps OFAC/GraphSense symbols; USDT/USDC by address form; unknown symbols are errors', () => {
    expect(networkForSymbol('XBT', '1Archive1n2C579dMsAu3iC6tWzuQJz8dN')).toBe('btc')
    expect(networkForSymbol('ETH', '0x098B716B8Aaf21512996dC57EB0615e2383E2f96')).toBe('eth')
    expect(networkForSymbol('USDT', '0x175d44451403Edf28469dF03A9280c1197ADb92c')).toBe('eth')
    expect(networkForSymbol('USDT', 'TEAqwfMhXLaomXhZ8KeMhx3njGmQEDnsUR')).toBe('tron')
    expect(networkForSymbol('USDT', '3LtcaPbCj87CwJHnRX3vh7c2y9RZQqeSy8')).toBe('btc')
    expect(networkForSymbol('USDC', '0xb6f5ec1a0a9cd1526536d3f0426c429529471f40')).toBe('eth')
    expect(networkForSymbol('TRX', 'TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre')).toBe('tron')
    expect(networkForSymbol('ARB', '0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c')).toBe('arbitrum')
    expect(networkForSymbol('XMR', 'x')).toBe('xmr')
    expect(() => networkForSymbol('DOGE', 'x')).toThrow(/unknown currency\/network "DOGE"/)
    expect(() => networkForSymbol('USDC', 'rGeyCsqc6vKXuyTGF39WJxmTRemoV3c97h')).toThrow(/chain is unknown/)
  })

  it('supported chains validate strictly; label-only chains record how far they were checked and never change the text', () => {
    expect(resolveLabelAddress('0x098B716B8Aaf21512996dC57EB0615e2383E2f96', 'eth')).toMatchObject({ canonical: '0x098b716b8aaf21512996dc57eb0615e2383e2f96', check: 'valid' })
    expect(() => resolveLabelAddress('0x098b716B8Aaf21512996dC57EB0615e2383E2f96', 'eth')).toThrow(/EIP-55/)
    expect(resolveLabelAddress('LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb', 'ltc')).toMatchObject({ canonical: 'LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb', check: 'checksum' })
    expect(resolveLabelAddress('LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfc', 'ltc').check).toBe('none')
    expect(resolveLabelAddress('qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq', 'bch').check).toBe('format')
    expect(resolveLabelAddress('t1MMXtBrSp1XG38Lx9cePcNUCJj5vdWfUWL', 'zec').check).toBe('checksum')
    expect(resolveLabelAddress('XnPFsRWTaSgiVauosEwQ6dEitGYXgwznz2', 'dash').check).toBe('checksum')
    expect(resolveLabelAddress('rGeyCsqc6vKXuyTGF39WJxmTRemoV3c97h', 'xrp').check).toBe('format')
    expect(resolveLabelAddress('0xd882cfc20f52f2599d84b8e8d58c7fb62cfe344b', 'etc')).toMatchObject({ check: 'valid', display: expect.stringMatching(/^0x[0-9a-fA-F]{40}$/) })
    expect(() => resolveLabelAddress('LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb ', 'ltc')).toThrow(/U\+0020/)
    expect(() => resolveLabelAddress('x', 'doge')).toThrow(/unknown network "doge"/)
  })

  it('GraphSense concepts: abuse outranks the entity type; the original text is kept', () => {
    expect(mapConcepts({ category: 'user', abuse: 'sanction' })).toEqual({ category: 'sanctioned', concept: 'category=user; abuse=sanction' })
    expect(mapConcepts({ category: 'exchange', abuse: 'service_hack' }).category).toBe('theft_hack')
    expect(mapConcepts({ category: 'mixing_service' }).category).toBe('mixer')
    expect(mapConcepts({ category: 'defi_bridge' }).category).toBe('bridge')
    expect(mapConcepts({ category: 'organization' }).category).toBe('unknown')
    expect(mapConcepts({ category: 'user', hint: 'US Treasury OFAC Sanctions List x' })).toEqual({ category: 'sanctioned', concept: 'category=user; list=sanctions' })
  })
})
