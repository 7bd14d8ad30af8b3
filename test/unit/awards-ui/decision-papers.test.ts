// The menu entry that prints a decision's certificates is named for what it prints.
import { describe, expect, it } from 'vitest';
import { printedForm } from '../../../renderer/features/awards/decision-papers';

describe('what a decision\'s certificates are', () => {
  it('a title\'s certificate, a Bằng khen, a Giấy khen, or another certificate', () => {
    expect(printedForm({ awardCode: 'CSTDCS', otherForm: '' })).toBe('other');
    expect(printedForm({ awardCode: 'LDTT', otherForm: '' })).toBe('other');
    expect(printedForm({ awardCode: 'BK_TINH', otherForm: '' })).toBe('bang_khen');
    expect(printedForm({ awardCode: 'GIAY_KHEN', otherForm: '' })).toBe('giay_khen');
    expect(printedForm({ awardCode: null, otherForm: 'Giấy khen của Chủ tịch UBND xã' })).toBe('giay_khen');
    expect(printedForm({ awardCode: null, otherForm: 'Kỷ niệm chương Vì sự nghiệp Lao động' })).toBe('other');
  });
});
