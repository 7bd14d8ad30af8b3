// A plan saved by "Xuất dữ liệu kế hoạch (.json)" on this or another machine, read back whole:
// the outline, the appendix grid and the review marks as they were, checked against the plan
// schema (text NFC-normalised first: a file edited by hand may hold decomposed Vietnamese).
import { nfc } from '../../../../shared/text/vn';
import { PLAN_SCHEMA_VERSION, planSchema, type PlanImportResult } from '../../../../shared/plans/model';

const NOT_OURS = 'Hãy chọn tệp .json do “Xuất dữ liệu kế hoạch (.json)” của TĐKT Desktop tạo ra, hoặc nhập kế hoạch từ tệp Word (.docx).';

/** Every string in a parsed JSON value, NFC-normalised. */
function normalised(v: unknown): unknown {
  if (typeof v === 'string') return nfc(v);
  if (Array.isArray(v)) return v.map(normalised);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalised(x)]));
  return v;
}

export function importPlanJson(text: string): PlanImportResult {
  const body = text.replace(/^\ufeff/, '');
  if (body.trim() === '') return { ok: false, error: { code: 'EMPTY_FILE', message: 'Tệp .json trống: không có kế hoạch để nhập.' } };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return { ok: false, error: { code: 'NOT_A_PLAN', message: `Tệp .json không đọc được (không đúng cú pháp JSON, có thể bị cắt dở hoặc bị sửa). ${NOT_OURS}` } };
  }
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > PLAN_SCHEMA_VERSION) {
    return {
      ok: false,
      error: {
        code: 'NOT_A_PLAN',
        message: `Tệp kế hoạch được tạo bởi phiên bản TĐKT Desktop mới hơn (dữ liệu kế hoạch phiên bản ${version}; máy này đọc được phiên bản ${PLAN_SCHEMA_VERSION}). Hãy cập nhật ứng dụng rồi nhập lại.`,
      },
    };
  }
  let parsed: ReturnType<typeof planSchema.safeParse>;
  try {
    parsed = planSchema.safeParse(normalised(raw));
  } catch {
    // arrays nested thousands deep overflow the stack: no plan the app writes looks like that
    return { ok: false, error: { code: 'NOT_A_PLAN', message: `Tệp .json không phải dữ liệu kế hoạch của TĐKT Desktop (cấu trúc lồng nhau bất thường). ${NOT_OURS}` } };
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (mục ${issue.path.join('.')})` : '';
    return { ok: false, error: { code: 'NOT_A_PLAN', message: `Tệp .json không phải dữ liệu kế hoạch của TĐKT Desktop hoặc đã bị sửa hỏng${where}. ${NOT_OURS}` } };
  }
  return { ok: true, plan: parsed.data, warnings: [] };
}
