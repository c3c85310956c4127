// Exports of a table (a Table as the query returns it, restricted parts already removed): XLSX in
// the official layout, PDF, JSON-stat 2.0. Labels in the chosen language, data labels falling back
// to Russian.
export { writeTableXlsx, writeTemplateXlsx, writeSheet, sheetName } from './table.xlsx.js';
export { writeTablePdf, tableContent, writePdfDocument } from './table.pdf.js';
export { tableToJsonStat, STATUS as JSONSTAT_STATUS, type JsonStatDataset } from './table.jsonstat.js';
export {
  type ExportOptions,
  type Lang,
  labelText,
  titleLines,
  tableNotes,
  periodText,
  columnTitle,
  orderedColumns,
} from './table.layout.js';
export { tableToCsv } from './table.csv.js';
export {
  renderTable,
  tableJson,
  bytesOf,
  TABLE_FORMATS,
  FORMAT_TYPES,
  XLSX_TYPE,
  type TableFormat,
  type RenderedTable,
} from './render.js';
