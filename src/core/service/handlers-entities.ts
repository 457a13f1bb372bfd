import { addEntityMembers, createEntity, deleteEntity, listEntities, removeEntityMembers, updateEntity } from '../attribution/entities'
import type { HandlerMap } from './context'

/** Entity methods of the contract. */
export const entityHandlers: HandlerMap<'entities.list' | 'entities.create' | 'entities.update' | 'entities.addMembers' | 'entities.removeMembers' | 'entities.delete'> = {
  'entities.list': (i, { state }) => listEntities(state.caseById(i.caseId).db),
  'entities.create': (i, { state }) => {
    const c = state.caseById(i.caseId)
    return createEntity(c, state.examinerFor(c), i)
  },
  'entities.update': (i, { state }) => {
    const c = state.caseById(i.caseId)
    return updateEntity(c, state.examinerFor(c), i.entityId, i)
  },
  'entities.addMembers': (i, { state }) => {
    const c = state.caseById(i.caseId)
    return addEntityMembers(c, state.examinerFor(c), i.entityId, i.members, i.method)
  },
  'entities.removeMembers': (i, { state }) => {
    const c = state.caseById(i.caseId)
    return removeEntityMembers(c, state.examinerFor(c), i.entityId, i.members)
  },
  'entities.delete': (i, { state }) => {
    const c = state.caseById(i.caseId)
    return { deleted: deleteEntity(c, state.examinerFor(c), i.entityId) }
  }
}
