// Every benchmark case, in the order they run. To add one: write bench/cases/<area>.ts
// exporting a BenchCase and register it here; move it out of PLANNED when it exists.
import { registerBench } from '../registry';
import { openCase, searchCase, insertCase } from './core';
import { browserCase } from './browser';

registerBench(openCase);
registerBench(searchCase);
registerBench(insertCase);
registerBench(browserCase);

/** Extension points: cases later work adds (listed as "not measured yet" in the output). */
export const PLANNED: { id: string; title: string }[] = [
  { id: 'awards.eligibility.office', title: 'Kiểm tra điều kiện khen thưởng cho toàn cơ quan (30.000 người)' },
  { id: 'dossier.docx.500', title: 'Hồ sơ đề nghị 500 người → DOCX' },
  { id: 'exchange.bundle', title: 'Xuất / nhập gói dữ liệu trao đổi (USB)' },
];
