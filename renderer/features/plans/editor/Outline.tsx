// The section tree editor: generated labels, headings and body paragraphs inline, add /
// delete (with undo), reorder by drag and drop and by keyboard, indent / outdent, styles.
import { memo, useCallback, type DragEvent, type KeyboardEvent } from 'react';
import { ActionIcon, Button, Group, Menu, NativeSelect, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { LABEL_STYLES, type LabelStyle, type PlanBlock, type PlanRun, type PlanSection } from '../../../../shared/plans/model';
import { useEditor, newNodeId } from '../editorStore';
import {
  appendChild,
  childStyleOf,
  findSection,
  headingIsBoldByDefault,
  indent,
  insertBlock,
  insertSiblingAfter,
  moveDown,
  moveSection,
  moveUp,
  newParagraph,
  newSection,
  outdent,
  removeBlock,
  removeSection,
  restoreSection,
  setStyle,
  updateBlock,
  updateSection,
  type DropPosition,
} from '../tree';
import { STYLE_LABELS, STYLE_TITLES, T } from '../strings';
import { RichText, SECTION_MIME } from './RichText';
import { GenericTableEditor } from './TableEditors';
import { ReviewBadge } from './ReviewBadge';
import { caretOffset } from './runs-dom';
import { focusEditable, labelsOf, useEditorUi } from './ui';

const apply = (...args: Parameters<ReturnType<typeof useEditor.getState>['apply']>) => useEditor.getState().apply(...args);

/** Remove a section and offer to put it back ("Hoàn tác" in the notification; Ctrl+Z works too). */
export function deleteSection(id: string) {
  const plan = useEditor.getState().plan;
  if (!plan) return;
  const label = labelsOf(plan.sections).get(id) ?? '';
  const loc = findSection(plan.sections, id);
  const { removed } = removeSection(plan, id);
  if (!removed || !loc) return;
  apply((p) => removeSection(p, id).plan);
  // focus the previous sibling (or the parent) so the keyboard stays in the outline
  const neighbour = loc.siblings[loc.index - 1] ?? loc.siblings[loc.index + 1] ?? loc.parent;
  if (neighbour) focusEditable(neighbour.id);
  const nid = `removed-${id}`;
  notifications.show({
    id: nid,
    color: 'gray',
    autoClose: 8000,
    title: T.outline.removed(label),
    message: (
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm">{T.outline.removedBody}</Text>
        <Button
          size="compact-sm"
          variant="light"
          data-testid="undo-remove"
          onClick={() => {
            apply((p) => restoreSection(p, removed));
            notifications.hide(nid);
            focusEditable(id);
          }}
        >
          {T.undo}
        </Button>
      </Group>
    ),
  });
}

function addSiblingAfter(node: PlanSection) {
  const s = newSection(newNodeId, node.style);
  apply((p) => insertSiblingAfter(p, node.id, s));
  focusEditable(s.id);
}

function addChild(node: PlanSection) {
  const last = node.children[node.children.length - 1];
  const s = newSection(newNodeId, last ? last.style : childStyleOf(node.style));
  useEditorUi.getState().expand([node.id]);
  apply((p) => appendChild(p, node.id, s));
  focusEditable(s.id);
}

function addParagraph(sectionId: string, afterBlockId: string | null) {
  const para = newParagraph(newNodeId);
  apply((p) => insertBlock(p, sectionId, afterBlockId, para));
  focusEditable(para.id);
}

function addTable(sectionId: string) {
  const table: PlanBlock = { kind: 'table', id: newNodeId(), header: ['', ''], rows: [{ cells: ['', ''] }] };
  const plan = useEditor.getState().plan;
  const last = plan ? findSection(plan.sections, sectionId)?.node.body.at(-1) : undefined;
  apply((p) => insertBlock(p, sectionId, last?.id ?? null, table));
}

/** Keyboard moves for the focused section (heading or any control of its row). */
function structuralKey(e: KeyboardEvent, id: string) {
  // only from the heading or the row's own focus point: the style select and the buttons keep Tab
  const from = e.target as HTMLElement;
  if (!from.isContentEditable && !from.hasAttribute('data-row-focus')) return;
  let op: ((p: NonNullable<ReturnType<typeof useEditor.getState>['plan']>) => ReturnType<typeof moveUp>) | null = null;
  if (e.altKey && !e.ctrlKey && e.key === 'ArrowUp') op = (p) => moveUp(p, id);
  else if (e.altKey && !e.ctrlKey && e.key === 'ArrowDown') op = (p) => moveDown(p, id);
  else if ((e.key === 'Tab' && !e.shiftKey && !e.altKey && !e.ctrlKey) || (e.altKey && !e.ctrlKey && e.key === 'ArrowRight')) op = (p) => indent(p, id);
  else if ((e.key === 'Tab' && e.shiftKey && !e.altKey && !e.ctrlKey) || (e.altKey && !e.ctrlKey && e.key === 'ArrowLeft')) op = (p) => outdent(p, id);
  if (!op) return;
  e.preventDefault();
  e.stopPropagation();
  const target = e.target as HTMLElement;
  const offset = target.isContentEditable ? caretOffset(target) : null;
  const before = useEditor.getState().plan;
  apply(op);
  const after = useEditor.getState().plan;
  if (after && after !== before) {
    // an indented node's new parent must be open to show it
    const loc = findSection(after.sections, id);
    if (loc?.parent) useEditorUi.getState().expand([loc.parent.id]);
  }
  if (target.isContentEditable) focusEditable(id, offset);
  else requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(id)}"] [data-row-focus]`)?.focus());
}

