/**
 * The format families one at a time, for a thread that needs a single importer (the parse worker): loading all
 * of them there costs more than a second before the first record in a source-tree run, and one family a
 * fraction of that. Bitcoin first, as the family of the largest files. index.ts loads them all; keep the two in step.
 */
export const IMPORTER_FAMILIES: (() => Promise<unknown>)[] = [() => import('./bitcoin'), () => import('./accounts/index'), () => import('./labels/index')]
