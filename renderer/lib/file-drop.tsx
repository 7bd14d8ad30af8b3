// Files dragged from Explorer (or a USB stick's folder) onto the window. A place that takes
// files (a dossier's or a task's evidence) marks itself with `useFileDrop`; anywhere else a
// .tdkt bundle opens on Trao đổi dữ liệu and other files are refused with a word on where they
// go — never the browser's own handling, which would leave the app to show the file.
import { useEffect, useState, type DragEvent, type ReactNode } from 'react';
import { Box, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';

export const DROP_TEXT = {
  hint: 'Hoặc kéo thả tệp vào khung này',
  release: 'Thả tệp để tải lên',
  notHereTitle: 'Chưa mở được tệp thả vào',
  oneBundle: 'Mỗi lần chỉ mở một gói dữ liệu: hãy thả từng gói một.',
  notHere: (names: string) =>
    `${names}: chỉ gói dữ liệu (.tdkt) mở được khi thả vào bất kỳ chỗ nào trong cửa sổ. Tệp minh chứng hãy thả vào khung “Minh chứng” của hồ sơ hoặc của nhiệm vụ; tệp Excel, Word hãy chọn bằng nút nhập ở màn hình tương ứng.`,
};

const carriesFiles = (e: { dataTransfer: DataTransfer | null }) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');

/**
 * Props for an element that takes dropped files: `onFiles` gets them, and `dragging` is true
 * while files are held over it (to show where they will go).
 */
export function useFileDrop(onFiles: (files: File[]) => void) {
  const [dragging, setDragging] = useState(false);
  return {
    dragging,
    props: {
      onDragOver: (e: DragEvent) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        e.stopPropagation();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      },
      onDragLeave: (e: DragEvent) => {
        // leaving for a child of the zone is not leaving the zone
        if (!(e.currentTarget as Node).contains(e.relatedTarget as Node | null)) setDragging(false);
      },
      onDrop: (e: DragEvent) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        e.stopPropagation();
        setDragging(false);
        const files = Array.from(e.dataTransfer.files);
        if (files.length > 0) onFiles(files);
      },
    },
  };
}

/** A framed place that takes dropped files, saying so under what it holds (its buttons). */
export function FileDropZone({ onFiles, children, testId }: { onFiles(files: File[]): void; children: ReactNode; testId: string }) {
  const { dragging, props } = useFileDrop(onFiles);
  return (
    <Box
      {...props}
      data-testid={testId}
      data-dragging={dragging || undefined}
      p="sm"
      style={{
        border: `1px dashed var(--mantine-color-${dragging ? 'blue-6' : 'gray-4'})`,
        borderRadius: 'var(--mantine-radius-md)',
        background: dragging ? 'var(--mantine-color-blue-0)' : undefined,
      }}
    >
      {children}
      <Text size="xs" c="dimmed" mt={6}>
        {dragging ? DROP_TEXT.release : DROP_TEXT.hint}
      </Text>
    </Box>
  );
}

const isBundle = (f: File) => /\.tdkt$/i.test(f.name);

/** Files dropped outside every zone: a bundle goes to `openBundle`, anything else is refused. */
export function useWindowDrop(openBundle: (file: File) => void): void {
  useEffect(() => {
    const over = (e: globalThis.DragEvent) => {
      if (!carriesFiles(e)) return;
      // dropping must reach `drop` below, not the browser's default (showing the file)
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: globalThis.DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length === 0) return;
      const others = files.filter((f) => !isBundle(f));
      if (others.length === 0 && files.length === 1) {
        openBundle(files[0]!);
        return;
      }
      const message = others.length === 0 ? DROP_TEXT.oneBundle : DROP_TEXT.notHere(others.map((f) => f.name).join(', '));
      notifications.show({ color: 'orange', title: DROP_TEXT.notHereTitle, message, autoClose: 12_000 });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [openBundle]);
}
