// The first steps of a new office's file, in the order the app needs them: the checker judges
// nothing without staff and their past years, the tasks come from a plan. Shown on the home
// screen until every step is done, or hidden on this computer.
import { useEffect, useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import type { SetupProgress } from '../../../shared/contract/system';
import type { RouteId } from '../../app/router';
import { useRouter } from '../../app/router';
import { call } from '../../lib/api';
import { H } from './strings';

const HIDDEN_KEY = 'tdkt.home.setupHidden';

type StepKey = keyof typeof H.setup.steps;

const STEPS: { key: StepKey; route: RouteId; count(p: SetupProgress): number }[] = [
  { key: 'units', route: 'units', count: (p) => p.units },
  { key: 'staff', route: 'staff', count: (p) => p.staff },
  { key: 'records', route: 'awards', count: (p) => (p.records ? 1 : 0) },
  { key: 'plans', route: 'plans', count: (p) => p.plans },
  { key: 'tasks', route: 'tasks', count: (p) => p.tasks },
];

export function SetupSteps() {
  const go = useRouter((s) => s.go);
  const [hidden, setHidden] = useState(() => localStorage.getItem(HIDDEN_KEY) === '1');
  const [progress, setProgress] = useState<SetupProgress | null>(null);
  useEffect(() => {
    if (hidden) return;
    let live = true;
    call('app.setup')
      .then((p) => live && setProgress(p))
      .catch(() => live && setProgress(null));
    return () => {
      live = false;
    };
  }, [hidden]);
  if (hidden || !progress) return null;
  const done = STEPS.filter((s) => s.count(progress) > 0).length;
  if (done === STEPS.length) return null;
  const hide = () => {
    localStorage.setItem(HIDDEN_KEY, '1');
    setHidden(true);
  };
  return (
    <Paper withBorder p="md" data-testid="home-setup">
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <Text fw={600}>{H.setup.title}</Text>
          <Text size="sm" c="dimmed" data-testid="home-setup-progress">
            {H.setup.progress(done, STEPS.length)}
          </Text>
        </Group>
        <Group gap={4}>
          <Button size="xs" variant="subtle" onClick={() => go('help')} data-testid="home-setup-help">
            {H.setup.help}
          </Button>
          <Button size="xs" variant="subtle" color="gray" onClick={hide} title={H.setup.hideHint} data-testid="home-setup-hide">
            {H.setup.hide}
          </Button>
        </Group>
      </Group>
      <Stack gap={8}>
        {STEPS.map((s, i) => {
          const n = s.count(progress);
          const S = H.setup.steps[s.key];
          // the first step not done is the one to take now
          const next = n === 0 && STEPS.slice(0, i).every((x) => x.count(progress) > 0);
          return (
            <Group key={s.key} justify="space-between" wrap="nowrap" data-testid="home-setup-step" data-step={s.key} data-done={n > 0}>
              <Group gap="sm" wrap="nowrap" align="flex-start" style={{ flex: 1, minWidth: 0 }}>
                <ThemeIcon size={24} radius="xl" color={n > 0 ? 'teal' : next ? 'red' : 'gray'} variant={n > 0 ? 'filled' : 'light'} aria-hidden>
                  {n > 0 ? '✓' : i + 1}
                </ThemeIcon>
                <div>
                  <Text size="sm" fw={next ? 600 : 500}>
                    {S.title}
                    {n > 0 && (
                      <Badge ml={8} size="sm" variant="light" color="teal" tt="none">
                        {S.done(n)}
                      </Badge>
                    )}
                  </Text>
                  {n === 0 && (
                    <Text size="xs" c="dimmed">
                      {S.todo}
                    </Text>
                  )}
                </div>
              </Group>
              {n === 0 && (
                <Button size="xs" variant={next ? 'filled' : 'default'} onClick={() => go(s.route)} style={{ flexShrink: 0 }} data-testid={`home-setup-go-${s.key}`}>
                  {H.setup.open}
                </Button>
              )}
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
