import { createCore, type Core } from '../../electron/core/core';
import { tempDb } from './tmp';

export const OFFICE = {
  name: 'Sở Lao động - Thương binh và Xã hội',
  parentAgency: 'UBND tỉnh Lào Cai',
  levelCode: 'so_nganh',
  placeName: 'Lào Cai',
  abbreviation: 'SLĐTBXH',
  headTitle: 'Giám đốc',
  headName: 'Nguyễn Văn Bình',
  superiorName: 'UBND tỉnh Lào Cai',
};

/** A core on a fresh temp database, office configured unless told otherwise. */
export async function testCore(opts: { office?: boolean; dbPath?: string; today?: string } = {}): Promise<Core> {
  const core = await createCore({ dbPath: opts.dbPath ?? tempDb(), host: 'test', today: opts.today ? () => opts.today! : undefined });
  if (opts.office !== false) await core.invoke('office.save', OFFICE);
  return core;
}
