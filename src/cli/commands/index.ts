import type { Command } from '../io'
import { caseCreate, caseInfo } from './case'
import { evidenceAdd, evidenceList, evidenceVerify } from './evidence'
import { auditShow, auditVerify } from './audit'
import { importCmd, importFormats } from './import'
import { addressCmd, txCmd } from './explore'
import { web } from './web'

/** Every CLI command, in the order `--help` lists them. Add new commands here. */
export const COMMANDS: Command[] = [caseCreate, caseInfo, evidenceAdd, evidenceList, evidenceVerify, auditShow, auditVerify, importFormats, importCmd, txCmd, addressCmd, web]