function dropPosition(e: DragEvent<HTMLElement>): DropPosition {
  const r = e.currentTarget.getBoundingClientRect();
  const y = (e.clientY - r.top) / Math.max(1, r.height);
  if (y < 0.3) return 'before';
  if (y > 0.7) return 'after';
  return 'inside';
}

const ParagraphRow = memo(function ParagraphRow({ sectionId, block }: { sectionId: string; block: PlanBlock }) {
  const flash = useEditorUi((s) => s.flash === block.id);
  const onChange = useCallback(
    (runs: PlanRun[]) =>
      apply((p) => updateBlock(p, sectionId, block.id, (b) => (b.kind === 'paragraph' ? { ...b, runs } : b)), { key: `para:${block.id}` }),
    [sectionId, block.id],
  );
  if (block.kind === 'table') {
    return (
      <div className={`plan-block${block.flag ? ' review' : ''}${flash ? ' flash' : ''}`} data-node-id={block.id}>
        {block.flag && <ReviewBadge id={block.id} />}
        <GenericTableEditor
          table={block}
          onChange={(fn, key) => apply((p) => updateBlock(p, sectionId, block.id, (b) => (b.kind === 'table' ? fn(b) : b)), key ? { key } : undefined)}
          onRemove={() => apply((p) => removeBlock(p, sectionId, block.id))}
        />
      </div>
    );
  }
  return (
    <div className={`plan-para${block.flag ? ' review' : ''}${flash ? ' flash' : ''}`} data-node-id={block.id} data-testid="section-paragraph">
      <span className="plan-para-mark" aria-hidden>
        ¶
      </span>
      <RichText
        runs={block.runs}
        editId={block.id}
        multiline
        placeholder={T.header.paragraphPlaceholder}
        onChange={onChange}
        onEnter={() => addParagraph(sectionId, block.id)}
        onKeyDown={(e) => {
          if (e.key === 'Backspace' && block.runs.length === 0) {
            e.preventDefault();
            const plan = useEditor.getState().plan;
            const sec = plan ? findSection(plan.sections, sectionId)?.node : undefined;
            const i = sec ? sec.body.findIndex((b) => b.id === block.id) : -1;
            const prev = sec && i > 0 ? sec.body[i - 1] : undefined;
            apply((p) => removeBlock(p, sectionId, block.id));
            focusEditable(prev?.kind === 'paragraph' ? prev.id : sectionId);
          }
        }}
        testId="paragraph-text"
      />
      {block.flag && <ReviewBadge id={block.id} />}
      <Tooltip label={T.outline.removeParagraph} openDelay={400}>
        <ActionIcon
          className="plan-hover-tool"
          size="sm"
          variant="subtle"
          color="gray"
          aria-label={T.outline.removeParagraph}
          onClick={() => {
            apply((p) => removeBlock(p, sectionId, block.id));
            notifications.show({ color: 'gray', message: T.outline.paragraphRemoved, autoClose: 3000 });
          }}
        >
          ✕
        </ActionIcon>
      </Tooltip>
    </div>
  );
});

