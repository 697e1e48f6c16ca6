import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LineageAffected } from '../../api/types';
import { KindCounts } from '../../components/KindCounts';
import { KindTag } from '../../components/KindTag';
import { fmtNumber } from '../../format';

function Delta({ before, after }: { before: number; after: number }) {
  const diff = after - before;
  if (diff === 0) return null;
  return (
    <Typography.Text type={diff > 0 ? 'success' : 'danger'} style={{ marginInlineStart: 6 }}>
      ({diff > 0 ? '+' : '−'}
      {fmtNumber(Math.abs(diff))})
    </Typography.Text>
  );
}

/** Sub-units per kind of each organisation concerned, before and from the effective date. */
export function AffectedTable({ affected }: { affected: LineageAffected[] }) {
  const { t } = useTranslation();
  return (
    <Table<LineageAffected>
      size="small"
      rowKey={(a) => a.organization.id}
      pagination={false}
      dataSource={affected}
      scroll={{ x: 720 }}
      columns={[
        {
          key: 'organization',
          title: t('wizard.preview.columns.organization'),
          render: (_, a) => (
            <span>
              {a.organization.fullName} <KindTag kind={a.organization.kind} />
            </span>
          ),
        },
        {
          key: 'before',
          title: t('wizard.preview.columns.before'),
          width: '28%',
          render: (_, a) => (
            <div>
              <strong>{fmtNumber(a.beforeTotal)}</strong>
              <div>
                <KindCounts counts={a.before} variant="text" />
              </div>
            </div>
          ),
        },
        {
          key: 'after',
          title: t('wizard.preview.columns.after'),
          width: '28%',
          render: (_, a) => (
            <div>
              <strong>{fmtNumber(a.afterTotal)}</strong>
              <Delta before={a.beforeTotal} after={a.afterTotal} />
              <div>
                <KindCounts counts={a.after} variant="text" />
              </div>
            </div>
          ),
        },
      ]}
    />
  );
}
