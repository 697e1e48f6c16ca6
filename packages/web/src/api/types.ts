import type { components } from './schema';

type Schemas = components['schemas'];

export type OrganizationKind = Schemas['OrganizationKind'];
export type OrganizationStatus = Schemas['OrganizationStatus'];
export type OrganizationRef = Schemas['OrganizationRef'];
export type OrganizationSummary = Schemas['OrganizationSummary'];
export type OrganizationList = Schemas['OrganizationList'];
export type OrganizationDetail = Schemas['OrganizationDetail'];
export type OrganizationTree = Schemas['OrganizationTree'];
export type OrganizationHistory = Schemas['OrganizationHistory'];
export type OrganizationCreate = Schemas['OrganizationCreateInput'];
export type OrganizationUpdate = Schemas['OrganizationUpdateInput'];
export type NewOrganization = Schemas['NewOrganizationInput'];
export type TreeNode = Schemas['TreeNode'];
export type KindCounts = Schemas['KindCounts'];
export type LegalBasis = Schemas['LegalBasis'];
export type LineageInput = Schemas['LineageInputInput'];
export type LineageKind = Schemas['LineageKind'];
export type LineageResult = Schemas['LineageResult'];
export type LineageChange = Schemas['LineageChange'];
export type LineageAffected = Schemas['LineageAffected'];
export type LineageEvent = Schemas['LineageEvent'];
export type ParticipantRole = Schemas['ParticipantRole'];
export type ReferenceData = Schemas['ReferenceData'];
export type Province = Schemas['Province'];