const SectionNode = memo(function SectionNode({ node, depth }: { node: PlanSection; depth: number }) {
  const label = useEditor((s) => (s.plan ? (labelsOf(s.plan.sections).get(node.id) ?? '') : ''));
  const collapsed = useEditorUi((s) => s.collapsed.has(node.id));
  const drop = useEditorUi((s) => (s.drop?.id === node.id ? s.drop.pos : null));
  const dragging = useEditorUi((s) => s.dragging === node.id);
  const flash = useEditorUi((s) => s.flash === node.id);
  const hasInner = node.children.length > 0 || node.body.length > 0;

  const onHeading = useCallback(
    (heading: PlanSection['heading']) =>
      apply(
        (p) =>
          updateSection(p, node.id, (s) => {
            // the first words typed into an empty item/part heading are bold, as headings are typed
            const typedFresh = s.heading.length === 0 && headingIsBoldByDefault(s.style) && heading.every((r) => !r.bold && !r.italic && !r.underline);
            return { ...s, heading: typedFresh ? heading.map((r) => ({ ...r, bold: true })) : heading };
          }),
        { key: `heading:${node.id}` },
      ),
    [node.id],
  );

  const headClass = [
    'plan-node-head',
    node.flag ? 'review' : '',
    flash ? 'flash' : '',
    drop ? `drop-${drop}` : '',
    dragging ? 'dragging' : '',
    `style-${node.style}`,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="plan-node" data-node-id={node.id} data-depth={depth} data-testid="section-node">
      <div
        className={headClass}
        data-testid="section-row"
        data-section-id={node.id}
        onKeyDown={(e) => structuralKey(e, node.id)}
        onDragOver={(e) => {
          const from = useEditorUi.getState().dragging;
          if (!from || !e.dataTransfer.types.includes(SECTION_MIME)) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = 'move';
          useEditorUi.getState().setDrop(from === node.id ? null : { id: node.id, pos: dropPosition(e) });
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null) && useEditorUi.getState().drop?.id === node.id) useEditorUi.getState().setDrop(null);
        }}
        onDrop={(e) => {
          const from = useEditorUi.getState().dragging ?? e.dataTransfer.getData(SECTION_MIME);
          if (!from) return;
          e.preventDefault();
          const pos = dropPosition(e);
          useEditorUi.getState().setDragging(null);
          if (from === node.id) return;
          if (pos === 'inside') useEditorUi.getState().expand([node.id]);
          apply((p) => moveSection(p, from, node.id, pos));
        }}
      >
        <Tooltip label={T.outline.drag} openDelay={500}>
          <span
            className="plan-drag"
            draggable
            role="button"
            tabIndex={-1}
            aria-label={T.outline.drag}
            data-testid="section-drag"
            onDragStart={(e) => {
              e.dataTransfer.setData(SECTION_MIME, node.id);
              e.dataTransfer.effectAllowed = 'move';
              const row = e.currentTarget.closest('.plan-node-head');
              if (row) e.dataTransfer.setDragImage(row, 12, 12);
              useEditorUi.getState().setDragging(node.id);
            }}
            onDragEnd={() => useEditorUi.getState().setDragging(null)}
          >
            ⠿
          </span>
        </Tooltip>
        <button
          type="button"
          className="plan-toggle"
          data-row-focus
          aria-label={collapsed ? T.outline.expand : T.outline.collapse}
          aria-expanded={hasInner ? !collapsed : undefined}
          onClick={() => hasInner && useEditorUi.getState().toggle(node.id)}
          style={{ visibility: hasInner ? 'visible' : 'hidden' }}
        >
          {collapsed ? '▸' : '▾'}
        </button>
        <span className="plan-label" data-testid="section-label" title={STYLE_TITLES[node.style]}>
          {label || '·'}
        </span>
        <RichText
          runs={node.heading}
          editId={node.id}
          className="plan-heading"
          placeholder={T.outline.headingPlaceholder}
          onChange={onHeading}
          onEnter={() => addSiblingAfter(node)}
          testId="section-heading"
        />
        {collapsed && hasInner && (
          <Text size="xs" c="dimmed" className="plan-collapsed-note">
            {T.outline.childCount(node.children.length)}
          </Text>
        )}
        {node.flag && <ReviewBadge id={node.id} />}
        <div className="plan-tools">
          <NativeSelect
            size="xs"
            aria-label={T.outline.style}
            title={T.outline.style}
            data={LABEL_STYLES.map((s) => ({ value: s, label: STYLE_LABELS[s] }))}
            value={node.style}
            onChange={(e) => apply((p) => setStyle(p, node.id, e.currentTarget.value as LabelStyle))}
            className="plan-style"
            data-testid="section-style"
          />
          <Tooltip label={T.outline.addSibling} openDelay={400}>
            <ActionIcon size="sm" variant="subtle" color="gray" aria-label={T.outline.addSibling} onClick={() => addSiblingAfter(node)} data-testid="section-add-sibling">
              +
            </ActionIcon>
          </Tooltip>
          <Tooltip label={T.outline.addChild} openDelay={400}>
            <ActionIcon size="sm" variant="subtle" color="gray" aria-label={T.outline.addChild} onClick={() => addChild(node)} data-testid="section-add-child">
              ↳
            </ActionIcon>
          </Tooltip>
          <Tooltip label={T.outline.addParagraph} openDelay={400}>
            <ActionIcon
              size="sm"
              variant="subtle"
              color="gray"
              aria-label={T.outline.addParagraph}
              onClick={() => addParagraph(node.id, node.body.at(-1)?.id ?? null)}
              data-testid="section-add-paragraph"
            >
              ¶
            </ActionIcon>
          </Tooltip>
          <Menu position="bottom-end" withinPortal shadow="md">
            <Menu.Target>
              <ActionIcon size="sm" variant="subtle" color="gray" aria-label={T.outline.more} data-testid="section-more">
                ⋯
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item rightSection={<Kbd>Alt+↑</Kbd>} onClick={() => apply((p) => moveUp(p, node.id))}>
                {T.outline.moveUp}
              </Menu.Item>
              <Menu.Item rightSection={<Kbd>Alt+↓</Kbd>} onClick={() => apply((p) => moveDown(p, node.id))}>
                {T.outline.moveDown}
              </Menu.Item>
              <Menu.Item rightSection={<Kbd>Tab</Kbd>} onClick={() => apply((p) => indent(p, node.id))}>
                {T.outline.indent}
              </Menu.Item>
              <Menu.Item rightSection={<Kbd>Shift+Tab</Kbd>} onClick={() => apply((p) => outdent(p, node.id))}>
                {T.outline.outdent}
              </Menu.Item>
              <Menu.Item onClick={() => addTable(node.id)}>{T.outline.addTable}</Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" onClick={() => deleteSection(node.id)} data-testid="section-delete">
                {T.outline.remove}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </div>
      </div>
      {!collapsed && hasInner && (
        <div className="plan-node-inner">
          {node.body.map((b) => (
            <ParagraphRow key={b.id} sectionId={node.id} block={b} />
          ))}
          {node.children.map((c) => (
            <SectionNode key={c.id} node={c} depth={depth + 1} />
          ))}
        </div>
      )}
    </div>
  );
});

function Kbd({ children }: { children: string }) {
  return (
    <Text size="xs" c="dimmed" ff="monospace">
      {children}
    </Text>
  );
}

export function Outline() {
  const sections = useEditor((s) => s.plan?.sections);
  if (!sections) return null;
  const addPart = () => {
    const last = sections.at(-1);
    const s = newSection(newNodeId, last ? last.style : 'roman');
    apply((p) => appendChild(p, null, s));
    focusEditable(s.id);
  };
  return (
    <div className="plan-outline" aria-label={T.editor.tabs.content} data-testid="plan-outline">
      {sections.length === 0 && (
        <Text c="dimmed" size="sm" p="sm">
          {T.outline.empty}
        </Text>
      )}
      {sections.map((s) => (
        <SectionNode key={s.id} node={s} depth={1} />
      ))}
      <Button variant="light" size="xs" mt="sm" onClick={addPart} data-testid="section-add-part">
        + {T.outline.addPart}
      </Button>
    </div>
  );
}
