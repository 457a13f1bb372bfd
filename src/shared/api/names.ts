/**
 * Plain lists of contract method and event names, with no schema library: the sandboxed preload allow-lists
 * against these. test/unit/shared/names.test.ts keeps them equal to the contract.
 */
export const METHOD_NAME_LIST = [
  'cases.library',
  'cases.create',
  'cases.info',
  'cases.update',
  'evidence.list',
  'evidence.add',
  'evidence.verify',
  'audit.list',
  'audit.verify',
  'imports.formats',
  'imports.run',
  'imports.list',
  'imports.conflicts',
  'explore.networks',
  'explore.addresses',
  'explore.transactions',
  'explore.address',
  'explore.tx',
  'entities.list',
  'entities.create',
  'entities.update',
  'entities.addMembers',
  'entities.removeMembers',
  'entities.delete',
  'files.pick'
] as const

export const EVENT_NAME_LIST = ['progress', 'case-changed'] as const
