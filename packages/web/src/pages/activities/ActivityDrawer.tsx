import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  PaperClipOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  List,
  Popconfirm,
  Skeleton,
  Space,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, unwrap } from '../../api/client';
import { OrgLink } from '../../components/OrgLink';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fmtDateTime, fmtNumber } from '../../format';
import { useLanguage } from '../../i18n';
import {
  activityKeys,
  attachmentUrl,
  uploadAttachment,
  useActivity,
  type ActivityDetail,
} from './activity-api';
import {
  ActivityKindTag,
  KIND_FIGURES,
  dateRange,
  figureLabel,
  fileSize,
  levelLabel,
  modeLabel,
} from './activity-format';
import { ActivityFormModal } from './ActivityFormModal';

interface Props {
  id: string | undefined;
  onClose: () => void;
}

/** One activity: what, who, when, where, its figures and files; edit, delete, attach. */
export function ActivityDrawer({ id, onClose }: Props) {
  const { t } = useTranslation();
  const detail = useActivity(id);
  const a = detail.data;
  return (
    <Drawer
      open={id !== undefined}
      onClose={onClose}
      size="large"
      title={a?.title ?? t('activities.drawer.title')}
      destroyOnHidden
    >
      {detail.isError ? (
        <ProblemAlert error={detail.error} onRetry={() => void detail.refetch()} />
      ) : a === undefined ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <ActivityView activity={a} onDeleted={onClose} />
      )}
    </Drawer>
  );
}

function ActivityView({
  activity: a,
  onDeleted,
}: {
  activity: ActivityDetail;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const none = t('common.none');

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: activityKeys.all });
  };

  const remove = useMutation({
    mutationFn: () =>
      unwrap(api.DELETE('/api/activities/{id}', { params: { path: { id: a.id } } })),
    onSuccess: () => {
      void message.success(t('activities.drawer.deleted'));
      queryClient.removeQueries({ queryKey: activityKeys.detail(a.id) });
      refresh();
      onDeleted();
    },
  });

  const upload = useMutation({
    mutationFn: (file: File) => uploadAttachment(a.id, file),
    onSuccess: (f) => {
      void message.success(t('activities.attachments.added', { name: f.fileName }));
      refresh();
    },
  });

  const removeFile = useMutation({
    mutationFn: (attachmentId: string) =>
      unwrap(
        api.DELETE('/api/activities/{id}/attachments/{attachmentId}', {
          params: { path: { id: a.id, attachmentId } },
        }),
      ),
    onSuccess: () => {
      void message.success(t('activities.attachments.removed'));
      refresh();
    },
  });

  const figures = KIND_FIGURES[a.kind].filter(({ figure }) => a.figures[figure] !== null);
  const actionError = remove.error ?? upload.error ?? removeFile.error;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {a.canWrite && (
        <Space wrap>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('activities.drawer.edit')}
          </Button>
          <Popconfirm
            title={t('activities.drawer.deleteTitle')}
            description={
              <div style={{ maxWidth: 320 }}>
                {t('activities.drawer.deleteText', {
                  title: a.title,
                  n: a.attachments.length,
                })}
              </div>
            }
            okText={t('activities.drawer.deleteOk')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => remove.mutate()}
          >
            <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
              {t('activities.drawer.delete')}
            </Button>
          </Popconfirm>
        </Space>
      )}
      {actionError !== null && (
        <ProblemAlert error={actionError} title={t('activities.drawer.actionError')} />
      )}
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('activities.fields.organization')}>
          <OrgLink org={a.organization} />
        </Descriptions.Item>
        <Descriptions.Item label={t('activities.fields.kind')}>
          <ActivityKindTag kind={a.kind} subtype={a.subtype} />
        </Descriptions.Item>
        <Descriptions.Item label={t('activities.fields.dates')}>{dateRange(a)}</Descriptions.Item>
        <Descriptions.Item label={t('activities.fields.mode')}>
          {modeLabel(a.mode, lang)}
        </Descriptions.Item>
        <Descriptions.Item label={t('activities.fields.province')}>
          {a.province?.name ?? none}
        </Descriptions.Item>
        {a.projectLevel !== null && (
          <Descriptions.Item label={t('activities.fields.projectLevel')}>
            {levelLabel(a.projectLevel, lang)}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('activities.fields.partners')}>
          {a.partners ?? none}
        </Descriptions.Item>
        {figures.length === 0 ? (
          <Descriptions.Item label={t('activities.fields.figures')}>
            {t('activities.drawer.noFigures')}
          </Descriptions.Item>
        ) : (
          figures.map(({ figure }) => (
            <Descriptions.Item key={figure} label={figureLabel(a.kind, figure, lang)}>
              {fmtNumber(a.figures[figure] ?? 0)}
            </Descriptions.Item>
          ))
        )}
        <Descriptions.Item label={t('activities.fields.description')}>
          {a.description === null ? (
            none
          ) : (
            <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>
              {a.description}
            </Typography.Paragraph>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('activities.drawer.recorded')}>
          {a.createdByName === null
            ? fmtDateTime(a.createdAt)
            : t('activities.drawer.recordedBy', {
                at: fmtDateTime(a.createdAt),
                name: a.createdByName,
              })}
          {a.imported && ` · ${t('activities.drawer.imported')}`}
        </Descriptions.Item>
      </Descriptions>

      <div>
        <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 8 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            <PaperClipOutlined /> {t('activities.attachments.title')}
          </Typography.Title>
          {a.canWrite && (
            <Upload
              showUploadList={false}
              multiple={false}
              accept=".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.jpg,.jpeg,.png,.gif,.webp"
              customRequest={({ file, onSuccess, onError }) => {
                upload
                  .mutateAsync(file as File)
                  .then((r) => onSuccess?.(r))
                  .catch((err: unknown) => onError?.(new Error(errorMessage(err))));
              }}
            >
              <Button icon={<UploadOutlined />} loading={upload.isPending}>
                {t('activities.attachments.add')}
              </Button>
            </Upload>
          )}
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('activities.attachments.hint')}
        </Typography.Paragraph>
        <List
          size="small"
          bordered
          dataSource={a.attachments}
          locale={{ emptyText: t('activities.attachments.empty') }}
          renderItem={(f) => (
            <List.Item
              actions={[
                <Button
                  key="download"
                  size="small"
                  icon={<DownloadOutlined />}
                  href={attachmentUrl(a.id, f.id)}
                  aria-label={t('activities.attachments.download', { name: f.fileName })}
                >
                  {t('activities.attachments.downloadShort')}
                </Button>,
                ...(a.canWrite
                  ? [
                      <Popconfirm
                        key="remove"
                        title={t('activities.attachments.removeTitle', { name: f.fileName })}
                        okText={t('common.remove')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={() => removeFile.mutate(f.id)}
                      >
                        <Button
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('activities.attachments.remove', { name: f.fileName })}
                        />
                      </Popconfirm>,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta
                title={f.fileName}
                description={`${fileSize(f.size)} · ${fmtDateTime(f.createdAt)}${f.createdByName ? ` · ${f.createdByName}` : ''}`}
              />
            </List.Item>
          )}
        />
      </div>
      <ActivityFormModal
        mode="edit"
        open={editing}
        activity={a}
        onClose={() => setEditing(false)}
      />
    </Space>
  );
}
