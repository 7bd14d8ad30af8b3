// Dossiers that wait on this office: its own returned by the superior (to fix and send again),
// and, at the province, those received from other offices with no outcome recorded yet (those
// consolidated into a dossier sent up wait on the superior: counted apart).
import { useEffect, useState } from 'react';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { DossierSummary } from '../../../shared/contract/dossiers';
import { compareVi } from '../../../shared/text/vn';
import { useRouter } from '../../app/router';
import { call } from '../../lib/api';
import { useDossiers } from '../dossiers/store';
import { H } from './strings';

export function DossierAttention() {
  const go = useRouter((s) => s.go);
  const [lists, setLists] = useState<{ own: DossierSummary[]; received: DossierSummary[] } | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([call('dossiers.list', { scope: 'own' }), call('dossiers.list', { scope: 'received' })])
      .then(([own, received]) => live && setLists({ own, received }))
      .catch(() => live && setLists(null));
    return () => {
      live = false;
    };
  }, []);
  if (!lists) return null;
  const returned = lists.own.filter((d) => d.status === 'returned');
  // a received dossier gone into one sent up waits on the superior, not on this office
  const waiting = lists.received.filter((d) => d.status === 'submitted');
  const pending = waiting.filter((d) => d.consolidatedInto.length === 0);
  const sentUp = waiting.length - pending.length;
  if (returned.length === 0 && pending.length === 0 && sentUp === 0) return null;
  const byOffice = new Map<string, number>();
  for (const d of pending) byOffice.set(d.originOfficeName, (byOffice.get(d.originOfficeName) ?? 0) + 1);
  const offices = [...byOffice].sort((a, b) => b[1] - a[1] || compareVi(a[0], b[0]));
  const openOne = (id: string) => {
    const s = useDossiers.getState();
    s.setTab('own');
    s.open(id);
    go('dossiers');
  };
  const openReceived = () => {
    useDossiers.getState().setTab('received');
    go('dossiers');
  };
  return (
    <Paper withBorder p="md" data-testid="home-dossiers">
      <Text fw={600} mb="xs">
        {H.dossiers.title}
      </Text>
      <Stack gap={8}>
        {returned.length > 0 && (
          <div data-testid="home-dossiers-returned">
            <Text size="sm" fw={600} c="var(--mantine-color-red-light-color)">
              {H.dossiers.returned(returned.length)}
            </Text>
            {returned.map((d) => (
              <Group key={d.id} justify="space-between" wrap="nowrap" gap="sm" data-testid="home-dossier-returned">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" truncate="end" title={d.title}>
                    {d.title}
                  </Text>
                  <Text size="xs" c="dimmed" truncate="end" title={d.outcome?.reason ?? ''}>
                    {H.dossiers.reason(d.outcome?.reason ?? '')}
                  </Text>
                </div>
                <Button size="xs" variant="light" onClick={() => openOne(d.id)} style={{ flexShrink: 0 }}>
                  {H.dossiers.open}
                </Button>
              </Group>
            ))}
          </div>
        )}
        {(pending.length > 0 || sentUp > 0) && (
          <Group justify="space-between" wrap="nowrap" gap="sm" data-testid="home-dossiers-received">
            <div style={{ minWidth: 0 }}>
              {pending.length > 0 && (
                <div data-testid="home-dossiers-pending">
                  <Text size="sm" fw={600}>
                    {H.dossiers.pending(pending.length)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {offices.map(([name, n]) => H.dossiers.byOffice(name, n)).join(', ')}
                  </Text>
                </div>
              )}
              {sentUp > 0 && (
                <Text size="xs" c="dimmed" data-testid="home-dossiers-sent-up">
                  {H.dossiers.sentUp(sentUp)}
                </Text>
              )}
            </div>
            <Button size="xs" variant="light" onClick={openReceived} style={{ flexShrink: 0 }} data-testid="home-dossiers-open-received">
              {H.dossiers.openReceived}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
