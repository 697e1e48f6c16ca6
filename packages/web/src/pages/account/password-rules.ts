import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/**
 * The server's password policy (docs/SECURITY.md: 12 to 128 characters, ASVS
 * 2.1.1). Checked here only to answer before the round trip.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * A new password: required (`requiredMessage`, by default "Vui lòng nhập mật
 * khẩu mới"), 10 to 128 characters, optionally different from another field.
 */
export function passwordRules(
  t: TFunction,
  differentFrom?: string,
  requiredMessage?: string,
): FormRule[] {
  const rules: FormRule[] = [
    { required: true, message: requiredMessage ?? t('password.newRequired') },
    { min: PASSWORD_MIN_LENGTH, message: t('password.tooShort', { n: PASSWORD_MIN_LENGTH }) },
    { max: PASSWORD_MAX_LENGTH, message: t('password.tooLong') },
  ];
  if (differentFrom !== undefined) {
    rules.push(({ getFieldValue }) => ({
      validator: (_, value: unknown) =>
        typeof value === 'string' && value !== '' && value === getFieldValue(differentFrom)
          ? Promise.reject(new Error(t('password.sameAsCurrent')))
          : Promise.resolve(),
    }));
  }
  return rules;
}

/** "Nhập lại mật khẩu": must equal the field it repeats. */
export function repeatRules(t: TFunction, field: string): FormRule[] {
  return [
    { required: true, message: t('password.repeatRequired') },
    ({ getFieldValue }) => ({
      validator: (_, value: unknown) =>
        value === undefined || value === '' || value === getFieldValue(field)
          ? Promise.resolve()
          : Promise.reject(new Error(t('password.mismatch'))),
    }),
  ];
}

const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A temporary password for an administrator to hand over: 16 characters from
 * an alphabet without look-alikes (no 0/O, 1/l/I) drawn from the browser's
 * CSPRNG, in groups of four (`abcd-efgh-…`) so that it can be read out.
 */
export function randomPassword(): string {
  const bytes = new Uint32Array(16);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET.charAt(b % ALPHABET.length);
  return (out.match(/.{4}/gu) ?? [out]).join('-');
}
