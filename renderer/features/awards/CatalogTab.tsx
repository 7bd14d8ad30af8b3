// The award catalogue (read-only: codes, names, level, authority, legal basis, dates, cash,
// "chưa xác minh" where the text is unconfirmed), the lương cơ sở by period (BaseSalaryPanel: the
// office adds newer ones), the rule sets by period, and the office's provincial parameters
// (editable).
import { useEffect, useRef, useState } from 'react';
import { ActionIcon, Badge, Button, Checkbox, Group, NumberInput, Paper, ScrollArea, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DISCIPLINE_FORMS, RATINGS, type Rating } from '../../../shared/awards';
import type { AwardSettings } from '../../../shared/contract/records';
import { formatDateVi } from '../../../shared/text/vn';
import { call } from '../../lib/api';
import { FormError } from '../../lib/FormError';
import { useAction } from '../../lib/useAction';
import { UnverifiedBadge, localToday } from './common';
import { cashText, suggestedCash } from '../../../shared/records/cash';
import { BaseSalaryPanel } from './BaseSalaryPanel';
import { useAwards, useBaseSalaryTable } from './store';
import { T } from './strings';

const K = T.catalog;

export function CatalogTab() {
  const { catalog, ruleSets, settings, setSettings } = useAwards();
  const [draft, setDraft] = useState<AwardSettings | null>(settings);
  const { busy, error, run } = useAction();
  const shown = useRef(settings);
  useEffect(() => {
    // the lương cơ sở panel saves the settings too: edits not yet saved here stay
    setDraft((d) => (d && shown.current && JSON.stringify(d) !== JSON.stringify(shown.current) ? d : settings));
    shown.current = settings;
  }, [settings]);

  const save = async () => {
    if (!draft) return;
    // the lương cơ sở as stored (the panel below keeps it)
    const s = await run(() => call('awards.saveSettings', { ...draft, baseSalaries: settings?.baseSalaries ?? draft.baseSalaries }));
    if (s) {
      setSettings(s);
      notifications.show({ color: 'green', message: K.saved });
    }
  };
  const setP = (p: Partial<AwardSettings['provincial']>) => draft && setDraft({ ...draft, provincial: { ...draft.provincial, ...p } });
  const num = (v: string | number) => (typeof v === 'number' ? v : Number(v) || 0);

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Title order={4} mb={4}>
          {K.settings}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {K.settingsHint}
        </Text>
        <FormError error={error} />
        {draft && (
          <Stack gap="sm">
            <SimpleGrid cols={2}>
              <NumberInput label={K.quota} value={draft.provincial.cstdcsQuotaPercent} onChange={(v) => setP({ cstdcsQuotaPercent: num(v) })} min={0} max={100} suffix=" %" data-testid="settings-quota" />
              <Select
                label={K.ldttMin}
                data={RATINGS.map((r) => ({ value: r, label: `${r} — ${T.ratings[r]}` }))}
                value={draft.provincial.ldttMinRating}
                onChange={(v) => setP({ ldttMinRating: (v ?? 'HTTNV') as Rating })}
                allowDeselect={false}
              />
              <NumberInput label={K.ttLdtt} value={draft.provincial.collectiveLdttMinPercent} onChange={(v) => setP({ collectiveLdttMinPercent: num(v) })} min={0} max={100} suffix=" %" />
              <NumberInput label={K.ttLdxs} value={draft.provincial.collectiveLdxsMinPercent} onChange={(v) => setP({ collectiveLdxsMinPercent: num(v) })} min={0} max={100} suffix=" %" />
              <Select
                label={K.disciplineFrom}
                data={DISCIPLINE_FORMS.map((f) => ({ value: f, label: T.disciplineForms[f] }))}
                value={draft.provincial.collectiveDisciplineFrom}
                onChange={(v) => setP({ collectiveDisciplineFrom: (v ?? 'canh_cao') as AwardSettings['provincial']['collectiveDisciplineFrom'] })}
                allowDeselect={false}
              />
            </SimpleGrid>
            <Checkbox label={K.maternity} checked={draft.provincial.maternityWithoutRatingCounts} onChange={(e) => setP({ maternityWithoutRatingCounts: e.currentTarget.checked })} />
            <Group gap="xs">
              <Checkbox label={K.draftSwitch} checked={draft.enableDraftAmendment} onChange={(e) => setDraft({ ...draft, enableDraftAmendment: e.currentTarget.checked })} data-testid="settings-draft" />
              <UnverifiedBadge verified={false} />
            </Group>
            <Text size="xs" c="dimmed" ml={32} mt={-6}>
              {K.draftHint}
            </Text>
            <Text fw={600} size="sm" mt="xs">
              {K.deadlines}
            </Text>
            {draft.deadlines.map((d, i) => (
              // what is due and its note share the row's width (a fixed 420 px left the note 78 px at 1024)
              <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
                <TextInput
                  label={i === 0 ? K.deadlineLabel : undefined}
                  aria-label={i === 0 ? undefined : K.rowLabel(K.deadlineLabel, i + 1)}
                  value={d.label}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setDraft({ ...draft, deadlines: draft.deadlines.map((x, j) => (j === i ? { ...x, label: v } : x)) });
                  }}
                  style={{ flex: '3 1 0', minWidth: 0 }}
                />
                <NumberInput label={i === 0 ? K.day : undefined} aria-label={i === 0 ? undefined : K.rowLabel(K.day, i + 1)} value={d.day} onChange={(v) => setDraft({ ...draft, deadlines: draft.deadlines.map((x, j) => (j === i ? { ...x, day: num(v) } : x)) })} min={1} max={31} w={80} />
                <NumberInput label={i === 0 ? K.month : undefined} aria-label={i === 0 ? undefined : K.rowLabel(K.month, i + 1)} value={d.month} onChange={(v) => setDraft({ ...draft, deadlines: draft.deadlines.map((x, j) => (j === i ? { ...x, month: num(v) } : x)) })} min={1} max={12} w={80} />
                <TextInput value={d.note} onChange={(e) => { const v = e.currentTarget.value; setDraft({ ...draft, deadlines: draft.deadlines.map((x, j) => (j === i ? { ...x, note: v } : x)) }); }} label={i === 0 ? K.note : undefined} aria-label={i === 0 ? undefined : K.rowLabel(K.note, i + 1)} style={{ flex: '2 1 0', minWidth: 0 }} />
                <ActionIcon variant="subtle" color="red" mb={4} onClick={() => setDraft({ ...draft, deadlines: draft.deadlines.filter((_, j) => j !== i) })} aria-label={T.delete}>
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group justify="space-between">
              <Button variant="subtle" size="xs" onClick={() => setDraft({ ...draft, deadlines: [...draft.deadlines, { label: '', day: 1, month: 1, note: '' }] })}>
                {K.addDeadline}
              </Button>
              <Button onClick={() => void save()} loading={busy} data-testid="settings-save">
                {T.save}
              </Button>
            </Group>
          </Stack>
        )}
      </Paper>

      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {K.entries}
        </Title>
        <ScrollArea>
          <Table fz="sm" striped verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{K.cols.name}</Table.Th>
                <Table.Th>{K.cols.level}</Table.Th>
                <Table.Th>{K.cols.authority}</Table.Th>
                <Table.Th>{K.cols.basis}</Table.Th>
                <Table.Th>{K.cols.from}</Table.Th>
                <Table.Th>{K.cols.cash}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {catalog.map((e) => (
                <Table.Tr key={e.code} data-testid="catalog-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {e.name}
                    </Text>
                    <Group gap={4}>
                      <Text size="xs" c="dimmed">
                        {e.shortName} · {e.subjects.map((s) => (s === 'individual' ? T.person : T.collective)).join(', ')}
                      </Text>
                      <UnverifiedBadge verified={e.verified} />
                    </Group>
                  </Table.Td>
                  <Table.Td>{e.levelLabel}</Table.Td>
                  <Table.Td>
                    {e.authorities.map((a, i) => (
                      <Text key={i} size="xs">
                        {a.label}
                        {a.from || a.to ? ` (${a.from ? `từ ${formatDateVi(a.from)}` : ''}${a.from && a.to ? ' ' : ''}${a.to ? `đến ${formatDateVi(a.to)}` : ''})` : ''}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>{e.legalBasis}</Table.Td>
                  <Table.Td>{formatDateVi(e.effectiveFrom)}</Table.Td>
                  <Table.Td>
                    {e.cash.map((c, i) => (
                      <Group key={i} gap={4}>
                        <Text size="xs">
                          {c.multiple.toLocaleString('vi-VN')} (từ {formatDateVi(c.from)})
                        </Text>
                        <UnverifiedBadge verified={c.verified} />
                      </Group>
                    ))}
                    <CashToday code={e.code} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Paper>

      <BaseSalaryPanel />

      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {K.ruleSets}
        </Title>
        <Stack gap={6}>
          {ruleSets.map((r) => (
            <Group key={r.id} gap="xs">
              <Text size="sm" fw={500}>
                {r.name}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateVi(r.effectiveFrom)} – {r.effectiveTo ? formatDateVi(r.effectiveTo) : 'nay'}
              </Text>
              {r.draft && (
                <Badge size="xs" color="orange" variant="light">
                  {K.draft}
                </Badge>
              )}
              <UnverifiedBadge verified={r.verified} />
            </Group>
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}

/** What a form carries today, in đồng (the lương cơ sở in force, rounded as the rules say). */
function CashToday({ code }: { code: string }) {
  const s = suggestedCash(code, localToday(), useBaseSalaryTable());
  if (!s) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="catalog-cash-today">
      {K.cashToday(cashText(s))}
    </Text>
  );
}
