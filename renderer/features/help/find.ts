// Which help topics a search finds: every word typed, without diacritics, in the topic's title,
// intro, steps or keys (the quick search's rule: foldQuery / matchesQuery).
import { foldQuery, foldVi, matchesQuery } from '../../../shared/text/vn';
import type { HelpTopic } from './strings';

function topicText(t: HelpTopic): string {
  return [t.title, t.intro ?? '', ...(t.steps ?? []).map((s) => s.text), ...(t.keys ?? []).flatMap((k) => [k.title, ...k.rows.flat()])].join(' ');
}

export function findTopics(topics: readonly HelpTopic[], typed: string): HelpTopic[] {
  const q = foldQuery(typed);
  if (q.words.length === 0) return [...topics];
  return topics.filter((t) => matchesQuery(foldVi(topicText(t)), q));
}

/** The topics whose title has what was typed (the quick search's "Hướng dẫn" group: a title, not every word of the help). */
export function topicsTitled(topics: readonly HelpTopic[], typed: string): HelpTopic[] {
  const q = foldQuery(typed);
  if (q.whole.length < 3) return [];
  return topics.filter((t) => matchesQuery(foldVi(t.title), q));
}
