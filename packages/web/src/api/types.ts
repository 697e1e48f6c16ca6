import type { components, paths } from './schema';

/*
 * Names for the API's shapes. Request bodies are taken from the operations
 * themselves, so that they follow the generated schema whatever its
 * components are called.
 */

type Schemas = components['schemas'];
type JsonBody<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type OrganizationKind = Schemas['OrganizationKind'];
export type OrganizationStatus = Schemas['OrganizationStatus'];
export type OrganizationRef = Schemas['OrganizationRef'];
export type OrganizationSummary = Schemas['OrganizationSummary'];
export type OrganizationList = Schemas['OrganizationList'];
export type OrganizationDetail = Schemas['OrganizationDetail'];
export type OrganizationTree = Schemas['OrganizationTree'];
export type OrganizationHistory = Schemas['OrganizationHistory'];
export type TreeNode = Schemas['TreeNode'];
export type KindCounts = Schemas['KindCounts'];
export type LegalBasis = Schemas['LegalBasis'];
export type LineageKind = Schemas['LineageKind'];
export type LineageResult = Schemas['LineageResult'];
export type LineageChange = Schemas['LineageChange'];
export type LineageAffected = Schemas['LineageAffected'];
export type LineageEvent = Schemas['LineageEvent'];
export type ParticipantRole = Schemas['ParticipantRole'];
export type ReferenceData = Schemas['ReferenceData'];
export type Province = Schemas['Province'];

export type OrganizationCreate = JsonBody<paths['/api/organizations']['post']['requestBody']>;
export type OrganizationUpdate = JsonBody<paths['/api/organizations/{id}']['patch']['requestBody']>;
export type LineageInput = JsonBody<paths['/api/lineage-events']['post']['requestBody']>;
export type NewOrganization = NonNullable<
  Extract<LineageInput, { kind: 'merge' }>['newOrganization']
>;

export type Role = Schemas['Role'];
export type Permission = Schemas['Permission'];
export type RoleAssignment = Schemas['RoleAssignment'];
export type Me = Schemas['Me'];
export type User = Schemas['User'];
export type UserList = Schemas['UserList'];
export type AuditEntry = Schemas['AuditEntry'];
export type AuditList = Schemas['AuditList'];
export type TwoFactorSetup = Schemas['TwoFactorSetup'];

export type SignInInput = JsonBody<paths['/api/auth/sign-in']['post']['requestBody']>;
export type SignInResult = Schemas['SignInResult'];
export type ChangePasswordInput = JsonBody<paths['/api/auth/password']['post']['requestBody']>;
export type SetupInput = JsonBody<paths['/api/setup']['post']['requestBody']>;
export type UserCreate = JsonBody<paths['/api/users']['post']['requestBody']>;
export type UserUpdate = JsonBody<paths['/api/users/{id}']['patch']['requestBody']>;
export type GrantInput = JsonBody<paths['/api/users/{id}/roles']['post']['requestBody']>;
export type AuditQuery = NonNullable<paths['/api/audit']['get']['parameters']['query']>;

export type PersonTitle = Schemas['PersonTitle'];
export type PersonDegree = Schemas['PersonDegree'];
export type Gender = Schemas['Gender'];
export type FieldCode = Schemas['FieldCode'];
export type MembershipStatus = Schemas['MembershipStatus'];
export type MembershipEventKind = Schemas['MembershipEventKind'];
export type PositionRole = Schemas['PositionRole'];
export type Person = Schemas['Person'];
export type PersonRef = Schemas['PersonRef'];
export type PersonList = Schemas['PersonList'];
export type PersonDetail = Schemas['PersonDetail'];
export type Membership = Schemas['Membership'];
export type MembershipEvent = Schemas['MembershipEvent'];
export type Position = Schemas['Position'];
export type Leadership = Schemas['Leadership'];
export type MemberStats = Schemas['MemberStats'];
export type StatGroup = Schemas['StatGroup'];
export type DuplicateCandidate = Schemas['DuplicateCandidate'];
export type CollectiveEventKind = Schemas['CollectiveEventKind'];
export type CollectiveMember = Schemas['CollectiveMember'];
export type CollectiveMemberList = Schemas['CollectiveMemberList'];
export type CollectiveMembershipList = Schemas['CollectiveMembershipList'];

export type PersonCreate = JsonBody<paths['/api/people']['post']['requestBody']>;
export type PersonUpdate = JsonBody<paths['/api/people/{id}']['patch']['requestBody']>;
export type MembershipEventInput = JsonBody<
  paths['/api/people/{id}/memberships']['post']['requestBody']
>;
export type PositionInput = JsonBody<
  paths['/api/organizations/{id}/positions']['post']['requestBody']
>;
export type PeopleQuery = NonNullable<paths['/api/people']['get']['parameters']['query']>;
export type ExpertsQuery = NonNullable<paths['/api/people/experts']['get']['parameters']['query']>;
export type CollectiveEventInput = JsonBody<
  paths['/api/organizations/{id}/collective-members']['post']['requestBody']
>;
