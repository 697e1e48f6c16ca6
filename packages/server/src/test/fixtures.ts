import type { Executor } from '../db/database.js';
import type { App } from '../http/app.js';
import { createRoot, createUser, signIn, type Client } from './session.js';

export interface Org {
  id: string;
  code: string;
}

/** Creates an organisation through the API and fails loudly if the API refuses. */
export async function createOrg(api: Client, body: Record<string, unknown>): Promise<Org> {
  const res = await api.post('/api/organizations', body);
  if (res.statusCode !== 201) throw new Error(`create failed ${res.statusCode}: ${res.body}`);
  return res.json<Org>();
}

export const BASIS = { number: '1234/QĐ-LHHVN', date: '2025-06-27', issuer: 'Đoàn Chủ tịch LHHVN' };

/**
 * A small tree in the shape of the real one — the central union, the Hải Phòng and Hải Dương
 * unions before their 2025 merger with member associations, a club, a national association —
 * built through the API by an editor of the central union (who sees everything).
 */
export async function buildSmallTree(app: App, db: Executor) {
  const vustaId = await createRoot(db);
  await createUser(db, 'trungtam', [{ role: 'editor', organizationId: vustaId }]);
  const api = await signIn(app, 'trungtam');
  const vusta = { id: vustaId, code: 'VUSTA' };
  const hp = await createOrg(api, {
    code: 'LHH-31',
    kind: 'provincial_union',
    fullName: 'Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Hải Phòng',
    shortName: 'Liên hiệp Hội Hải Phòng',
    parentId: vusta.id,
    foundedOn: '1992-05-10',
    provinceCode: '31',
    historicProvinceCode: '31',
  });
  const hd = await createOrg(api, {
    code: 'LHH-30',
    kind: 'provincial_union',
    fullName: 'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Hải Dương',
    shortName: 'Liên hiệp Hội Hải Dương',
    parentId: vusta.id,
    foundedOn: '1996-09-02',
    provinceCode: '31',
    historicProvinceCode: '30',
  });
  const dl = await createOrg(api, {
    code: 'LHH-66',
    kind: 'provincial_union',
    fullName: 'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Đắk Lắk',
    parentId: vusta.id,
    foundedOn: '1998-01-15',
    provinceCode: '66',
  });
  const hpLaw = await createOrg(api, {
    code: 'LHH-31-001',
    kind: 'member_association',
    fullName: 'Hội Luật gia thành phố Hải Phòng',
    parentId: hp.id,
    foundedOn: '2001-03-01',
    provinceCode: '31',
  });
  const hdLaw = await createOrg(api, {
    code: 'LHH-30-001',
    kind: 'member_association',
    fullName: 'Hội Luật gia tỉnh Hải Dương',
    parentId: hd.id,
    foundedOn: '2003-04-01',
    provinceCode: '31',
  });
  const hdMed = await createOrg(api, {
    code: 'LHH-30-002',
    kind: 'member_association',
    fullName: 'Hội Đông y tỉnh Hải Dương',
    parentId: hd.id,
    foundedOn: '2004-06-01',
    provinceCode: '31',
  });
  const hdClub = await createOrg(api, {
    code: 'LHH-30-003',
    kind: 'club',
    fullName: 'Câu lạc bộ Nhà khoa học trẻ Hải Dương',
    parentId: hd.id,
    foundedOn: '2015-01-01',
    provinceCode: '31',
  });
  const pharma = await createOrg(api, {
    code: 'HNTQ-DUOC',
    kind: 'national_association',
    fullName: 'Hội Dược học Việt Nam',
    englishName: 'Vietnam Pharmaceutical Association',
    parentId: vusta.id,
    foundedOn: '1960-01-01',
    provinceCode: '01',
    fieldCode: 'y_duoc',
  });
  return { api, vusta, hp, hd, dl, hpLaw, hdLaw, hdMed, hdClub, pharma };
}
