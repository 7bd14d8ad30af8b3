// What a task's "Người phụ trách" field holds: a person of the office, or a name as typed.

export interface ResponsibleChoice {
  id: string;
  /** "Nguyễn Văn An — Văn phòng (Sở Y tế) — 12/03/1980", as every person picker shows them */
  label: string;
  fullName: string;
}

/**
 * The person the field names, or its text: a picked label is that person; a name only one person
 * has is that person; the person the task had stays theirs while the field shows their label or
 * name (two "Nguyễn Văn An" in a province: a name alone no longer chose one, and the task lost its
 * person at the next edit). Anything else is kept as typed.
 */
export function resolveResponsible(
  text: string,
  kept: { id: string; label: string | null; fullName: string } | null,
  people: readonly ResponsibleChoice[],
): { staffId: string | null; name: string } {
  const t = text.trim();
  if (!t) return { staffId: null, name: '' };
  if (kept && (t === kept.fullName || t === kept.label)) return { staffId: kept.id, name: '' };
  const byLabel = people.find((p) => p.label === t);
  if (byLabel) return { staffId: byLabel.id, name: '' };
  const named = people.filter((p) => p.fullName === t);
  return named.length === 1 ? { staffId: named[0]!.id, name: '' } : { staffId: null, name: t };
}
