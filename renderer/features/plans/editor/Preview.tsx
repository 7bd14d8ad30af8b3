// Live print preview: the same HTML print view the PDF is made from, in a sandboxed iframe
// (no scripts; same origin only so the editor can keep its scroll position and print it).
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { Group, SegmentedControl, Text } from '@mantine/core';
import { renderHtml } from '../../../../shared/documents/html';
import type { Plan } from '../../../../shared/plans/model';
import { planToDocument } from '../../../../shared/plans/to-document';
import { T } from '../strings';

export const PREVIEW_DEBOUNCE_MS = 300;
/** A4 sheet (210 mm; 297 mm landscape) plus the grey margin around it, in CSS px */
const SHEET_PX = (210 / 25.4) * 96 + 40;
const LANDSCAPE_PX = (297 / 25.4) * 96 + 40;

export interface PreviewHandle {
  print(): void;
}

function previewHtml(plan: Plan): { html: string; landscape: boolean } {
  const doc = planToDocument(plan);
  return { html: renderHtml(doc, { title: plan.title.join(' ') }), landscape: doc.appendices.some((a) => a.landscape) };
}

type Zoom = 'fit' | '0.75' | '1';

/** `appendix`: the appendix tab is open — "Vừa khung" fits a landscape appendix's page, not the portrait ones. */
export const Preview = forwardRef<PreviewHandle, { plan: Plan; appendix?: boolean }>(function Preview({ plan, appendix = false }, ref) {
  const frame = useRef<HTMLIFrameElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const scroll = useRef({ x: 0, y: 0 });
  const [{ html, landscape }, setHtml] = useState(() => previewHtml(plan));
  const [zoomMode, setZoomMode] = useState<Zoom>('fit');
  const [width, setWidth] = useState(0);
  const latest = useRef(plan);
  latest.current = plan;

  useEffect(() => {
    const t = setTimeout(() => setHtml(previewHtml(plan)), PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [plan]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let t: ReturnType<typeof setTimeout> | null = null;
    const ro = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width ?? 0;
      if (t) clearTimeout(t);
      t = setTimeout(() => setWidth(Math.round(w)), 120);
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      if (t) clearTimeout(t);
    };
  }, []);

  // fit: the page's whole width in the pane, however narrow the splitter leaves it
  const sheet = appendix && landscape ? LANDSCAPE_PX : SHEET_PX;
  const zoom = zoomMode === 'fit' ? (width > 0 ? Math.max(0.2, Math.min(1.25, (width - 18) / sheet)) : 0.75) : Number(zoomMode);
  // screen-only zoom: printing from the frame prints the real page size
  const srcDoc = useMemo(() => html.replace('</head>', `<style media="screen">html{zoom:${zoom.toFixed(3)}}</style></head>`), [html, zoom]);

  useImperativeHandle(ref, () => ({
    print: () => {
      const w = frame.current?.contentWindow;
      if (!w) return;
      const now = previewHtml(latest.current);
      if (now.html !== html) {
        // bring the preview up to date first, then print once it has loaded
        setHtml(now);
        const f = frame.current!;
        const once = () => {
          f.removeEventListener('load', once);
          f.contentWindow?.print();
        };
        f.addEventListener('load', once);
        return;
      }
      w.focus();
      w.print();
    },
  }));

  return (
    <div className="plan-preview">
      <Group justify="space-between" px="xs" py={4} wrap="nowrap" className="plan-preview-bar">
        <Text size="xs" fw={600} c="dimmed" truncate="end">
          {T.editor.preview}
        </Text>
        <SegmentedControl
          size="xs"
          // a narrow pane (the appendix tab at 1024 px) shortens the title, never the zoom choices
          style={{ flexShrink: 0 }}
          aria-label={T.editor.zoom}
          value={zoomMode}
          onChange={(v) => setZoomMode(v as Zoom)}
          data={[
            { value: 'fit', label: T.editor.zoomFit },
            { value: '0.75', label: '75%' },
            { value: '1', label: '100%' },
          ]}
        />
      </Group>
      <div ref={box} className="plan-preview-box">
        <iframe
          ref={frame}
          title={T.editor.previewFrame}
          sandbox="allow-same-origin allow-modals"
          srcDoc={srcDoc}
          data-testid="plan-preview"
          onLoad={() => {
            const w = frame.current?.contentWindow;
            if (w && (scroll.current.x || scroll.current.y)) w.scrollTo(scroll.current.x, scroll.current.y);
            // remember where the reader is before the next update replaces the page
            w?.addEventListener('scroll', () => {
              scroll.current = { x: w.scrollX, y: w.scrollY };
            });
          }}
        />
      </div>
    </div>
  );
});
