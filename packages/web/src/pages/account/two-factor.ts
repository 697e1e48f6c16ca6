/** The base32 secret of an `otpauth://totp/…?secret=…` URI, or undefined. */
export function secretFromUri(uri: string): string | undefined {
  let secret: string | null;
  try {
    secret = new URL(uri).searchParams.get('secret');
  } catch {
    secret = /[?&]secret=([^&#]+)/iu.exec(uri)?.[1] ?? null;
  }
  const cleaned = secret?.replace(/[\s=]/gu, '').toUpperCase();
  return cleaned === undefined || cleaned === '' ? undefined : cleaned;
}

/** `JBSWY3DPEHPK3PXP` → `JBSW Y3DP EHPK 3PXP`, easier to type into a phone. */
export function groupInFours(text: string): string {
  return (text.match(/.{1,4}/gu) ?? []).join(' ');
}

/** Offers a text file for download, without a round trip to the server. */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Where a password error of two-factor set-up or removal goes: the server
 * names the field `password` or `currentPassword`; the form has `password`.
 */
export function passwordFieldOf(field: string): string[] | null {
  return field === 'password' || field === 'currentPassword' ? ['password'] : null;
}
