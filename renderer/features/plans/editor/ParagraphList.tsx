// Free paragraphs before the first section (preamble) and after the last (closing).
import { memo, useCallback } from 'react';
import { ActionIcon, Button, Tooltip } from '@mantine/core';
import { runsPlain, type PlanParagraph, type PlanRun } from '../../../../shared/plans/model';
import { extractDocReferences } from '../../../../shared/plans/references';
import { useEditor, newNodeId } from '../editorStore';
import { newParagraph } from '../tree';
import { T } from '../strings';
import { RichText } from './RichText';
import { ReviewBadge } from './ReviewBadge';
import { focusEditable, useEditorUi } from './ui';

type Field = 'preamble' | 'closing';

function withRuns(p: PlanParagraph, runs: PlanRun[], trackRefs: boolean): PlanParagraph {
  const next: PlanParagraph = { ...p, runs };
  if (trackRefs) {
    const refs = extractDocReferences(runsPlain(runs));
    if (refs.length) next.refs = refs;
    else delete next.refs;
  }
  return next;
}

function edit(field: Field, fn: (list: PlanParagraph[]) => PlanParagraph[], key?: string) {
  useEditor.getState().apply((p) => ({ ...p, [field]: fn(p[field]) }), key ? { key } : undefined);
}

function insertAfter(field: Field, afterId: string | null) {
  const para = newParagraph(newNodeId);
  edit(field, (list) => {
    const i = afterId === null ? list.length : list.findIndex((x) => x.id === afterId) + 1;
    return [...list.slice(0, i), para, ...list.slice(i)];
  });
  focusEditable(para.id);
}

const Row = memo(function Row({ field, para, placeholder }: { field: Field; para: PlanParagraph; placeholder: string }) {
  const flash = useEditorUi((s) => s.flash === para.id);
  const onChange = useCallback(
    (runs: PlanRun[]) => edit(field, (list) => list.map((x) => (x.id === para.id ? withRuns(x, runs, field === 'preamble') : x)), `${field}:${para.id}`),
    [field, para.id],
  );
  return (
    <div className={`plan-para free${para.flag ? ' review' : ''}${flash ? ' flash' : ''}`} data-node-id={para.id} data-testid={`${field}-paragraph`}>
      <span className="plan-para-mark" aria-hidden>
        ¶
      </span>
      <RichText runs={para.runs} editId={para.id} multiline placeholder={placeholder} onChange={onChange} onEnter={() => insertAfter(field, para.id)} />
      {para.flag && <ReviewBadge id={para.id} />}
      <Tooltip label={T.outline.removeParagraph} openDelay={400}>
        <ActionIcon
          className="plan-hover-tool"
          size="sm"
          variant="subtle"
          color="gray"
          aria-label={T.outline.removeParagraph}
          onClick={() => edit(field, (list) => list.filter((x) => x.id !== para.id))}
        >
          ✕
        </ActionIcon>
      </Tooltip>
    </div>
  );
});

export function ParagraphList({ field, addLabel, placeholder }: { field: Field; addLabel: string; placeholder: string }) {
  const list = useEditor((s) => s.plan?.[field]) ?? [];
  return (
    <div className="plan-paragraphs">
      {list.map((p) => (
        <Row key={p.id} field={field} para={p} placeholder={placeholder} />
      ))}
      <Button size="compact-xs" variant="subtle" onClick={() => insertAfter(field, null)} data-testid={`${field}-add`}>
        + {addLabel}
      </Button>
    </div>
  );
}
