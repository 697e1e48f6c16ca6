import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';

export type ExportFormat = 'xlsx' | 'csv';

/** A query string from the filters that are set, with the file format. */
export function exportQuery(
  filters: Record<string, string | number | readonly string[] | undefined>,
  format: ExportFormat,
): string {
  const sp = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (Array.isArray(value)) for (const v of value as readonly string[]) sp.append(key, v);
    else if (value !== undefined && value !== '') sp.set(key, String(value));
  }
  sp.set('format', format);
  return sp.toString();
}

/**
 * "Xuất Excel" and "Xuất CSV": plain links to the API's export of the list being viewed (the
 * browser downloads the file with the session cookie; the server applies the reader's reach).
 */
export function ExportButtons({
  href,
  size,
}: {
  href: (format: ExportFormat) => string;
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Button icon={<DownloadOutlined />} href={href('xlsx')} size={size}>
        {t('common.exportXlsx')}
      </Button>
      <Button icon={<DownloadOutlined />} href={href('csv')} size={size}>
        {t('common.exportCsv')}
      </Button>
    </Space>
  );
}
