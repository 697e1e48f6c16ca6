import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../hooks/useDocumentTitle';

interface Props {
  title: ReactNode;
  /** Text for the browser tab; defaults to the title when it is a string. */
  documentTitle?: string;
  subtitle?: ReactNode;
  extra?: ReactNode;
  before?: ReactNode;
}

/** Page title (h1), subtitle and actions; also sets document.title. */
export function PageHeader({ title, documentTitle, subtitle, extra, before }: Props) {
  useDocumentTitle(documentTitle ?? (typeof title === 'string' ? title : undefined));
  return (
    <div className="page-header">
      <div style={{ minWidth: 0, flex: '1 1 420px' }}>
        {before}
        <Typography.Title level={1}>{title}</Typography.Title>
        {subtitle !== undefined && <div className="page-header-sub">{subtitle}</div>}
      </div>
      {extra !== undefined && <div>{extra}</div>}
    </div>
  );
}
