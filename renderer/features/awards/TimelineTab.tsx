// A person's or a unit's records year by year: rating, registrations, titles and awards,
// initiatives, disciplinary measures. Reached from the staff list too ("Lịch sử").
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Badge, Group, Loader, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { RATINGS, type AwardCode } from '../../../shared/awards';
import type { Timeline } from '../../../shared/contract/records';
import { formatDateVi } from '../../../shared/text/vn';
import { call } from '../../lib/api';
import { StaffPicker, UnitSelect } from './common';
import { useStaffOptions } from '../staff/choices';
import { useAwards } from './store';
import { T } from './strings';
import { AuditHistoryButton } from '../audit/AuditHistoryButton';

const L = T.timeline;
const RATING_COLOR = { HTXSNV: 'teal', HTTNV: 'blue', HTNV: 'gray', KHTNV: 'red' } as const;

export function TimelineTab() {
  const { timeline: target, openTimeline, catalog, version } = useAwards();
  const [kind, setKind] = useState<'person' | 'unit'>(target?.kind ?? 'person');
  const staff = useStaffOptions();
  const [data, setData] = useState<Timeline | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (target) setKind(target.kind);
  }, [target]);

  useEffect(() => {
    if (!target) {
      setData(null);
      return;
    }
    let live = true;
    setLoading(true);
    call('records.timeline', target)
      .then((t) => {
        if (live) {
          setData(t);
          setError(null);
        }
      })
      .catch((e: Error) => live && setError(e.message))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [target, version]);

  const short = (code: string) => catalog.find((e) => e.code === code)?.shortName ?? code;
  const pick = (id: string | null) => id && openTimeline(kind, id);

  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <SegmentedControl
          data={[
            { value: 'person', label: L.person },
            { value: 'unit', label: L.unit },
          ]}
          value={kind}
          onChange={(v) => setKind(v as 'person' | 'unit')}
        />
        {kind === 'person' ? (
          <StaffPicker value={target?.kind === 'person' ? target.id : null} onChange={pick} options={staff} w={420} testId="timeline-person" />
        ) : (
          <UnitSelect value={target?.kind === 'unit' ? target.id : null} onChange={pick} withAll={false} label="" placeholder={L.pickUnit} w={340} testId="timeline-unit" />
        )}
        {loading && <Loader size="xs" mb={10} />}
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {!target && (
        <Text size="sm" c="dimmed">
          {L.choose}
        </Text>
      )}
      {data && target && data.id === target.id && (
        <Paper withBorder p="md" data-testid="timeline">
          <Text size="lg" fw={700}>
            {data.name}
          </Text>
          <Text size="sm" c="dimmed" mb="sm">
            {data.detail}
          </Text>
          {data.years.length === 0 && (
            <Text size="sm" c="dimmed">
              {L.empty}
            </Text>
          )}
          {data.years.map((y) => (
            <div key={y.year} className="awards-timeline-year" data-testid="timeline-year" data-year={y.year}>
              <div className="awards-timeline-label">{y.year}</div>
              <Stack gap={6}>
                {data.kind === 'person' && (
                  <Line label={L.rating}>
                    {y.rating ? (
                      <Badge color={RATING_COLOR[y.rating]} variant="light" title={T.ratings[y.rating]}>
                        {y.rating}
                      </Badge>
                    ) : (
                      <Text span size="sm" c="dimmed">
                        {L.noRating}
                      </Text>
                    )}
                    {y.maternityLeave && <Badge variant="outline" color="pink">{L.maternity}</Badge>}
                    {y.underReview && <Badge variant="outline" color="orange">{L.review}</Badge>}
                    {y.unitName && (
                      <Text span size="xs" c="dimmed">
                        {y.unitName}
                      </Text>
                    )}
                    <AuditHistoryButton target={{ table: 'person_year', staffId: data.id, year: y.year }} title={`${data.name} — năm ${y.year}`} testId="timeline-audit" />
                  </Line>
                )}
                {data.kind === 'unit' && y.underReview && (
                  <Line label="">
                    <Badge variant="outline" color="orange">
                      {L.review}
                    </Badge>
                  </Line>
                )}
                {y.memberSummary && (
                  <Line label={L.memberRatings}>
                    <Text span size="sm">
                      {L.members(y.memberSummary.members)}
                      {RATINGS.filter((r) => y.memberSummary!.ratings[r]).map((r) => ` · ${r} ${y.memberSummary!.ratings[r]}`).join('')}
                    </Text>
                  </Line>
                )}
                {y.memberSummary && y.memberSummary.titles.length > 0 && (
                  <Line label={L.memberTitles}>
                    <Text span size="sm">
                      {y.memberSummary.titles.map((t) => `${t.label} ${t.count}`).join(' · ')}
                    </Text>
                  </Line>
                )}
                {y.registered.length > 0 && (
                  <Line label={L.registered}>
                    {y.registered.map((c) => (
                      <Badge key={c} variant="outline" color={y.awards.some((a) => a.code === c) ? 'teal' : 'gray'}>
                        {short(c as AwardCode)}
                      </Badge>
                    ))}
                  </Line>
                )}
                {y.awards.length > 0 && (
                  <Line label={L.awards}>
                    <Stack gap={2}>
                      {y.awards.map((a, i) => (
                        <Text key={i} size="sm" data-testid="timeline-award">
                          <b>{a.label}</b>
                          {a.basis !== 'thuong_xuyen' && (
                            <Badge ml={6} size="xs" color="grape" variant="light">
                              {T.basis[a.basis]}
                            </Badge>
                          )}{' '}
                          <Text span size="xs" c="dimmed">
                            {L.decision(a.decisionNo, formatDateVi(a.decisionDate))}
                            {a.issuer ? ` — ${a.issuer}` : ''}
                          </Text>
                        </Text>
                      ))}
                    </Stack>
                  </Line>
                )}
                {y.initiatives.length > 0 && (
                  <Line label={L.initiatives}>
                    <Stack gap={2}>
                      {y.initiatives.map((i, k) => (
                        <Text key={i.id} size="sm">
                          {T.kinds[i.kind]} “{i.title}”{' '}
                          <Badge size="xs" variant="light" color={i.scope === 'co_so' ? 'gray' : i.scope === 'tinh' ? 'blue' : 'grape'}>
                            {T.scopes[i.scope]}
                          </Badge>
                          {y.initiativeOwners[k] && (
                            <Text span size="xs" c="dimmed">
                              {' '}
                              — {y.initiativeOwners[k]}
                            </Text>
                          )}
                        </Text>
                      ))}
                    </Stack>
                  </Line>
                )}
                {y.disciplines.length > 0 && (
                  <Line label={L.disciplines}>
                    <Stack gap={2}>
                      {y.disciplines.map((d, k) => (
                        <Text key={`${d.id}-${k}`} size="sm" c="red.8">
                          {T.disciplineForms[d.form]} từ {formatDateVi(d.fromDate)}
                          {d.toDate ? ` đến ${formatDateVi(d.toDate)}` : ` (${T.disciplines.open})`}
                          {d.decisionNo ? ` — QĐ số ${d.decisionNo}` : ''}
                          {y.disciplineOwners[k] ? ` — ${y.disciplineOwners[k]}` : ''}
                        </Text>
                      ))}
                    </Stack>
                  </Line>
                )}
              </Stack>
            </div>
          ))}
        </Paper>
      )}
    </Stack>
  );
}

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <Text size="xs" c="dimmed" w={150} style={{ flexShrink: 0, paddingTop: 3 }}>
        {label}
      </Text>
      <Group gap={6} wrap="wrap" style={{ flex: 1 }}>
        {children}
      </Group>
    </Group>
  );
}
