// The header's "who is working": the current user profile, a click away from changing it.
import { useEffect } from 'react';
import { Badge, UnstyledButton } from '@mantine/core';
import { useRouter } from '../../app/router';
import { currentProfile, useProfiles } from './store';
import { A } from './strings';

export function CurrentProfileBadge() {
  const state = useProfiles();
  const { loaded, load } = state;
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  if (!loaded) return null;
  const p = currentProfile(state);
  return (
    <UnstyledButton onClick={() => useRouter.getState().go('settings')} title={A.profiles.headerTitle} data-testid="current-profile">
      <Badge color={p ? 'blue' : 'orange'} variant="light" tt="none" size="lg">
        {p ? A.profiles.header(p.name, p.position) : A.profiles.headerNone}
      </Badge>
    </UnstyledButton>
  );
}
