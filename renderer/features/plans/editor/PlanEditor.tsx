// The plan editor: structured editing on the left, the live print preview on the right,
// autosave, undo/redo, review flags, export, print and issuing.
import { useEffect, useMemo, useRef, useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Center, Group, Loader, Menu, Popover, Stack, Table, Tabs, Text, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { call, saveFile } from '../../../lib/api';
import { saveStatusText, useEditor } from '../editorStore';
import { reviewItems } from '../tree';
import { PLAN_STATUS_LABELS, T } from '../strings';
import { Outline } from './Outline';
import { HeaderPanel } from './HeaderPanel';
import { FooterPanel } from './FooterPanel';
import { AppendixPanel } from './AppendixPanel';
import { Preview, type PreviewHandle } from './Preview';
import { toggleFormat } from './RichText';
import { AREA_TAB, revealNode, useEditorUi, type EditorTab } from './ui';
import { AuditHistoryButton } from '../../audit/AuditHistoryButton';
import { useLeaveGuard } from '../../../lib/leave-guard';
import { useWindowTitle } from '../../../lib/window-title';

/** left pane width (%) remembered per kind of tab: tables need more room than the outline */
const splitKey = (tab: EditorTab) => (tab === 'appendices' ? 'tdkt.plans.split.wide' : 'tdkt.plans.split');
const splitDefault = (tab: EditorTab) => (tab === 'appendices' ? 66 : 52);
const readSplit = (tab: EditorTab) => Number(localStorage.getItem(splitKey(tab))) || splitDefault(tab);

function SaveStatus() {
  const saveState = useEditor((s) => s.saveState);
  const lastSavedAt = useEditor((s) => s.lastSavedAt);
  // teal 9 and red 9: 4.5:1 or more on white (teal 8 was 3.9:1)
  const color = saveState === 'error' ? 'red.9' : saveState === 'saved' || saveState === 'idle' ? 'teal.9' : 'dimmed';
  return (
    <Text size="xs" c={color} data-testid="save-status" data-state={saveState} style={{ whiteSpace: 'nowrap' }}>
      {saveStatusText(saveState, lastSavedAt)}
    </Text>
  );
}

function SaveErrorBanner() {
  const err = useEditor((s) => s.saveError);
  const [busy, setBusy] = useState(false);
  if (!err) return null;
  if (err.code === 'CONFLICT')
    return (
      <Alert color="orange" title={T.editor.conflictTitle} py="xs" data-testid="save-conflict">
        <Stack gap="xs">
          <Text size="sm">{err.message}</Text>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => void useEditor.getState().reloadFromServer()} data-testid="conflict-reload">
              {T.editor.reload}
            </Button>
            <Button
              size="xs"
              color="orange"
              loading={busy}
              onClick={() => {
                setBusy(true);
                void useEditor
                  .getState()
                  .overwrite()
                  .finally(() => setBusy(false));
              }}
            >
              {T.editor.overwrite}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  return (
    <Alert color="red" title={T.editor.saveErrorTitle} py="xs" data-testid="save-error">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Text size="sm">{err.message}</Text>
          <Text size="xs" c="dimmed">
            {T.editor.saveErrorHint}
          </Text>
        </Stack>
        <Button size="xs" variant="default" onClick={() => void useEditor.getState().flush()}>
          {T.editor.retry}
        </Button>
      </Group>
    </Alert>
  );
}

function ReviewNavigator() {
  const plan = useEditor((s) => s.plan);
  const items = useMemo(() => (plan ? reviewItems(plan) : []), [plan]);
  const [pos, setPos] = useState(-1);
  if (items.length === 0) return null;
  const go = (delta: 1 | -1) => {
    const next = pos < 0 ? (delta > 0 ? 0 : items.length - 1) : (pos + delta + items.length) % items.length;
    setPos(next);
    const item = items[next]!;
    useEditorUi.getState().setTab(AREA_TAB[item.area]);
    if (item.area === 'sections' && plan) {
      // open every collapsed ancestor of the item
      const ancestors: string[] = [];
      const walk = (list: typeof plan.sections, trail: string[]): boolean => {
        for (const s of list) {
          if (s.id === item.id || s.body.some((b) => b.id === item.id)) {
            ancestors.push(...trail, s.id);
            return true;
          }
          if (walk(s.children, [...trail, s.id])) return true;
        }
        return false;
      };
      walk(plan.sections, []);
      useEditorUi.getState().expand(ancestors);
    }
    revealNode(item.id);
  };
  return (
    <Group gap={2} wrap="nowrap" data-testid="review-nav">
      <Tooltip label={T.editor.reviewPrev}>
        <ActionIcon size="sm" variant="light" color="yellow" aria-label={T.editor.reviewPrev} onClick={() => go(-1)}>
          ‹
        </ActionIcon>
      </Tooltip>
      <Badge color="yellow" variant="filled" tt="none" style={{ cursor: 'pointer', flexShrink: 0 }} onClick={() => go(1)} data-testid="review-count">
        {T.editor.review(items.length)}
        {pos >= 0 && pos < items.length ? ` · ${T.editor.reviewPos(pos + 1, items.length)}` : ''}
      </Badge>
      <Tooltip label={T.editor.reviewNext}>
        <ActionIcon size="sm" variant="light" color="yellow" aria-label={T.editor.reviewNext} onClick={() => go(1)} data-testid="review-next">
          ›
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

function ShortcutHelp() {
  return (
    <Popover position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Button size="compact-xs" variant="subtle" color="gray">
          {T.editor.shortcuts}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Table withRowBorders={false} verticalSpacing={2} fz="xs">
          <Table.Tbody>
            {T.shortcutList.map(([k, v]) => (
              <Table.Tr key={k}>
                <Table.Td style={{ whiteSpace: 'nowrap', fontFamily: 'monospace' }}>{k}</Table.Td>
                <Table.Td>{v}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Popover.Dropdown>
    </Popover>
  );
}

function FormatBar() {
  const canUndo = useEditor((s) => s.past.length > 0);
  const canRedo = useEditor((s) => s.future.length > 0);
  const keep = (e: React.MouseEvent) => e.preventDefault(); // keep the selection in the text
  return (
    <div className="plan-format-bar">
      <Tooltip label={T.editor.bold} openDelay={300}>
        <ActionIcon variant="subtle" color="dark" aria-label={T.editor.bold} onMouseDown={keep} onClick={() => toggleFormat('bold')} data-testid="format-bold">
          <b>B</b>
        </ActionIcon>
      </Tooltip>
      <Tooltip label={T.editor.italic} openDelay={300}>
        <ActionIcon variant="subtle" color="dark" aria-label={T.editor.italic} onMouseDown={keep} onClick={() => toggleFormat('italic')} data-testid="format-italic">
          <i style={{ fontFamily: 'serif' }}>I</i>
        </ActionIcon>
      </Tooltip>
      <Tooltip label={T.editor.underline} openDelay={300}>
        <ActionIcon variant="subtle" color="dark" aria-label={T.editor.underline} onMouseDown={keep} onClick={() => toggleFormat('underline')}>
          <u>U</u>
        </ActionIcon>
      </Tooltip>
      <span className="sep" />
      <Tooltip label={T.editor.undo} openDelay={300}>
        <ActionIcon variant="subtle" color="dark" aria-label={T.editor.undo} disabled={!canUndo} onMouseDown={keep} onClick={() => useEditor.getState().undo()} data-testid="undo">
          ↶
        </ActionIcon>
      </Tooltip>
      <Tooltip label={T.editor.redo} openDelay={300}>
        <ActionIcon variant="subtle" color="dark" aria-label={T.editor.redo} disabled={!canRedo} onMouseDown={keep} onClick={() => useEditor.getState().redo()} data-testid="redo">
          ↷
        </ActionIcon>
      </Tooltip>
      <span style={{ flex: 1 }} />
      <ShortcutHelp />
    </div>
  );
}

export function PlanEditor({ id, onBack }: { id: string; onBack(): void }) {
  const plan = useEditor((s) => s.plan);
  const record = useEditor((s) => s.record);
  const loading = useEditor((s) => s.loading);
  const loadError = useEditor((s) => s.loadError);
  const tab = useEditorUi((s) => s.tab);
  const preview = useRef<PreviewHandle>(null);
  const panes = useRef<HTMLDivElement>(null);
  const [split, setSplit] = useState(() => readSplit(tab));
  const [dragSplit, setDragSplit] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  // a save that failed (a conflict, an error): the editor is the only place the edits live, so
  // another screen, F1 or closing the window asks first (its own "Danh sách" refuses to leave)
  const saveFailed = useEditor((s) => s.saveState === 'error');
  useLeaveGuard(saveFailed ? T.editor.unsavedLeave : null);
  // "Kế hoạch … (25/KH-SNV)": the number once it has one ("Số:        /KH-SNV" has none yet)
  const number = record?.numberLine.replace(/^Số:\s*/, '') ?? '';
  useWindowTitle(record ? `${record.title}${number && !number.startsWith('/') ? ` (${number})` : ''}` : null);

  useEffect(() => {
    useEditorUi.getState().reset();
    void useEditor.getState().load(id);
    return () => {
      void useEditor.getState().close();
    };
  }, [id]);

  // undo/redo/save/print shortcuts and flushing when the window is hidden or closed
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      if (document.querySelector('.mantine-Modal-content')) return; // an open dialog keeps its own keys
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        useEditor.getState().undo();
      } else if (k === 'y' || (k === 'z' && e.shiftKey)) {
        e.preventDefault();
        useEditor.getState().redo();
      } else if (k === 's') {
        e.preventDefault();
        void useEditor.getState().flush();
      } else if (k === 'p') {
        e.preventDefault();
        preview.current?.print();
      }
    };
    const flushNow = () => void useEditor.getState().flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flushNow();
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flushNow);
    window.addEventListener('beforeunload', flushNow);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flushNow);
      window.removeEventListener('beforeunload', flushNow);
    };
  }, []);

  useEffect(() => {
    if (!dragSplit) return;
    const move = (e: PointerEvent) => {
      const r = panes.current?.getBoundingClientRect();
      if (!r) return;
      setSplit(Math.max(30, Math.min(80, ((e.clientX - r.left) / r.width) * 100)));
    };
    const up = () => setDragSplit(false);
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    return () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
  }, [dragSplit]);
  const wide = tab === 'appendices';
  useEffect(() => {
    setSplit(readSplit(wide ? 'appendices' : 'content'));
  }, [wide]);
  const endSplitDrag = useRef(false);
  useEffect(() => {
    if (dragSplit) endSplitDrag.current = true;
    else if (endSplitDrag.current) {
      endSplitDrag.current = false;
      localStorage.setItem(splitKey(useEditorUi.getState().tab), String(Math.round(split)));
    }
  }, [dragSplit, split]);

  if (loadError)
    return (
      <Stack maw={640}>
        <Alert color="red" title={T.failed}>
          {loadError}
        </Alert>
        <Button variant="default" onClick={onBack}>
          ← {T.editor.back}
        </Button>
      </Stack>
    );
  if (loading || !plan || !record || record.id !== id)
    return (
      <Center h="60vh">
        <Stack align="center" gap="xs">
          <Loader />
          <Text size="sm" c="dimmed">
            {T.editor.loading}
          </Text>
        </Stack>
      </Center>
    );

  const exportAs = async (format: 'docx' | 'pdf' | 'json') => {
    setBusy(format);
    try {
      await useEditor.getState().flush();
      const f = await call('plans.export', { id, format });
      saveFile(f);
      notifications.show({ color: 'green', message: T.editor.exported(f.fileName) });
    } catch (e) {
      notifications.show({ color: 'red', title: T.editor.exportFailed, message: (e as Error).message });
    } finally {
      setBusy(null);
    }
  };

  const setStatus = async (status: 'nhap' | 'da_ban_hanh') => {
    try {
      await useEditor.getState().flush();
      const s = await call('plans.setStatus', { id, status });
      useEditor.getState().setRecord(s);
      notifications.show({ color: 'green', message: status === 'da_ban_hanh' ? T.editor.issued : T.editor.toDraftDone });
    } catch (e) {
      notifications.show({ color: 'red', title: T.failed, message: (e as Error).message });
    }
  };

  const issue = () =>
    modals.openConfirmModal({
      title: T.editor.issueTitle,
      children: <Text size="sm">{T.editor.issueText}</Text>,
      labels: { confirm: T.editor.issue, cancel: T.cancel },
      confirmProps: { 'data-testid': 'confirm-issue' } as never,
      onConfirm: () => void setStatus('da_ban_hanh'),
    });

  const sectionCount = (() => {
    let n = 0;
    const walk = (l: typeof plan.sections) => l.forEach((s) => (n++, walk(s.children)));
    walk(plan.sections);
    return n;
  })();

  return (
    <Stack h="calc(100vh - 84px)" gap={6} data-testid="plan-editor">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Tooltip label={T.editor.backTitle}>
            <Button
              size="xs"
              variant="default"
              style={{ flexShrink: 0 }}
              onClick={() => {
                void useEditor
                  .getState()
                  .flush()
                  .then((saved) => {
                    if (saved) onBack();
                    else notifications.show({ color: 'red', title: T.editor.saveErrorTitle, message: T.editor.notLeaving });
                  });
              }}
              data-testid="editor-back"
            >
              ← {T.editor.back}
            </Button>
          </Tooltip>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={600} size="sm" truncate="end" title={record.title} data-testid="editor-title">
              {plan.docType} {plan.title.join(' ')}
            </Text>
            <Group gap={6} wrap="nowrap">
              <Badge size="xs" variant="light" color={record.status === 'da_ban_hanh' ? 'green' : 'gray'} data-testid="plan-status">
                {PLAN_STATUS_LABELS[record.status]}
              </Badge>
              {record.status === 'da_ban_hanh' && <AuditHistoryButton target={{ table: 'plan', id }} title={record.title} />}
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre', flexShrink: 0 }}>
                {record.numberLine || T.plans.noNumber}
              </Text>
              <Text size="xs" c="dimmed">
                ·
              </Text>
              <SaveStatus />
            </Group>
          </Stack>
        </Group>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          <ReviewNavigator />
          <Button.Group>
            <Tooltip label={T.editor.exportDocxTitle}>
              <Button size="xs" variant="default" loading={busy === 'docx'} onClick={() => void exportAs('docx')} data-testid="export-docx">
                {T.editor.exportDocx}
              </Button>
            </Tooltip>
            <Tooltip label={T.editor.exportPdfTitle}>
              <Button size="xs" variant="default" loading={busy === 'pdf'} onClick={() => void exportAs('pdf')} data-testid="export-pdf">
                {T.editor.exportPdf}
              </Button>
            </Tooltip>
            <Tooltip label={T.editor.printTitle}>
              <Button size="xs" variant="default" onClick={() => preview.current?.print()} data-testid="print">
                {T.editor.print}
              </Button>
            </Tooltip>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button size="xs" variant="default" px={8} aria-label={T.editor.moreExports} loading={busy === 'json'} data-testid="export-more">
                  ⋯
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => void exportAs('json')} data-testid="export-json">
                  {T.editor.exportJsonTitle}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Button.Group>
          {record.status === 'nhap' ? (
            <Button size="xs" onClick={issue} data-testid="issue">
              {T.editor.issue}
            </Button>
          ) : (
            <Menu position="bottom-end">
              <Menu.Target>
                <Button size="xs" variant="light" color="green">
                  {PLAN_STATUS_LABELS.da_ban_hanh} ▾
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => void setStatus('nhap')}>{T.editor.toDraft}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>
      <SaveErrorBanner />
      <div className="plan-editor-panes" ref={panes} style={dragSplit ? { userSelect: 'none' } : undefined}>
        <div className="plan-left" style={{ flex: `0 0 ${split}%` }}>
          <Tabs value={tab} onChange={(v) => useEditorUi.getState().setTab((v ?? 'content') as EditorTab)} keepMounted={false} variant="default">
            <Tabs.List px={6}>
              <Tabs.Tab value="header" data-testid="tab-header">
                {T.editor.tabs.header}
              </Tabs.Tab>
              <Tabs.Tab value="content" data-testid="tab-content" rightSection={<Badge size="xs" variant="light" color="gray">{sectionCount}</Badge>}>
                {T.editor.tabs.content}
              </Tabs.Tab>
              <Tabs.Tab value="footer" data-testid="tab-footer">
                {T.editor.tabs.footer}
              </Tabs.Tab>
              <Tabs.Tab value="appendices" data-testid="tab-appendices" rightSection={plan.appendices.length ? <Badge size="xs" variant="light" color="gray">{plan.appendices.length}</Badge> : undefined}>
                {T.editor.tabs.appendices}
              </Tabs.Tab>
            </Tabs.List>
          </Tabs>
          <FormatBar />
          {record.status === 'da_ban_hanh' && (
            <Text size="xs" c="var(--mantine-color-green-light-color)" px="sm" py={4} bg="green.0">
              {T.editor.issuedNote}
            </Text>
          )}
          <div className="plan-left-scroll" data-testid="editor-scroll">
            {tab === 'header' && <HeaderPanel />}
            {tab === 'content' && <Outline />}
            {tab === 'footer' && <FooterPanel />}
            {tab === 'appendices' && <AppendixPanel />}
          </div>
        </div>
        <div
          className={`plan-splitter${dragSplit ? ' active' : ''}`}
          role="separator"
          aria-orientation="vertical"
          onPointerDown={(e) => {
            e.preventDefault();
            setDragSplit(true);
          }}
        />
        <Preview ref={preview} plan={plan} appendix={wide} />
        {/* the iframe swallows pointer events while the splitter is dragged */}
        {dragSplit && <div style={{ position: 'fixed', inset: 0, cursor: 'col-resize', zIndex: 1000 }} />}
      </div>
    </Stack>
  );
}
