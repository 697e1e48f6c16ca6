import { betterAuth } from 'better-auth';
import { twoFactor, username } from 'better-auth/plugins';
import type { Database } from '../../db/database.js';

/** Idle expiry: a session unused this long ends. Each use pushes it back (checked every 5 minutes). */
export const IDLE_SECONDS = 30 * 60;
/** Absolute expiry: however active, a session ends this long after sign-in. */
export const ABSOLUTE_SECONDS = 12 * 60 * 60;
export const COOKIE_PREFIX = 'lienhiep';

export interface AuthOptions {
  db: Database;
  secret: string;
  baseUrl: string;
}

/**
 * better-auth does the cryptography: password hashing (scrypt), signed session cookies stored
 * in PostgreSQL, TOTP secrets and backup codes. Its tables are ours in snake_case. Nobody signs
 * up: accounts are created by administrators, so sign-up is off.
 */
export function createAuth(opts: AuthOptions) {
  const ts = { createdAt: 'created_at', updatedAt: 'updated_at' } as const;
  return betterAuth({
    appName: 'Liên hiệp Hội Việt Nam',
    secret: opts.secret,
    baseURL: opts.baseUrl,
    trustedOrigins: [opts.baseUrl],
    database: { db: opts.db, type: 'postgres' },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 128,
    },
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    // a wrong password is an expected event, recorded in our audit trail, not a warning
    logger: { level: 'error' },
    user: { modelName: 'auth_user', fields: { emailVerified: 'email_verified', ...ts } },
    session: {
      modelName: 'auth_session',
      fields: {
        expiresAt: 'expires_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent',
        userId: 'user_id',
        ...ts,
      },
      expiresIn: IDLE_SECONDS,
      updateAge: 5 * 60,
    },
    account: {
      modelName: 'auth_account',
      fields: {
        accountId: 'account_id',
        providerId: 'provider_id',
        userId: 'user_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        ...ts,
      },
    },
    verification: { modelName: 'auth_verification', fields: { expiresAt: 'expires_at', ...ts } },
    advanced: {
      cookiePrefix: COOKIE_PREFIX,
      useSecureCookies: opts.baseUrl.startsWith('https:'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
    plugins: [
      username({ schema: { user: { fields: { displayUsername: 'display_username' } } } }),
      twoFactor({
        issuer: 'Liên hiệp Hội Việt Nam',
        schema: {
          user: { fields: { twoFactorEnabled: 'two_factor_enabled' } },
          twoFactor: {
            modelName: 'auth_two_factor',
            fields: {
              backupCodes: 'backup_codes',
              userId: 'user_id',
              failedVerificationCount: 'failed_verification_count',
              lockedUntil: 'locked_until',
            },
          },
        },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
