// Staff list import/export (.xlsx). Pure functions over bytes: no database, no Electron.
//   readStaffWorkbook(bytes) → SheetRead | Failure
//   proposeMapping(headers) → ColumnMapping   (user may edit it in the preview)
//   validateStaffRows(read, mapping, units, existingStaff, { today }) → rows, errors, duplicates, stats
//   exportStaffWorkbook(rows, opts) → .xlsx bytes
export * from './labels';
export * from './mapping';
export * from './parse';
export * from './validate';
export * from './export';
