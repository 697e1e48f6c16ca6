import type { FormInstance } from 'antd';
import { ProblemError } from '../api/client';

type NamePath = (string | number)[];

/** `legalBasis.number` → ['legalBasis', 'number']; `newOrganizations.0.fullName` → [..., 0, ...]. */
export function fieldPath(field: string): NamePath {
  return field
    .split(/[.[\]]+/u)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/u.test(part) ? Number(part) : part));
}

/**
 * Puts the field messages of a problem+json error on the form fields they
 * name. `mapField` translates API field names to form paths (or null to skip).
 * Returns how many messages were placed on a field of the form.
 */
export function applyProblemToForm(
  form: FormInstance,
  error: unknown,
  mapField: (field: string) => NamePath | null = fieldPath,
): number {
  if (!(error instanceof ProblemError) || error.fieldErrors.length === 0) return 0;
  const byPath = new Map<string, { name: NamePath; errors: string[] }>();
  for (const e of error.fieldErrors) {
    const name = mapField(e.field);
    if (name === null) continue;
    const key = JSON.stringify(name);
    const entry = byPath.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(e.message)) entry.errors.push(e.message);
    byPath.set(key, entry);
  }
  const entries = [...byPath.values()];
  form.setFields(entries.map((entry) => ({ name: entry.name, errors: entry.errors })));
  const first = entries[0];
  if (first !== undefined) form.scrollToField(first.name, { block: 'center', behavior: 'smooth' });
  return entries.length;
}

/** The form's values once every field is valid; undefined otherwise (antd shows the messages on the fields). */
export async function validatedValues<T>(form: {
  validateFields: () => Promise<T>;
}): Promise<T | undefined> {
  try {
    return await form.validateFields();
  } catch {
    return undefined;
  }
}
