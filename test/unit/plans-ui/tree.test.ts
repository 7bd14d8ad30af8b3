// Pure tree operations of the plan editor (renderer/features/plans/tree.ts).
import { describe, expect, it } from 'vitest';
import { createIdGenerator, type Plan, type PlanSection } from '../../../shared/plans/model';
import { sectionLabels } from '../../../shared/plans/numbering';
import { createPlanFromTemplate } from '../../../shared/plans/templates';
import {
  appendChild,
  childStyleOf,
  clearFlag,
  findSection,
  indent,
  insertBlock,
  insertSiblingAfter,
  moveDown,
  moveSection,
  moveUp,
  newParagraph,
  newSection,
  normaliseRuns,
  outdent,
  removeBlock,
  removeSection,
  restoreSection,
  reviewItems,
  runsEqual,
  setStyle,
  updateSection,
} from '../../../renderer/features/plans/tree';

const ids = createIdGenerator('t');

function sec(id: string, style: PlanSection['style'], children: PlanSection[] = []): PlanSection {
  return { id, style, heading: [{ text: id }], body: [], children };
}

/** I(1, 2(a, b), 3), II(1) */
function plan(): Plan {
  return {
    schemaVersion: 1,
    id: 'p',
    header: { parentAgency: '', agency: 'SỞ', docNumber: null, place: 'Lào Cai', date: null },
    docType: 'KẾ HOẠCH',
    title: ['Thử'],
    bases: [],
    preamble: [],
    sections: [
      sec('I', 'roman', [sec('I1', 'arabic'), sec('I2', 'arabic', [sec('I2a', 'letter-paren'), sec('I2b', 'letter-paren')]), sec('I3', 'arabic')]),
      sec('II', 'roman', [sec('II1', 'arabic')]),
    ],
    closing: [],
    recipients: [],
    signer: null,
    appendices: [],
  };
}

/** "I:[I1,I2:[I2a,I2b],I3],II:[II1]" */
function shape(sections: readonly PlanSection[]): string {
  return sections.map((s) => (s.children.length ? `${s.id}:[${shape(s.children)}]` : s.id)).join(',');
}

function labels(p: Plan): Record<string, string> {
  return Object.fromEntries(sectionLabels(p.sections));
}

