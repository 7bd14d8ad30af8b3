// "Lịch sử" in the staff list: opens the person's award timeline on the awards screen.
import { Button } from '@mantine/core';
import { useRouter } from '../../app/router';
import { useAwards } from './store';

export function HistoryButton({ staffId }: { staffId: string }) {
  return (
    <Button
      size="compact-xs"
      variant="subtle"
      onClick={() => {
        useAwards.getState().openTimeline('person', staffId);
        useRouter.getState().go('awards');
      }}
      data-testid="staff-history"
    >
      Lịch sử
    </Button>
  );
}
