// Official documents (NĐ 30/2020): DOCX rendering and plain-text extraction.
// The HTML print view is shared/documents/html.ts (pure, usable in the renderer too).
export * from './docx';
export { docxPlainText, documentXmlPlainText, type DocxPlainTextOptions } from './docx-text';
export { textWidthTwips, wrappedWidthTwips } from '../../../shared/documents/metrics';
