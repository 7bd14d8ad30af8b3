// Reusable zod field builders with Vietnamese messages. Strings are NFC-normalised here,
// so every write path (IPC, HTTP, CLI) stores the same form.
import { z } from 'zod';
import { cleanText, nfc, parseDateVi } from '../text/vn';

export const id = () => z.string({ error: 'Thiếu mã bản ghi.' }).min(1, { error: 'Thiếu mã bản ghi.' }).max(64);

/** Required single-line text, whitespace collapsed. */
export const requiredText = (label: string, max = 500) =>
  z
    .string({ error: `${label}: cần nhập nội dung.` })
    .transform(cleanText)
    .pipe(
      z
        .string()
        .min(1, { error: `${label}: không được để trống.` })
        .max(max, { error: `${label}: dài quá ${max} ký tự.` }),
    );

/** Optional single-line text ('' when absent). */
export const optionalText = (label: string, max = 500) =>
  z
    .string({ error: `${label}: phải là văn bản.` })
    .optional()
    .default('')
    .transform(cleanText)
    .pipe(z.string().max(max, { error: `${label}: dài quá ${max} ký tự.` }));

/** Multi-line text kept as typed (NFC only). */
export const longText = (label: string, max = 20000) =>
  z
    .string({ error: `${label}: phải là văn bản.` })
    .optional()
    .default('')
    .transform(nfc)
    .pipe(z.string().max(max, { error: `${label}: dài quá ${max} ký tự.` }));

/** ISO date (accepts dd/mm/yyyy too) or null. */
export const optionalDate = (label: string) =>
  z
    .union([z.string(), z.null()], { error: `${label}: phải là ngày dạng dd/mm/yyyy.` })
    .optional()
    .transform((v, ctx) => {
      if (v == null || v.trim() === '') return null;
      const iso = parseDateVi(v);
      if (!iso) {
        ctx.addIssue({ code: 'custom', message: `${label}: "${v}" không phải ngày hợp lệ — nhập theo dạng dd/mm/yyyy, ví dụ 05/03/1980.` });
        return z.NEVER;
      }
      return iso;
    });

export const base64 = (label: string, maxBytes = 64 * 1024 * 1024) =>
  z
    .string({ error: `${label}: thiếu nội dung tệp.` })
    .max(Math.ceil((maxBytes * 4) / 3) + 8, { error: `${label}: tệp lớn quá ${Math.round(maxBytes / 1024 / 1024)} MB.` })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: `${label}: nội dung tệp bị hỏng (không phải base64).` });

/** The largest evidence file (minh chứng) a dossier or a task takes. */
export const EVIDENCE_MAX_BYTES = 50 * 1024 * 1024;

/**
 * An evidence file: its bytes (the browser host uploads them) or where it lies on this computer
 * (the desktop app's window knows a chosen file's place): exactly one of the two.
 */
export const evidenceFile = {
  fileBase64: base64('Tệp minh chứng', EVIDENCE_MAX_BYTES).optional(),
  path: z.string().min(1).max(4096).optional(),
};
/** A file given by its bytes or its path, exactly one of the two (`message`: what to choose). */
export const oneFileSource = (message: string) => ({
  check: (s: { fileBase64?: string; path?: string }) => (s.fileBase64 === undefined) !== (s.path === undefined),
  params: { message, path: ['fileBase64'] },
});
export const oneEvidenceSource = oneFileSource('Hãy chọn một tệp minh chứng.');

/** A file produced by the core for the user to save. */
export const fileOut = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
});
export type FileOut = z.infer<typeof fileOut>;
