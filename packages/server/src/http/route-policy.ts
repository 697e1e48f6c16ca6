import type { RequestContext } from '../modules/access/actor.js';
import type { Permission } from '../modules/access/roles.js';

/**
 * What a route requires, declared in its `config.policy`: 'public' (no session), 'signed_in'
 * (any signed-in user), or a permission the user must hold somewhere (the subtree check on the
 * particular organisation is the service's, through the policy module). A route without a
 * policy is refused at run time, and fails the authorisation matrix test at build time.
 */
export type RoutePolicy = 'public' | 'signed_in' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
    /** Reachable while the account must still change its password or set up two-factor sign-in. */
    allowPending?: boolean;
    /**
     * Names of this route's fields where the shared ones (field-labels.ts) would mislead: an
     * activity's `title` is its name, not an academic title. Looked up before the shared ones.
     */
    fieldLabels?: Readonly<Record<string, string>>;
  }
  interface FastifyRequest {
    ctx: RequestContext;
  }
}
