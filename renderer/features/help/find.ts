// Which help topics a search finds, by the lists' search rule on folded text (foldQuery /
// matchesQuery: the query as typed anywhere, or each word at the start of a word).
import { foldQuery, foldVi, matchesQuery } from '../../../shared/text/vn';
import type { HelpTopic } from './strings';

function topicText(t: HelpTopic): string {
  return [t.title, t.intro ?? '', ...(t.steps ?? []).map((s) => s.text), ...(t.keys ?? []).flatMap((k) => [k.title, ...k.rows.flat()])].join(' ');
}

function matching(topics: readonly HelpTopic[], typed: string, textOf: (t: HelpTopic) => string): HelpTopic[] {
  const q = foldQuery(typed);
  return topics.filter((t) => matchesQuery(foldVi(textOf(t)), q));
}

/** The Hướng dẫn's own search: every topic whose text has what was typed (all of them for nothing typed). */
export function findTopics(topics: readonly HelpTopic[], typed: string): HelpTopic[] {
  return matching(topics, typed, topicText);
}

/** The quick search's "Hướng dẫn" group: the topics whose title has what was typed, from three letters. */
export function topicsTitled(topics: readonly HelpTopic[], typed: string): HelpTopic[] {
  return foldQuery(typed).whole.length < 3 ? [] : matching(topics, typed, (t) => t.title);
}
