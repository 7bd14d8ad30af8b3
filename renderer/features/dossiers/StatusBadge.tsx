// A dossier's status as a badge (the lists, the dossier's header, a consolidated dossier's sources).
import { Badge } from '@mantine/core';
import { DOSSIER_STATUS_LABELS, RECEIVED_STATUS_LABELS, type DossierStatus } from '../../../shared/dossiers/model';

const STATUS_COLORS: Record<DossierStatus, string> = { draft: 'gray', submitted: 'blue', approved: 'green', returned: 'orange' };

export function StatusBadge({ status, received }: { status: DossierStatus; received?: boolean }) {
  return (
    // max-content: in the list's narrow column a table squeezed the badge and cut its label ("ĐANG SO…")
    <Badge color={STATUS_COLORS[status]} variant="light" miw="max-content" data-testid="dossier-status" data-status={status}>
      {(received ? RECEIVED_STATUS_LABELS : DOSSIER_STATUS_LABELS)[status]}
    </Badge>
  );
}

