// The Hướng dẫn's topic and search, kept while the screen is closed (F1 comes back to them) and
// set by the quick search when it opens a topic.
import { create } from 'zustand';
import { TOPICS } from './strings';

interface HelpState {
  topic: string;
  search: string;
  setTopic(topic: string): void;
  setSearch(search: string): void;
}

export const useHelp = create<HelpState>((set) => ({
  topic: TOPICS[0]!.id,
  search: '',
  setTopic: (topic) => set({ topic }),
  setSearch: (search) => set({ search }),
}));
