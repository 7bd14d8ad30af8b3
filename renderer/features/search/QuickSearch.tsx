// "Tìm nhanh" (Ctrl+K from any screen, or the header's button): one box that finds people,
// units, campaigns, plans, tasks, decisions and dossiers, each by its list's own search, and
// opens the one chosen where it lives. Keyboard: arrows choose, Enter opens, Esc closes.
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { Button, Kbd, Loader, Text } from '@mantine/core';
import { Spotlight, spotlight } from '@mantine/spotlight';
import type { ProcOutput } from '../../../shared/contract';
import { call } from '../../lib/api';
import { SEE_ALL, openHit, openHelpTopic } from './open';
import { topicsTitled } from '../help/find';
import { TOPICS } from '../help/strings';
import { Q } from './strings';

type Result = ProcOutput<'search.all'>;

const VISUALLY_HIDDEN: CSSProperties = { position: 'absolute', width: 1, height: 1, margin: -1, padding: 0, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 };

export function QuickSearchButton() {
  return (
    <Button variant="default" size="xs" onClick={spotlight.open} title={Q.openTitle} rightSection={<Kbd size="xs">{Q.shortcut}</Kbd>} data-testid="quick-search-open">
      {Q.open}
    </Button>
  );
}

export function QuickSearch() {
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const asked = useRef(0);
  const typed = query.trim();

  useEffect(() => {
    const n = ++asked.current;
    if (!typed) {
      setResult(null);
      setBusy(false);
      return;
    }
    setBusy(true);
    // each kind asks its list: not on every key of a word typed fast
    const t = setTimeout(() => {
      call('search.all', { query: typed })
        .then((r) => {
          if (n !== asked.current) return; // a later query is on its way
          setResult(r);
          setError(null);
          setBusy(false);
        })
        .catch((e: Error) => {
          if (n !== asked.current) return;
          setError(e.message);
          setBusy(false);
        });
    }, 120);
    return () => clearTimeout(t);
  }, [typed]);

  const groups = typed && result ? result.groups : [];
  // the help's topics named like what was typed ("sao lưu", "phím tắt"), after the records
  const help = typed && result ? topicsTitled(TOPICS, typed) : [];
  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      scrollable
      maxHeight={560}
      size={760}
      // the dialog's name for screen readers (axe: aria-dialog-name); the box says the rest on screen
      title={Q.open}
      styles={{ header: VISUALLY_HIDDEN }}
      data-testid="quick-search"
    >
      <Spotlight.Search placeholder={Q.placeholder} rightSection={busy ? <Loader size="xs" /> : null} data-testid="quick-search-input" />
      <Spotlight.ActionsList>
        {!typed && (
          <Text size="sm" c="dimmed" p="md">
            {Q.hint}
          </Text>
        )}
        {typed && error && (
          <Text size="sm" c="red" p="md">
            {error}
          </Text>
        )}
        {groups.map((g) => {
          const seeAll = SEE_ALL[g.kind];
          return (
            <Spotlight.ActionsGroup key={g.kind} label={Q.groupTitle(Q.groups[g.kind], g.total, g.hits.length)} data-testid="quick-search-group" data-kind={g.kind}>
              {g.hits.map((h) => (
                <Spotlight.Action key={h.id} label={h.title} description={h.detail} onClick={() => openHit(h)} data-testid="quick-search-hit" data-kind={h.kind} />
              ))}
              {seeAll && g.total > g.hits.length && (
                <Spotlight.Action label={Q.seeAll(g.total)} onClick={() => seeAll(typed, g.hits[0]!)} c="blue.8" data-testid="quick-search-all" data-kind={g.kind} />
              )}
            </Spotlight.ActionsGroup>
          );
        })}
        {help.length > 0 && (
          <Spotlight.ActionsGroup label={Q.help} data-testid="quick-search-group" data-kind="help">
            {help.map((t) => (
              <Spotlight.Action key={t.id} label={t.title} description={t.intro} onClick={() => openHelpTopic(t.id)} data-testid="quick-search-hit" data-kind="help" />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {typed && result && result.query === typed && groups.length === 0 && help.length === 0 && !error && <Spotlight.Empty data-testid="quick-search-empty">{Q.nothing(typed)}</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
