import { registerImporter, registerSink } from '../registry'
import { ofacCsvSinks, sdnCommentsImporter, sdnCsvImporter } from './ofac-csv'
import { sdnAdvancedImporter, sdnXmlImporter } from './ofac-xml'
import { plainCsvImporter, plainJsonImporter } from './plain'
import { labelSinks } from './sink'
import { tagpackImporter } from './tagpack'

/** Ids of the tag-set formats (labels.import accepts only these). */
export const LABEL_FORMAT_IDS = [tagpackImporter, sdnCsvImporter, sdnCommentsImporter, sdnXmlImporter, sdnAdvancedImporter, plainCsvImporter, plainJsonImporter].map((i) => i.id)

for (const imp of [tagpackImporter, sdnCsvImporter, sdnCommentsImporter, sdnXmlImporter, sdnAdvancedImporter, plainCsvImporter, plainJsonImporter]) registerImporter(imp)
for (const s of [...labelSinks, ...ofacCsvSinks]) registerSink(s)
