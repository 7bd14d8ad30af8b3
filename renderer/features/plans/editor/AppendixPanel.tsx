// "Phụ lục": appendices with their heading, subtitle lines and blocks (paragraphs, generic
// tables, the quarterly task table).
import { useEffect, useState } from 'react';
import { Button, Checkbox, Group, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { AppendixBlock, Plan, PlanAppendix, PlanRun, QuarterlyTaskTable } from '../../../../shared/plans/model';
import { useEditor, newNodeId } from '../editorStore';
import { T } from '../strings';
import { RichText } from './RichText';
import { GenericTableEditor, QuarterlyTableEditor } from './TableEditors';
import { ReviewBadge } from './ReviewBadge';
import { focusEditable, useEditorUi } from './ui';

const apply = (fn: (p: Plan) => Plan, key?: string) => useEditor.getState().apply(fn, key ? { key } : undefined);

function editAppendix(id: string, fn: (a: PlanAppendix) => PlanAppendix, key?: string) {
  apply((p) => ({ ...p, appendices: p.appendices.map((a) => (a.id === id ? fn(a) : a)) }), key);
}

function editBlock(appendixId: string, blockId: string, fn: (b: AppendixBlock) => AppendixBlock, key?: string) {
  editAppendix(appendixId, (a) => ({ ...a, blocks: a.blocks.map((b) => (b.id === blockId ? fn(b) : b)) }), key);
}

function emptyQuarterly(): QuarterlyTaskTable {
  return {
    kind: 'quarterly',
    id: newNodeId(),
    groups: ([1, 2, 3, 4] as const).map((q) => ({ id: newNodeId(), quarter: q, label: null, tasks: [{ id: newNodeId(), title: '', lead: [], coordinating: [] }] })),
  };
}

/** Subtitle lines as one textarea, kept as typed (trailing empty line while typing). */
function SubtitleInput({ value, onChange }: { value: string[]; onChange(v: string[]): void }) {
  const [text, setText] = useState(value.join('\n'));
  useEffect(() => {
    setText((cur) => (cur.split('\n').join('\u0000') === value.join('\u0000') ? cur : value.join('\n')));
  }, [value]);
  return (
    <Textarea
      label={T.appendix.subtitle}
      autosize
      minRows={1}
      value={text}
      onChange={(e) => {
        const v = e.currentTarget.value;
        setText(v);
        onChange(v.split('\n'));
      }}
    />
  );
}

function BlockEditor({ appendixId, block }: { appendixId: string; block: AppendixBlock }) {
  const flash = useEditorUi((s) => s.flash === block.id);
  const remove = () => editAppendix(appendixId, (a) => ({ ...a, blocks: a.blocks.filter((b) => b.id !== block.id) }));
  const cls = `plan-block${block.flag ? ' review' : ''}${flash ? ' flash' : ''}`;
  switch (block.kind) {
    case 'paragraph':
      return (
        <div className={`plan-para free${block.flag ? ' review' : ''}${flash ? ' flash' : ''}`} data-node-id={block.id}>
          <span className="plan-para-mark" aria-hidden>
            ¶
          </span>
          <RichText
            runs={block.runs}
            editId={block.id}
            multiline
            placeholder={T.header.paragraphPlaceholder}
            onChange={(runs: PlanRun[]) => editBlock(appendixId, block.id, (b) => (b.kind === 'paragraph' ? { ...b, runs } : b), `ap:${block.id}`)}
          />
          {block.flag && <ReviewBadge id={block.id} />}
          <Button className="plan-hover-tool" size="compact-xs" variant="subtle" color="gray" onClick={remove}>
            ✕
          </Button>
        </div>
      );
    case 'table':
      return (
        <div className={cls} data-node-id={block.id}>
          {block.flag && <ReviewBadge id={block.id} />}
          <GenericTableEditor table={block} onChange={(fn, key) => editBlock(appendixId, block.id, (b) => (b.kind === 'table' ? fn(b) : b), key)} onRemove={remove} />
        </div>
      );
    case 'quarterly':
      return (
        <div className={cls} data-node-id={block.id}>
          <Group gap="xs" mb={4}>
            <Text size="sm" fw={600}>
              {T.appendix.quarterly}
            </Text>
            {block.flag && <ReviewBadge id={block.id} />}
          </Group>
          <QuarterlyTableEditor table={block} onChange={(fn, key) => editBlock(appendixId, block.id, (b) => (b.kind === 'quarterly' ? fn(b) : b), key)} onRemove={remove} />
        </div>
      );
  }
}

function AppendixCard({ a, index }: { a: PlanAppendix; index: number }) {
  const addBlock = (block: AppendixBlock) => {
    editAppendix(a.id, (x) => ({ ...x, blocks: [...x.blocks, block] }));
    if (block.kind === 'paragraph') focusEditable(block.id);
  };
  return (
    <Paper withBorder p="sm" data-testid="appendix">
      <Stack gap="xs">
        <Group align="flex-end" gap="sm">
          <TextInput
            style={{ flex: 1 }}
            label={T.appendix.heading}
            value={a.heading}
            onChange={(e) => {
              const v = e.currentTarget.value;
              editAppendix(a.id, (x) => ({ ...x, heading: v }), `apx:${a.id}:heading`);
            }}
          />
          <Checkbox
            mb={8}
            label={T.appendix.landscape}
            checked={!!a.landscape}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              editAppendix(a.id, (x) => {
                const copy = { ...x };
                if (on) copy.landscape = true;
                else delete copy.landscape;
                return copy;
              });
            }}
          />
        </Group>
        <SubtitleInput value={a.subtitle} onChange={(subtitle) => editAppendix(a.id, (x) => ({ ...x, subtitle }), `apx:${a.id}:sub`)} />
        {a.blocks.map((b) => (
          <BlockEditor key={b.id} appendixId={a.id} block={b} />
        ))}
        <Group gap="xs">
          <Button size="compact-xs" variant="light" onClick={() => addBlock({ kind: 'paragraph', id: newNodeId(), runs: [] })}>
            + {T.appendix.addParagraph}
          </Button>
          <Button size="compact-xs" variant="light" onClick={() => addBlock(emptyQuarterly())}>
            + {T.appendix.addTaskTable}
          </Button>
          <Button size="compact-xs" variant="light" onClick={() => addBlock({ kind: 'table', id: newNodeId(), header: ['', ''], rows: [{ cells: ['', ''] }] })}>
            + {T.appendix.addTable}
          </Button>
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            ml="auto"
            onClick={() =>
              modals.openConfirmModal({
                title: `${T.appendix.remove} ${index + 1}`,
                children: <Text size="sm">{T.appendix.removeConfirm}</Text>,
                labels: { confirm: T.delete, cancel: T.cancel },
                confirmProps: { color: 'red' },
                onConfirm: () => apply((p) => ({ ...p, appendices: p.appendices.filter((x) => x.id !== a.id) })),
              })
            }
          >
            {T.appendix.remove}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function AppendixPanel() {
  const appendices = useEditor((s) => s.plan?.appendices) ?? [];
  const add = (blocks: AppendixBlock[]) =>
    apply((p) => ({ ...p, appendices: [...p.appendices, { id: newNodeId(), heading: T.appendix.defaultHeading, subtitle: [], blocks, ...(blocks.some((b) => b.kind === 'quarterly') ? { landscape: true } : {}) }] }));
  return (
    <Stack gap="md" p="xs">
      {appendices.length === 0 && (
        <Text size="sm" c="dimmed">
          {T.appendix.empty}
        </Text>
      )}
      {appendices.map((a, i) => (
        <AppendixCard key={a.id} a={a} index={i} />
      ))}
      <Group gap="xs">
        <Button size="xs" variant="light" onClick={() => add([emptyQuarterly()])}>
          + {T.appendix.addQuarterly}
        </Button>
        <Button size="xs" variant="subtle" onClick={() => add([])}>
          + {T.appendix.add}
        </Button>
      </Group>
    </Stack>
  );
}
