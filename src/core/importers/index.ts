/**
 * Registers every importer and sink. Each format lives in its own folder and registers itself in its index.ts;
 * add one import line here per format family (and to families.ts).
 */
import './bitcoin'
import './accounts/index'
import './labels/index'
