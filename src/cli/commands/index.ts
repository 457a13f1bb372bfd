import type { Command } from '../io'
import { caseCreate, caseInfo } from './case'
import { evidenceAdd, evidenceList, evidenceVerify } from './evidence'
import { auditShow, auditVerify } from './audit'
import { importCmd, importFormats } from './import'
import { labelAdd, labelImport, labelList, labelRemove, labelStarter } from './label'
import { entityAdd, entityCreate, entityList } from './entity'
import { screenCmd } from './screen'
import { addressCmd, exchangeCmd, txCmd } from './explore'
import { web } from './web'
import { graphExport, graphViews } from './graph'

/** Every CLI command, in the order `--help` lists them. Add new commands here. */
export const COMMANDS: Command[] = [
  caseCreate,
  caseInfo,
  evidenceAdd,
  evidenceList,
  evidenceVerify,
  auditShow,
  auditVerify,
  importFormats,
  importCmd,
  txCmd,
  addressCmd,
  exchangeCmd,
  labelImport,
  labelList,
  labelAdd,
  labelRemove,
  labelStarter,
  entityList,
  entityCreate,
  entityAdd,
  screenCmd,
  graphViews,
  graphExport,
  web
]
