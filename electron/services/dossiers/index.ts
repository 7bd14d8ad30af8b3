// Nomination dossiers: builder, checklist, documents, export, submission and outcome.
export * from './service';
export { renderDossierDocuments, danhSachWorkbook, DOCX_MIME, XLSX_MIME, type RenderedDocument } from './render';
export { DOSSIER_USAGE, runDossierCommand } from './cli';
