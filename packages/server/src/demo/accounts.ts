import type { Database } from '../db/database.js';
import { accessRepository } from '../modules/access/access.repository.js';
import { createAccount } from '../modules/access/access.service.js';
import { systemContext } from '../modules/access/actor.js';
import type { Role } from '../modules/access/roles.js';
import { audit } from '../modules/audit/audit.service.js';
import { organizationRepository } from '../modules/organizations/organization.repository.js';
import { buildDemoDataset } from './dataset.js';

/** Works only while the server runs in demo mode (LIENHIEP_DEMO is not false). */
export const DEMO_PASSWORD = 'LienHiep@2025';

export interface DemoAccount {
  username: string;
  name: string;
  role: Role;
  /** Code of the organisation the role is on, or the full name when the code is generated. */
  organization: { code: string } | { fullName: string };
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'quantri',
    name: 'Trần Quốc Bảo',
    role: 'system_admin',
    organization: { code: 'VUSTA' },
  },
  { username: 'vanphong', name: 'Lê Thị Thu Hà', role: 'editor', organization: { code: 'VUSTA' } },
  {
    username: 'trungtam.duyet',
    name: 'Nguyễn Thị Hồng Nhung',
    role: 'reviewer',
    organization: { code: 'VUSTA' },
  },
  // manages the system-wide definitions (indicators, report forms) without two-factor set-up
  {
    username: 'trungtam.quantri',
    name: 'Đỗ Văn Khánh',
    role: 'unit_admin',
    organization: { code: 'VUSTA' },
  },
  {
    username: 'haiphong.quantri',
    name: 'Phạm Minh Tuấn',
    role: 'unit_admin',
    organization: { code: 'LHH-31' },
  },
  {
    username: 'haiphong.bientap',
    name: 'Vũ Thị Lan',
    role: 'editor',
    organization: { code: 'LHH-31' },
  },
  {
    username: 'haiphong.duyet',
    name: 'Đỗ Văn Hùng',
    role: 'reviewer',
    organization: { code: 'LHH-31' },
  },
  {
    username: 'haiphong.xem',
    name: 'Ngô Thị Mai',
    role: 'viewer',
    organization: { code: 'LHH-31' },
  },
  {
    username: 'haiphong.tinhoc.bientap',
    name: 'Trịnh Quang Huy',
    role: 'editor',
    organization: { code: 'LHH-31-HTV-002' },
  },
  {
    username: 'cantho.bientap',
    name: 'Huỳnh Văn Phúc',
    role: 'editor',
    organization: { code: 'LHH-92' },
  },
  {
    username: 'duochoc.bientap',
    name: 'Bùi Thị Ngọc',
    role: 'editor',
    organization: { fullName: 'Hội Dược học Việt Nam' },
  },
  { username: 'ric.xem', name: 'Đặng Văn Long', role: 'viewer', organization: { code: 'RIC' } },
];

function codeOf(a: DemoAccount): string {
  if ('code' in a.organization) return a.organization.code;
  const name = a.organization.fullName;
  const org = buildDemoDataset().organizations.find((o) => o.fullName === name);
  if (!org) throw new Error(`demo: no organisation named ${name}`);
  return org.key;
}

/** Creates the demo accounts that do not exist yet; returns how many were created. */
export async function loadDemoAccountsIfMissing(db: Database): Promise<number> {
  let created = 0;
  await db.transaction().execute(async (tx) => {
    for (const a of DEMO_ACCOUNTS) {
      if (await accessRepository.findUserByLogin(tx, a.username)) continue;
      const org = await organizationRepository.findByCode(tx, codeOf(a));
      if (!org) continue;
      const id = await createAccount(tx, {
        name: a.name,
        username: a.username,
        email: `${a.username}@demo.lienhiep.vn`,
        password: DEMO_PASSWORD,
        mustChangePassword: false,
        isDemo: true,
        roles: [{ role: a.role, organizationId: org.id }],
      });
      await audit(tx, systemContext('demo'), {
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        organizationId: org.id,
        after: { username: a.username, name: a.name, role: a.role, demo: true },
      });
      created++;
    }
  });
  return created;
}
