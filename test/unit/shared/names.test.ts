import { describe, expect, it } from 'vitest'
import { contract, EVENT_NAMES } from '../../../src/shared/api/contract'
import { EVENT_NAME_LIST, METHOD_NAME_LIST } from '../../../src/shared/api/names'

describe('preload name lists', () => {
  it('list exactly the contract methods', () => {
    expect([...METHOD_NAME_LIST].sort()).toEqual(Object.keys(contract).sort())
  })
  it('list exactly the contract events', () => {
    expect([...EVENT_NAME_LIST].sort()).toEqual([...EVENT_NAMES].sort())
  })
})
