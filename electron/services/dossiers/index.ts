// Nomination dossiers: builder, checklist, documents, export, submission and outcome.
export * from './service';
export { exportReceivedList } from './received-list';
export { renderDossierDocuments, danhSachWorkbook, DOCX_MIME, type RenderedDocument } from './render';
export { XLSX_MIME } from '../xlsx/style';
export { DOSSIER_USAGE, runDossierCommand } from './cli';
