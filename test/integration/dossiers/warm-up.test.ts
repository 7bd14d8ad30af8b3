// The hosts' warm-up renders a made-up dossier with every report template (individual and
// collective): it must work on its own, with no database (the core swallows a warm-up's
// errors, so a broken one would otherwise go unnoticed).
import { describe, expect, it } from 'vitest';
import { warmUpRenderers } from '../../../electron/services/dossiers/render';

describe('renderer warm-up', () => {
  it('renders every document kind without a database', async () => {
    await expect(warmUpRenderers()).resolves.toBeUndefined();
  });
});
