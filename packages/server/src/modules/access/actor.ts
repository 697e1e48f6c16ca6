import type { Role } from './roles.js';

export interface Assignment {
  id: string;
  role: Role;
  organizationId: string;
}

/** The signed-in person a request acts for. */
export interface Actor {
  userId: string;
  name: string;
  username: string | null;
  email: string;
  twoFactorEnabled: boolean;
  mustChangePassword: boolean;
  sessionId: string;
  assignments: Assignment[];
}

/** Who, from where, under which request id: what services need to authorise and to audit. */
export interface RequestContext {
  actor: Actor | null;
  requestId: string;
  clientIp: string;
}

/** For work the system does on its own behalf (demo load, first administrator). */
export const systemContext = (what: string): RequestContext => ({
  actor: null,
  requestId: what,
  clientIp: '127.0.0.1',
});
