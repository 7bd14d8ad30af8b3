import { Alert } from '@mantine/core';

/** The core's Vietnamese message above a form; multi-line messages keep their lines. */
export function FormError({ error, title }: { error: string | null; title?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" title={title} data-testid="form-error" style={{ whiteSpace: 'pre-line' }}>
      {error}
    </Alert>
  );
}
