// This computer's user profiles and the current one (shown in the header, chosen in Cài đặt).
import { create } from 'zustand';
import type { UserProfile, UserProfiles } from '../../../shared/contract/audit';
import { call } from '../../lib/api';

interface ProfilesState {
  profiles: UserProfile[];
  currentId: string | null;
  loaded: boolean;
  load(): Promise<void>;
  set(s: UserProfiles): void;
}

export const useProfiles = create<ProfilesState>((set) => ({
  profiles: [],
  currentId: null,
  loaded: false,
  load: async () => {
    try {
      set({ ...(await call('audit.profiles.list')), loaded: true });
    } catch {
      set({ loaded: true });
    }
  },
  set: (s) => set({ profiles: s.profiles, currentId: s.currentId, loaded: true }),
}));

export function currentProfile(s: { profiles: UserProfile[]; currentId: string | null }): UserProfile | null {
  return s.profiles.find((p) => p.id === s.currentId) ?? null;
}