describe('plan editor tree operations', () => {
  it('finds sections at any depth with parent, index and depth', () => {
    const loc = findSection(plan().sections, 'I2b')!;
    expect(loc.parent?.id).toBe('I2');
    expect(loc.index).toBe(1);
    expect(loc.depth).toBe(3);
    expect(findSection(plan().sections, 'nope')).toBeNull();
  });

  it('moves up and down among siblings only, renumbering by position', () => {
    const p = plan();
    const up = moveUp(p, 'I3');
    expect(shape(up.sections)).toBe('I:[I1,I3,I2:[I2a,I2b]],II:[II1]');
    expect(labels(up).I3).toBe('2.');
    expect(labels(up).I2).toBe('3.');
    expect(moveUp(p, 'I1')).toBe(p); // first: no-op, same object
    expect(moveDown(p, 'I3')).toBe(p); // last: no-op
    expect(shape(moveDown(p, 'I').sections)).toBe('II:[II1],I:[I1,I2:[I2a,I2b],I3]');
    expect(labels(moveDown(p, 'I')).I).toBe('II.');
  });

  it('keeps untouched subtrees by identity (structural sharing)', () => {
    const p = plan();
    const next = moveUp(p, 'I3');
    expect(next.sections[1]).toBe(p.sections[1]);
    expect(findSection(next.sections, 'I2')!.node).toBe(findSection(p.sections, 'I2')!.node);
    const edited = updateSection(p, 'I2a', (s) => ({ ...s, heading: [{ text: 'x' }] }));
    expect(edited.sections[1]).toBe(p.sections[1]);
    expect(findSection(edited.sections, 'I1')!.node).toBe(findSection(p.sections, 'I1')!.node);
  });

  it('indent makes the node the last child of its previous sibling, taking the sibling style there', () => {
    const p = plan();
    const a = indent(p, 'I3');
    expect(shape(a.sections)).toBe('I:[I1,I2:[I2a,I2b,I3]],II:[II1]');
    expect(findSection(a.sections, 'I3')!.node.style).toBe('letter-paren');
    expect(labels(a).I3).toBe('c)');
    // into a leaf: child style of the parent style (arabic → letter-paren)
    const b = indent(p, 'I2');
    expect(shape(b.sections)).toBe('I:[I1:[I2:[I2a,I2b]],I3],II:[II1]');
    expect(findSection(b.sections, 'I2')!.node.style).toBe('letter-paren');
    // first sibling: nothing to indent under
    expect(indent(p, 'I1')).toBe(p);
    expect(indent(p, 'I')).toBe(p);
  });

  it('outdent makes the node the next sibling of its parent; later siblings stay', () => {
    const p = plan();
    const a = outdent(p, 'I2a');
    expect(shape(a.sections)).toBe('I:[I1,I2:[I2b],I2a,I3],II:[II1]');
    expect(findSection(a.sections, 'I2a')!.node.style).toBe('arabic');
    expect(labels(a).I2a).toBe('3.');
    expect(labels(a).I3).toBe('4.');
    expect(outdent(p, 'I')).toBe(p);
    // indent then outdent returns to the same shape
    expect(shape(outdent(indent(p, 'I3'), 'I3').sections)).toBe(shape(p.sections));
  });

  it('inserts siblings and children, removes and restores at the same place', () => {
    const p = plan();
    const n = newSection(ids, 'arabic', 'Mới');
    const a = insertSiblingAfter(p, 'I1', n);
    expect(findSection(a.sections, n.id)!.index).toBe(1);
    expect(labels(a)[n.id]).toBe('2.');
    expect(n.heading).toEqual([{ text: 'Mới', bold: true }]);
    const c = newSection(ids, childStyleOf('arabic'));
    const b = appendChild(a, 'I3', c);
    expect(findSection(b.sections, c.id)!.parent!.id).toBe('I3');
    expect(labels(b)[c.id]).toBe('a)');
    const top = newSection(ids, 'roman');
    expect(labels(appendChild(p, null, top))[top.id]).toBe('III.');

    const { plan: removed, removed: info } = removeSection(p, 'I2');
    expect(shape(removed.sections)).toBe('I:[I1,I3],II:[II1]');
    expect(info).toMatchObject({ parentId: 'I', index: 1 });
    const back = restoreSection(removed, info!);
    expect(shape(back.sections)).toBe(shape(p.sections));
    expect(restoreSection(back, info!)).toBe(back); // already there
    // parent gone as well: restored at the end of the top level
    const gone = removeSection(removed, 'I').plan;
    expect(shape(restoreSection(gone, info!).sections)).toBe('II:[II1],I2:[I2a,I2b]');
  });

  it('drag and drop moves before, after and inside; never into its own subtree', () => {
    const p = plan();
    expect(shape(moveSection(p, 'I3', 'I1', 'before').sections)).toBe('I:[I3,I1,I2:[I2a,I2b]],II:[II1]');
    expect(shape(moveSection(p, 'I1', 'I3', 'after').sections)).toBe('I:[I2:[I2a,I2b],I3,I1],II:[II1]');
    const inside = moveSection(p, 'II1', 'I2', 'inside');
    expect(shape(inside.sections)).toBe('I:[I1,I2:[I2a,I2b,II1],I3],II');
    expect(findSection(inside.sections, 'II1')!.node.style).toBe('letter-paren');
    // to another level before/after: takes the target's style
    const across = moveSection(p, 'I2a', 'II', 'after');
    expect(shape(across.sections)).toBe('I:[I1,I2:[I2b],I3],II:[II1],I2a');
    expect(findSection(across.sections, 'I2a')!.node.style).toBe('roman');
    expect(moveSection(p, 'I', 'I2a', 'inside')).toBe(p);
    expect(moveSection(p, 'I2', 'I2', 'after')).toBe(p);
  });

  it('changes label style and regenerates labels', () => {
    const p = setStyle(plan(), 'I2a', 'dash');
    expect(labels(p).I2a).toBe('-');
    expect(labels(p).I2b).toBe('a)'); // own sequence per style
  });

  it('edits body blocks of a section', () => {
    const para = newParagraph(ids, 'Đoạn một');
    const a = insertBlock(plan(), 'I1', null, para);
    const para2 = newParagraph(ids, 'Đoạn hai');
    const b = insertBlock(a, 'I1', para.id, para2);
    expect(findSection(b.sections, 'I1')!.node.body.map((x) => x.id)).toEqual([para.id, para2.id]);
    const c = removeBlock(b, 'I1', para.id);
    expect(findSection(c.sections, 'I1')!.node.body.map((x) => x.id)).toEqual([para2.id]);
  });

  it('lists review flags in document order and clears them one by one', () => {
    const p = plan();
    p.bases = [{ id: 'b1', text: 'Căn cứ …;', refs: [], flag: 'review' }];
    p.sections = [{ ...p.sections[0]!, flag: 'review', body: [{ kind: 'paragraph', id: 'x1', runs: [{ text: '?' }], flag: 'review' }] }, p.sections[1]!];
    p.closing = [{ kind: 'paragraph', id: 'c1', runs: [{ text: 'Trên đây' }], flag: 'review' }];
    p.appendices = [
      {
        id: 'a',
        heading: 'PHỤ LỤC',
        subtitle: [],
        blocks: [{ kind: 'quarterly', id: 'q', groups: [{ id: 'g', quarter: 1, label: null, tasks: [{ id: 't1', title: 'x', lead: [], coordinating: [], flag: 'review' }] }] }],
      },
    ];
    expect(reviewItems(p)).toEqual([
      { id: 'b1', area: 'bases' },
      { id: 'I', area: 'sections' },
      { id: 'x1', area: 'sections' },
      { id: 'c1', area: 'closing' },
      { id: 't1', area: 'appendices' },
    ]);
    let q = p;
    for (const id of ['x1', 't1', 'b1', 'I', 'c1']) {
      const before = reviewItems(q).length;
      q = clearFlag(q, id);
      expect(reviewItems(q).length).toBe(before - 1);
    }
    expect(clearFlag(q, 'I')).toBe(q);
    expect(q.sections[1]).toBe(p.sections[1]);
  });

  it('normalises runs: merges equal formatting, drops empties, NFC', () => {
    const decomposed = 'Vie\u0302\u0323t';
    expect(normaliseRuns([{ text: 'a', bold: true }, { text: '' }, { text: 'b', bold: true }, { text: decomposed, bold: false }])).toEqual([
      { text: 'ab', bold: true },
      { text: 'Việt' },
    ]);
    expect(runsEqual([{ text: 'x', bold: false }], [{ text: 'x' }])).toBe(true);
    expect(runsEqual([{ text: 'x', bold: true }], [{ text: 'x' }])).toBe(false);
  });

  it('works on a real template plan', () => {
    const p = createPlanFromTemplate('tdkt-work-plan', {
      year: 2026,
      office: { agency: 'SỞ NỘI VỤ', parentAgency: 'UBND TỈNH LÀO CAI', abbreviation: 'SNV', place: 'Lào Cai', headTitle: 'GIÁM ĐỐC', headName: '' },
    });
    const [first, second] = p.sections;
    const moved = moveDown(p, first!.id);
    expect(moved.sections[0]!.id).toBe(second!.id);
    expect(labels(moved)[first!.id]).toBe('II.');
    const part = second!.children[1]!;
    const ind = indent(p, part.id);
    expect(findSection(ind.sections, part.id)!.parent!.id).toBe(second!.children[0]!.id);
  });
});
