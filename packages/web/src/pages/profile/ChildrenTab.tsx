import { compareVietnamese } from '@lienhiep/core';
import { Alert, Empty, Skeleton, Space, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemError } from '../../api/client';
import { useTree } from '../../api/queries';
import type { TreeNode } from '../../api/types';
import { ExportButtons, exportQuery } from '../../components/ExportButtons';
import { KindCounts, nonZeroCounts } from '../../components/KindCounts';
import { KindTag } from '../../components/KindTag';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusTag } from '../../components/StatusTag';
import { ORGANIZATION_KINDS, fmtDate, fmtNumber } from '../../format';
import { useLinkWithAt } from '../../hooks/useAtDate';

/** Direct sub-units on the viewed date, with their own counts. */
export function ChildrenTab({
  id,
  at,
  atIso,
}: {
  id: string;
  at: string | undefined;
  atIso: string;
}) {
  const { t } = useTranslation();
  const withAt = useLinkWithAt();
  const tree = useTree(id, at);

  const children = useMemo(
    () =>
      [...(tree.data?.children ?? [])].sort(
        (a, b) =>
          ORGANIZATION_KINDS.indexOf(a.kind) - ORGANIZATION_KINDS.indexOf(b.kind) ||
          compareVietnamese(a.fullName, b.fullName),
      ),
    [tree.data],
  );

  if (tree.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (tree.isError) {
    if (tree.error instanceof ProblemError && tree.error.status === 404) {
      return (
        <Alert
          type="info"
          showIcon
          title={t('profile.children.notAtDate', { date: fmtDate(atIso) })}
        />
      );
    }
    return <ProblemAlert error={tree.error} onRetry={() => void tree.refetch()} />;
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {children.length > 0 && (
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <ExportButtons
            size="small"
            href={(format) =>
              `/api/organizations/${id}/children/export?${exportQuery({ at }, format)}`
            }
          />
        </div>
      )}
      <Table<TreeNode>
        rowKey="id"
        size="middle"
        dataSource={children}
        scroll={{ x: 760 }}
        pagination={children.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('profile.children.empty', { date: fmtDate(atIso) })}
            />
          ),
        }}
        columns={[
          {
            key: 'name',
            title: t('profile.children.columns.name'),
            render: (_, c) => (
              <div className="org-name-cell">
                <Link to={withAt(`/to-chuc/${c.id}`)}>{c.fullName}</Link>
                {c.shortName !== null && <span className="org-short">{c.shortName}</span>}
              </div>
            ),
          },
          {
            key: 'kind',
            title: t('profile.children.columns.kind'),
            width: 130,
            render: (_, c) => <KindTag kind={c.kind} />,
          },
          {
            key: 'status',
            title: t('profile.children.columns.status'),
            width: 130,
            render: (_, c) => <StatusTag status={c.status} />,
          },
          {
            key: 'direct',
            title: t('profile.children.columns.direct'),
            width: 120,
            align: 'right',
            render: (_, c) => fmtNumber(c.childCount),
          },
          {
            key: 'composition',
            title: t('profile.children.columns.composition'),
            render: (_, c) =>
              c.subtreeTotal === 0 ? (
                t('common.none')
              ) : nonZeroCounts(c.subtreeCounts).length === 1 ? (
                <KindCounts counts={c.subtreeCounts} variant="text" />
              ) : (
                <span>
                  <strong>{fmtNumber(c.subtreeTotal)}</strong>
                  {': '}
                  <KindCounts counts={c.subtreeCounts} variant="text" />
                </span>
              ),
          },
        ]}
      />
    </Space>
  );
}
