// "Cần xem lại" marker of an item the importer did not recognise, with the button that clears it.
import { Badge, Button, Group, Tooltip } from '@mantine/core';
import { useEditor } from '../editorStore';
import { clearFlag } from '../tree';
import { T } from '../strings';

export function ReviewBadge({ id }: { id: string }) {
  return (
    <Group gap={4} wrap="nowrap" className="plan-review-badge">
      <Tooltip label={T.outline.reviewHint} multiline w={280} openDelay={300}>
        <Badge color="yellow" variant="filled" size="sm" data-testid="review-badge">
          {T.outline.review}
        </Badge>
      </Tooltip>
      <Button size="compact-xs" variant="white" color="dark" onClick={() => useEditor.getState().apply((p) => clearFlag(p, id))} data-testid="review-clear">
        {T.outline.clearReview}
      </Button>
    </Group>
  );
}

