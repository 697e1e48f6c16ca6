import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the browser tab title: "<page> · Liên hiệp Hội – Nền tảng số". */
export function useDocumentTitle(page: string | undefined): void {
  const { t } = useTranslation();
  const suffix = t('app.documentTitle');
  useEffect(() => {
    document.title = page !== undefined && page !== '' ? `${page} · ${suffix}` : suffix;
  }, [page, suffix]);
}
