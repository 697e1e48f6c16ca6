/** Where the sign-in page lives. */
export const SIGN_IN_PATH = '/dang-nhap';
export const SETUP_PATH = '/thiet-lap';
export const CHANGE_PASSWORD_PATH = '/tai-khoan/doi-mat-khau';
export const TWO_FACTOR_PATH = '/tai-khoan/xac-thuc-hai-lop';

/** The sign-in page, remembering where to go afterwards. */
export function signInUrl(next?: string): string {
  const target = next === undefined ? '/' : safeNext(next);
  return target === '/' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(target)}`;
}

/**
 * A path inside this app to return to after signing in; anything else (an
 * absolute or protocol-relative URL, the sign-in page itself) becomes `/`.
 */
export function safeNext(raw: string | null | undefined): string {
  if (raw === null || raw === undefined) return '/';
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (raw === SIGN_IN_PATH || raw.startsWith(`${SIGN_IN_PATH}?`) || raw.startsWith(SETUP_PATH))
    return '/';
  return raw;
}
