// Plan import: .docx bytes or plain text → Plan, through one shared classifier.
//   importPlanDocx(bytes) — docx-reader (fflate + @xmldom/xmldom) → classifyPlan
//   importPlanText(text)  — text-reader → classifyPlan
//   importPlanJson(text)  — a plan the app exported as .json, read back whole (json-reader)
// Both return PlanImportResult: { ok: true, plan, warnings } or { ok: false, error: { code,
// message } } with a Vietnamese message saying what is wrong and what to do.
import type { PlanImportResult } from '../../../../shared/plans/model';
import { classifyPlan, type ClassifyOptions } from './classify';
import { DocxReadError, readDocx } from './docx-reader';
import { readPlanText } from './text-reader';

export type { ClassifyOptions } from './classify';
export { classifyPlan, matchLabel } from './classify';
export { LEGACY_DOC_MESSAGE, readDocx } from './docx-reader';
export { readPlanText } from './text-reader';
export { importPlanJson } from './json-reader';

export function importPlanDocx(bytes: Uint8Array, opts: ClassifyOptions = {}): PlanImportResult {
  let src;
  try {
    src = readDocx(bytes);
  } catch (e) {
    if (e instanceof DocxReadError) return { ok: false, error: { code: e.code, message: e.message } };
    // anything else (e.g. a stack overflow on markup nested thousands of levels deep) is not
    // worth showing raw: the engine's English text tells the user nothing
    return {
      ok: false,
      error: {
        code: 'CORRUPT_XML',
        message:
          'Không đọc được tệp Word: cấu trúc văn bản bất thường (lồng nhau quá sâu hoặc không đúng chuẩn .docx). Hãy mở tệp bằng Word, lưu lại dưới dạng .docx rồi nhập lại.',
      },
    };
  }
  return classifyPlan(src, opts);
}

export function importPlanText(text: string, opts: ClassifyOptions = {}): PlanImportResult {
  if (text.replace(/^\ufeff/, '').trim() === '')
    return { ok: false, error: { code: 'EMPTY_FILE', message: 'Tệp văn bản trống: không có nội dung để nhập.' } };
  if (/\u0000/.test(text.slice(0, 4096)))
    return {
      ok: false,
      error: { code: 'NOT_A_PLAN', message: 'Tệp không phải văn bản thuần (.txt): hãy chọn tệp .docx hoặc .txt.' },
    };
  return classifyPlan(readPlanText(text), opts);
}
