// "Đầu văn bản": agency, number, place and date, document type, trích yếu, bases, preamble.
import { ActionIcon, Button, Fieldset, Group, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import type { Plan, PlanHeader } from '../../../../shared/plans/model';
import { PLAN_TYPE_CODE } from '../../../../shared/plans/model';
import { extractDocReferences } from '../../../../shared/plans/references';
import { formatDocNumber, formatPlaceDate } from '../../../../shared/text/vn';
import { useSession } from '../../../app/session';
import { useEditor, newNodeId } from '../editorStore';
import { T } from '../strings';
import { ParagraphList } from './ParagraphList';
import { ReviewBadge } from './ReviewBadge';
import { focusEditable, useEditorUi } from './ui';

const apply = (fn: (p: Plan) => Plan, key?: string) => useEditor.getState().apply(fn, key ? { key } : undefined);
const setHeader = (patch: Partial<PlanHeader>, key?: string) => apply((p) => ({ ...p, header: { ...p.header, ...patch } }), key);

/** NumberInput value → a whole number in range, or null for blank / out of range. */
function intOrNull(v: string | number, min: number, max: number): number | null {
  const n = typeof v === 'number' ? v : Number.parseInt(v, 10);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

function HeaderFields() {
  const header = useEditor((s) => s.plan?.header);
  const docType = useEditor((s) => s.plan?.docType ?? '');
  const abbr = useSession((s) => s.office?.abbreviation ?? '');
  if (!header) return null;
  const dn = header.docNumber;
  const date = header.date;
  return (
    <Stack gap="sm">
      <Fieldset legend={T.header.agencyGroup} variant="filled">
        <SimpleGrid cols={2}>
          <Textarea
            autosize
            minRows={1}
            label={T.header.parentAgency}
            placeholder={T.header.parentAgencyPlaceholder}
            value={header.parentAgency}
            onChange={(e) => setHeader({ parentAgency: e.currentTarget.value }, 'h:parent')}
            data-testid="plan-parent-agency"
          />
          <Textarea autosize minRows={1} label={T.header.agency} value={header.agency} onChange={(e) => setHeader({ agency: e.currentTarget.value }, 'h:agency')} data-testid="plan-agency" />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={T.header.numberGroup} variant="filled">
        <Switch
          size="sm"
          mb="xs"
          label={T.header.hasNumber}
          checked={dn !== null}
          onChange={(e) => setHeader({ docNumber: e.currentTarget.checked ? { number: null, typeCode: PLAN_TYPE_CODE, agencyAbbr: abbr } : null })}
        />
        {dn && (
          <>
            <SimpleGrid cols={3}>
              <NumberInput
                label={T.header.number}
                description={T.header.numberPlaceholder}
                placeholder={T.header.numberBlank}
                min={1}
                max={99999}
                allowDecimal={false}
                allowNegative={false}
                value={dn.number ?? ''}
                onChange={(v) => setHeader({ docNumber: { ...dn, number: intOrNull(v, 1, 99999) } }, 'h:number')}
                data-testid="plan-number"
              />
              <TextInput
                label={T.header.typeCode}
                description={T.header.typeCodeHint}
                value={dn.typeCode}
                onChange={(e) => setHeader({ docNumber: { ...dn, typeCode: e.currentTarget.value.trim() } }, 'h:type')}
              />
              <TextInput
                label={T.header.agencyAbbr}
                value={dn.agencyAbbr}
                onChange={(e) => setHeader({ docNumber: { ...dn, agencyAbbr: e.currentTarget.value.trim() } }, 'h:abbr')}
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed" mt={6}>
              {T.header.numberLine}: <span className="plan-mono">{formatDocNumber(dn.number, dn.typeCode, dn.agencyAbbr)}</span>
            </Text>
          </>
        )}
      </Fieldset>

      <Fieldset legend={T.header.dateGroup} variant="filled">
        <Switch
          size="sm"
          mb="xs"
          label={T.header.hasDate}
          checked={date !== null}
          onChange={(e) => setHeader({ date: e.currentTarget.checked ? { day: null, month: null, year: new Date().getFullYear() } : null })}
        />
        {date && (
          <>
            <Group grow align="flex-start">
              <TextInput label={T.header.place} value={header.place} onChange={(e) => setHeader({ place: e.currentTarget.value }, 'h:place')} style={{ flex: 2 }} />
              <NumberInput
                label={T.header.day}
                placeholder={T.header.blankHint}
                min={1}
                max={31}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="strict"
                value={date.day ?? ''}
                onChange={(v) => setHeader({ date: { ...date, day: intOrNull(v, 1, 31) } }, 'h:day')}
                data-testid="plan-day"
              />
              <NumberInput
                label={T.header.month}
                placeholder={T.header.blankHint}
                min={1}
                max={12}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="strict"
                value={date.month ?? ''}
                onChange={(v) => setHeader({ date: { ...date, month: intOrNull(v, 1, 12) } }, 'h:month')}
                data-testid="plan-month"
              />
              <NumberInput
                label={T.header.year}
                min={1900}
                max={2200}
                allowDecimal={false}
                allowNegative={false}
                value={date.year}
                onChange={(v) => {
                  const y = intOrNull(v, 1900, 2200);
                  if (y !== null) setHeader({ date: { ...date, year: y } }, 'h:year');
                }}
              />
            </Group>
            <Text size="xs" c="dimmed" mt={6}>
              {T.header.dateLine}: <span className="plan-mono">{formatPlaceDate(header.place, date)}</span>
            </Text>
          </>
        )}
      </Fieldset>

      <Fieldset legend={T.header.titleGroup} variant="filled">
        <TextInput
          label={T.header.docType}
          value={docType}
          onChange={(e) => {
            const v = e.currentTarget.value;
            apply((p) => ({ ...p, docType: v }), 'docType');
          }}
          mb="xs"
        />
        <TitleLines />
      </Fieldset>
    </Stack>
  );
}

function TitleLines() {
  const title = useEditor((s) => s.plan?.title) ?? [];
  return (
    <Stack gap={6}>
      {title.map((line, i) => (
        <Group key={i} gap={6} wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            aria-label={T.header.titleLine(i + 1)}
            placeholder={T.header.titleLine(i + 1)}
            value={line}
            onChange={(e) => {
              const v = e.currentTarget.value;
              apply((p) => ({ ...p, title: p.title.map((x, j) => (j === i ? v : x)) }), `title:${i}`);
            }}
            data-testid="plan-title-line"
          />
          <ActionIcon variant="subtle" color="gray" aria-label={T.delete} title={T.delete} onClick={() => apply((p) => ({ ...p, title: p.title.filter((_, j) => j !== i) }))}>
            ✕
          </ActionIcon>
        </Group>
      ))}
      <Button size="compact-xs" variant="subtle" onClick={() => apply((p) => ({ ...p, title: [...p.title, ''] }))} style={{ alignSelf: 'flex-start' }}>
        + {T.header.addTitleLine}
      </Button>
    </Stack>
  );
}

function Bases() {
  const bases = useEditor((s) => s.plan?.bases) ?? [];
  const flash = useEditorUi((s) => s.flash);
  return (
    <Stack gap={6}>
      {bases.map((b) => (
        <div key={b.id} className={`plan-basis${b.flag ? ' review' : ''}${flash === b.id ? ' flash' : ''}`} data-node-id={b.id} data-testid="plan-basis">
          <Group gap={6} wrap="nowrap" align="flex-start">
            <Textarea
              style={{ flex: 1 }}
              autosize
              minRows={1}
              placeholder={T.header.basisPlaceholder}
              aria-label={T.header.bases}
              value={b.text}
              data-edit-id={b.id}
              classNames={{ input: 'plan-basis-input' }}
              onChange={(e) => {
                const text = e.currentTarget.value;
                apply((p) => ({ ...p, bases: p.bases.map((x) => (x.id === b.id ? { ...x, text, refs: extractDocReferences(text) } : x)) }), `basis:${b.id}`);
              }}
            />
            <ActionIcon mt={6} variant="subtle" color="gray" aria-label={T.delete} title={T.delete} onClick={() => apply((p) => ({ ...p, bases: p.bases.filter((x) => x.id !== b.id) }))}>
              ✕
            </ActionIcon>
          </Group>
          {b.flag && <ReviewBadge id={b.id} />}
        </div>
      ))}
      <Button
        size="compact-xs"
        variant="subtle"
        style={{ alignSelf: 'flex-start' }}
        onClick={() => {
          const id = newNodeId();
          apply((p) => ({ ...p, bases: [...p.bases, { id, text: 'Căn cứ ', refs: [] }] }));
          focusEditable(id);
        }}
      >
        + {T.header.addBasis}
      </Button>
    </Stack>
  );
}

export function HeaderPanel() {
  return (
    <Stack gap="md" p="xs">
      <HeaderFields />
      <Fieldset legend={T.header.bases} variant="filled">
        <Text size="xs" c="dimmed" mb={6}>
          {T.header.basesHint}
        </Text>
        <Bases />
      </Fieldset>
      <Fieldset legend={T.header.preamble} variant="filled">
        <Text size="xs" c="dimmed" mb={6}>
          {T.header.preambleHint}
        </Text>
        <ParagraphList field="preamble" addLabel={T.header.addPreamble} placeholder={T.header.paragraphPlaceholder} />
      </Fieldset>
    </Stack>
  );
}
