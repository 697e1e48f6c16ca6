import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fmtDateTime, fmtNumber } from '../../format';
import { FormCreateModal } from './FormCreateModal';
import { VersionDrawer } from './VersionDrawer';
import {
  formKeys,
  useReportForms,
  type FormVersionSummary,
  type ReportForm,
} from './indicator-api';

/** Tab "Biểu mẫu": every form with its versions; open one to read it or, a draft, to edit it. */
export function FormsTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const forms = useReportForms();
  const [opened, setOpened] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);

  const newVersion = useMutation({
    mutationFn: (formId: string) =>
      unwrap(
        api.POST('/api/report-forms/{id}/versions', { params: { path: { id: formId } }, body: {} }),
      ),
    onSuccess: (v) => {
      void queryClient.invalidateQueries({ queryKey: formKeys.list });
      void message.success(t('indicators.forms.versionCreated', { n: v.version }));
      setOpened(v.id);
    },
  });

  const columns: TableColumnsType<FormVersionSummary> = [
    {
      title: t('indicators.forms.version'),
      dataIndex: 'version',
      width: 110,
      render: (n: number, v) => (
        <Typography.Link onClick={() => setOpened(v.id)}>
          {t('indicators.forms.versionN', { n })}
        </Typography.Link>
      ),
    },
    {
      title: t('indicators.forms.status'),
      dataIndex: 'status',
      width: 130,
      render: (s: FormVersionSummary['status']) =>
        s === 'published' ? (
          <Tag color="green">{t('indicators.forms.published')}</Tag>
        ) : (
          <Tag color="orange">{t('indicators.forms.draft')}</Tag>
        ),
    },
    {
      title: t('indicators.forms.contents'),
      key: 'counts',
      render: (_: unknown, v) =>
        t('indicators.forms.counts', {
          groups: fmtNumber(v.groups),
          indicators: fmtNumber(v.indicators),
          sections: fmtNumber(v.sections),
        }),
    },
    {
      title: t('indicators.forms.rounds'),
      dataIndex: 'rounds',
      width: 120,
      align: 'right',
      render: (n: number) => fmtNumber(n),
    },
    {
      title: t('indicators.forms.publishedAt'),
      dataIndex: 'publishedAt',
      width: 160,
      render: (d: string | null) => fmtDateTime(d),
    },
    { title: t('indicators.forms.note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
  ];

  if (forms.isError)
    return <ProblemAlert error={forms.error} onRetry={() => void forms.refetch()} />;
  if (forms.isPending) return <Spin />;

  return (
    <>
      {canManage && (
        <div style={{ marginBottom: 12, textAlign: 'right' }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('indicators.forms.add')}
          </Button>
        </div>
      )}
      {newVersion.isError && (
        <div style={{ marginBottom: 12 }}>
          <ProblemAlert error={newVersion.error} title={t('indicators.forms.actionRefused')} />
        </div>
      )}
      {forms.data.items.length === 0 ? (
        <Empty description={t('indicators.forms.empty')} />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {forms.data.items.map((f: ReportForm) => (
            <Card
              key={f.id}
              size="small"
              title={
                <Space wrap>
                  <Typography.Text code>{f.code}</Typography.Text>
                  <span>{f.name}</span>
                </Space>
              }
              extra={
                canManage && (
                  <Button
                    size="small"
                    loading={newVersion.isPending && newVersion.variables === f.id}
                    disabled={f.versions[0]?.status === 'draft'}
                    title={
                      f.versions[0]?.status === 'draft'
                        ? t('indicators.forms.draftExists')
                        : undefined
                    }
                    onClick={() => newVersion.mutate(f.id)}
                  >
                    {t('indicators.forms.newVersion')}
                  </Button>
                )
              }
            >
              {f.description !== null && (
                <Typography.Paragraph type="secondary">{f.description}</Typography.Paragraph>
              )}
              <Table<FormVersionSummary>
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={f.versions}
                pagination={false}
                scroll={{ x: 760 }}
              />
            </Card>
          ))}
        </Space>
      )}
      <VersionDrawer
        versionId={opened}
        canManage={canManage}
        onClose={() => setOpened(undefined)}
      />
      <FormCreateModal
        open={creating}
        forms={forms.data.items}
        onClose={() => setCreating(false)}
        onCreated={(v) => setOpened(v.id)}
      />
    </>
  );
}
