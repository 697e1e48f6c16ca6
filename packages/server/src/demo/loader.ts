import { randomUUID } from 'node:crypto';
import type { Database, Executor } from '../db/database.js';
import type { LineageInput } from '../modules/lineage/lineage.schemas.js';
import { recordLineageEvent } from '../modules/lineage/lineage.service.js';
import { organizationRepository as orgs } from '../modules/organizations/organization.repository.js';
import type { OrganizationCreate } from '../modules/organizations/organization.schemas.js';
import { treeRepository as tree } from '../modules/organizations/tree.repository.js';
import { buildDemoDataset } from './dataset.js';
import type { DemoLineageEvent, DemoOrganization } from './dataset-types.js';

export interface DemoLoadResult {
  organizations: number;
  events: number;
}

function createInput(o: DemoOrganization, parentId: string | null): OrganizationCreate {
  return {
    code: o.key,
    kind: o.kind,
    fullName: o.fullName,
    shortName: o.shortName,
    englishName: o.englishName,
    parentId,
    foundedOn: o.foundedOn,
    provinceCode: o.provinceCode,
    historicProvinceCode: o.historicProvinceCode,
    fieldCode: o.fieldCode,
    address: o.address,
    phone: o.phone,
    email: o.email,
    website: o.website,
    foundingDecision: o.foundingDecision,
  };
}

/**
 * Loads the demo tree. Organisations are inserted in bulk in date order and every lineage event
 * is recorded through the same code path a user's would take, so the demo's history is exactly
 * what the product would have produced. One transaction: all of it or nothing.
 */
export async function loadDemo(db: Database): Promise<DemoLoadResult> {
  const data = buildDemoDataset();
  const ids = new Map<string, string>();
  const idOf = (key: string): string => {
    const id = ids.get(key);
    if (!id) throw new Error(`demo: unknown key ${key}`);
    return id;
  };
  const foundedOf = new Map(data.organizations.map((o) => [o.key, o.foundedOn]));
  const pending = [...data.organizations].sort((a, b) => a.foundedOn.localeCompare(b.foundedOn));

  async function insertFoundedBefore(tx: Executor, limit: string | null): Promise<void> {
    const batch: DemoOrganization[] = [];
    while (pending.length > 0 && (limit === null || pending[0]!.foundedOn < limit))
      batch.push(pending.shift()!);
    if (batch.length === 0) return;
    for (const o of batch) ids.set(o.key, randomUUID());
    await orgs.insertMany(
      tx,
      batch.map((o) => ({
        id: idOf(o.key),
        code: o.key,
        kind: o.kind,
        full_name: o.fullName,
        short_name: o.shortName,
        english_name: o.englishName,
        province_code: o.provinceCode,
        historic_province_code: o.historicProvinceCode,
        field_code: o.fieldCode,
        address: o.address,
        phone: o.phone,
        email: o.email,
        website: o.website,
        founding_decision_number: o.foundingDecision?.number ?? null,
        founding_decision_date: o.foundingDecision?.date ?? null,
        founding_decision_issuer: o.foundingDecision?.issuer ?? null,
        founded_on: o.foundedOn,
      })),
    );
    await tree.insertManyNames(
      tx,
      batch.map((o) => ({
        organization_id: idOf(o.key),
        full_name: o.fullName,
        short_name: o.shortName,
        english_name: o.englishName,
        valid_from: o.foundedOn,
      })),
    );
    await tree.insertManyParents(
      tx,
      batch
        .filter((o) => o.parentKey !== null)
        .map((o) => {
          const parentFounded = foundedOf.get(o.parentKey!) ?? o.foundedOn;
          return {
            organization_id: idOf(o.key),
            parent_id: idOf(o.parentKey!),
            valid_from: parentFounded > o.foundedOn ? parentFounded : o.foundedOn,
          };
        }),
    );
    await tree.refreshClosure(
      tx,
      batch.map((o) => idOf(o.key)),
    );
  }

  function toInput(e: DemoLineageEvent): LineageInput {
    const common = { effectiveDate: e.effectiveDate, legalBasis: e.legalBasis, note: e.note };
    switch (e.kind) {
      case 'merge':
        return {
          kind: 'merge',
          ...common,
          sourceIds: e.sourceKeys.map(idOf),
          survivorId: idOf(e.survivorKey),
        };
      case 'rename':
        return {
          kind: 'rename',
          ...common,
          organizationId: idOf(e.organizationKey),
          fullName: e.fullName,
          shortName: e.shortName,
        };
      case 'move':
        return {
          kind: 'move',
          ...common,
          organizationId: idOf(e.organizationKey),
          newParentId: idOf(e.newParentKey),
        };
      case 'dissolve':
        return { kind: 'dissolve', ...common, organizationId: idOf(e.organizationKey) };
      case 'split':
        return {
          kind: 'split',
          ...common,
          sourceId: idOf(e.sourceKey),
          sourceContinues: e.sourceContinues,
          newOrganizations: e.newOrganizations.map((o) => {
            const { foundedOn: _f, ...rest } = createInput(
              o,
              o.parentKey ? idOf(o.parentKey) : null,
            );
            return rest;
          }),
          childMoves: e.childMoves.map((m) => ({
            childId: idOf(m.childKey),
            toIndex: e.newOrganizations.findIndex((o) => o.key === m.toKey),
          })),
        };
    }
  }

  await db.transaction().execute(async (tx) => {
    for (const e of data.events) {
      await insertFoundedBefore(tx, e.effectiveDate);
      await recordLineageEvent(tx, toInput(e));
      if (e.kind === 'split') {
        // organisations born from a split got their ids from the event; look them up by code
        for (const o of e.newOrganizations) {
          const row = await orgs.findByCode(tx, o.key);
          if (row) ids.set(o.key, row.id);
        }
      }
    }
    await insertFoundedBefore(tx, null);
  });
  return { organizations: ids.size, events: data.events.length };
}

export async function loadDemoIfEmpty(
  db: Database,
  log: (m: string) => void,
): Promise<DemoLoadResult | null> {
  if ((await orgs.count(db)) > 0) return null;
  log('Cơ sở dữ liệu trống: đang nạp dữ liệu mẫu…');
  return loadDemo(db);
}
