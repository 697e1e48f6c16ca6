import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { LanguageSwitch } from './LanguageSwitch';

interface Props {
  /** Heading under the product name, also the browser tab title. */
  title: string;
  intro?: ReactNode;
  /** Width of the card in pixels. */
  width?: number;
  /** Shown at the top right, next to the language switch (e.g. "Đăng xuất"). */
  extra?: ReactNode;
  children: ReactNode;
}

/**
 * The pages outside the application shell (sign-in, first-time setup, forced
 * steps): a card centred on the page, with the product name on top.
 */
export function AuthLayout({ title, intro, width = 420, extra, children }: Props) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <div className="auth-page">
      <div className="auth-tools">
        {extra}
        <LanguageSwitch />
      </div>
      <main id="main-content" className="auth-main" tabIndex={-1}>
        <Card className="auth-card" style={{ maxWidth: width }}>
          <div className="auth-brand">
            <img src="/favicon.svg" alt="" width={44} height={44} />
            <div className="auth-brand-name">{t('app.name')}</div>
          </div>
          <Typography.Title level={1} className="auth-title">
            {title}
          </Typography.Title>
          {intro !== undefined && <div className="auth-intro">{intro}</div>}
          {children}
        </Card>
      </main>
    </div>
  );
}
