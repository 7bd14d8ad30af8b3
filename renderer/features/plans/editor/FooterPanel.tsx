// "Kết thúc & ký": closing paragraphs, Nơi nhận, signature block.
import { ActionIcon, Alert, Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { SIGN_PREFIXES, type Plan, type PlanSigner, type SignPrefix } from '../../../../shared/plans/model';
import { useSession } from '../../../app/session';
import { useEditor } from '../editorStore';
import { PREFIX_LABELS, T } from '../strings';
import { ParagraphList } from './ParagraphList';

const apply = (fn: (p: Plan) => Plan, key?: string) => useEditor.getState().apply(fn, key ? { key } : undefined);

function Recipients() {
  const list = useEditor((s) => s.plan?.recipients) ?? [];
  const abbr = useSession((s) => s.office?.abbreviation ?? '');
  const last = list[list.length - 1] ?? '';
  const hasLuu = /^lưu\b/i.test(last.trim());
  const move = (i: number, d: -1 | 1) =>
    apply((p) => {
      const j = i + d;
      if (j < 0 || j >= p.recipients.length) return p;
      const r = [...p.recipients];
      [r[i], r[j]] = [r[j]!, r[i]!];
      return { ...p, recipients: r };
    });
  return (
    <Stack gap={6}>
      <Text size="xs" c="dimmed">
        {T.footer.recipientsHint}
      </Text>
      {list.map((line, i) => (
        <Group key={i} gap={4} wrap="nowrap">
          <Text size="sm" c="dimmed" w={12}>
            -
          </Text>
          <TextInput
            style={{ flex: 1 }}
            size="xs"
            aria-label={`${T.footer.recipients} ${i + 1}`}
            placeholder={T.footer.recipientPlaceholder}
            value={line}
            onChange={(e) => {
              const v = e.currentTarget.value;
              apply((p) => ({ ...p, recipients: p.recipients.map((x, j) => (j === i ? v : x)) }), `rcpt:${i}`);
            }}
            data-testid="plan-recipient"
          />
          <ActionIcon size="sm" variant="subtle" color="gray" aria-label="↑" onClick={() => move(i, -1)} disabled={i === 0}>
            ↑
          </ActionIcon>
          <ActionIcon size="sm" variant="subtle" color="gray" aria-label="↓" onClick={() => move(i, 1)} disabled={i === list.length - 1}>
            ↓
          </ActionIcon>
          <ActionIcon size="sm" variant="subtle" color="gray" aria-label={T.delete} title={T.delete} onClick={() => apply((p) => ({ ...p, recipients: p.recipients.filter((_, j) => j !== i) }))}>
            ✕
          </ActionIcon>
        </Group>
      ))}
      {list.length > 0 && !hasLuu && (
        <Alert color="yellow" variant="light" p="xs">
          <Text size="xs">{T.footer.luuMissing}</Text>
        </Alert>
      )}
      <Group gap="xs">
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() =>
            apply((p) => {
              // new lines go above "Lưu: VT" so it stays last
              const r = [...p.recipients];
              const at = r.length && /^lưu\b/i.test(r[r.length - 1]!.trim()) ? r.length - 1 : r.length;
              r.splice(at, 0, '');
              return { ...p, recipients: r };
            })
          }
        >
          + {T.footer.addRecipient}
        </Button>
        {!hasLuu && (
          <Button size="compact-xs" variant="subtle" onClick={() => apply((p) => ({ ...p, recipients: [...p.recipients, `Lưu: VT${abbr ? `, ${abbr}` : ''}.`] }))}>
            + {T.footer.addLuu}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function Signer() {
  const signer = useEditor((s) => s.plan?.signer);
  const headTitle = useSession((s) => s.office?.headTitle ?? '');
  const headName = useSession((s) => s.office?.headName ?? '');
  const set = (patch: Partial<PlanSigner>, key?: string) => apply((p) => (p.signer ? { ...p, signer: { ...p.signer, ...patch } } : p), key);
  return (
    <Stack gap="xs">
      <Switch
        size="sm"
        label={T.footer.hasSigner}
        checked={!!signer}
        onChange={(e) => {
          const on = e.currentTarget.checked;
          apply((p) => ({ ...p, signer: on ? { prefix: '', authorityTitle: '', position: headTitle.toLocaleUpperCase('vi'), name: headName } : null }));
        }}
      />
      {signer && (
        <SimpleGrid cols={2}>
          <NativeSelect
            label={T.footer.prefix}
            data={SIGN_PREFIXES.map((p) => ({ value: p, label: PREFIX_LABELS[p] }))}
            value={signer.prefix}
            onChange={(e) => {
              const prefix = e.currentTarget.value as SignPrefix;
              set(prefix ? { prefix } : { prefix, authorityTitle: '' });
            }}
            data-testid="plan-signer-prefix"
          />
          <Textarea
            autosize
            minRows={1}
            label={T.footer.authorityTitle}
            placeholder={T.footer.authorityPlaceholder}
            disabled={!signer.prefix}
            value={signer.authorityTitle}
            onChange={(e) => set({ authorityTitle: e.currentTarget.value }, 'signer:authority')}
          />
          <TextInput
            label={T.footer.position}
            placeholder={T.footer.positionPlaceholder}
            value={signer.position}
            onChange={(e) => set({ position: e.currentTarget.value }, 'signer:position')}
            data-testid="plan-signer-position"
          />
          <TextInput
            label={T.footer.name}
            placeholder={T.footer.namePlaceholder}
            value={signer.name}
            onChange={(e) => set({ name: e.currentTarget.value }, 'signer:name')}
            data-testid="plan-signer-name"
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}

export function FooterPanel() {
  return (
    <Stack gap="md" p="xs">
      <Fieldset legend={T.footer.closing} variant="filled">
        <Text size="xs" c="dimmed" mb={6}>
          {T.footer.closingHint}
        </Text>
        <ParagraphList field="closing" addLabel={T.footer.addClosing} placeholder={T.header.paragraphPlaceholder} />
      </Fieldset>
      <Fieldset legend={T.footer.recipients} variant="filled">
        <Recipients />
      </Fieldset>
      <Fieldset legend={T.footer.signer} variant="filled">
        <Signer />
      </Fieldset>
    </Stack>
  );
}
