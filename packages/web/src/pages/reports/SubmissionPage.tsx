import {
  CheckOutlined,
  CommentOutlined,
  FileWordOutlined,
  DeleteOutlined,
  LockOutlined,
  PaperClipOutlined,
  RollbackOutlined,
  SendOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Badge,
  Breadcrumb,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Popover,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProblemError, api, errorMessage, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDocumentJob } from '../consolidation/consolidation-api';
import { fmtDate, fmtDateTime, fmtNumber } from '../../format';
import { ReturnModal } from './ReviewModal';
import { SourcesDrawer } from './SourcesDrawer';
import {
  STATUS_COLORS,
  reportKeys,
  useSubmission,
  type IndicatorItem,
  type ReviewInput,
  type SectionItem,
  type SubmissionComment,
  type SubmissionDetail,
} from './report-api';

const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** vi-VN digits in the number inputs: 1.234,5 */
const viFormatter = (v: number | string | undefined): string => {
  if (v === undefined || v === '') return '';
  const [int, dec] = String(v).split('.');
  const grouped = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return dec !== undefined ? `${grouped},${dec}` : grouped;
};
const viParser = (s: string | undefined): number =>
  Number((s ?? '').replace(/\./g, '').replace(',', '.')) || 0;

type Row = { key: string; group: string } | { key: string; item: IndicatorItem };

function CommentsBadge({ comments }: { comments: SubmissionComment[] }) {
  const { t } = useTranslation();
  if (comments.length === 0) return null;
  return (
    <Popover
      title={t('reports.comments')}
      content={
        <List
          size="small"
          style={{ maxWidth: 360 }}
          dataSource={comments}
          renderItem={(c) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <span>{c.body}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {fmtDateTime(c.createdAt)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      }
    >
      <Badge count={comments.length} size="small" offset={[4, 0]}>
        <CommentOutlined
          style={{ color: '#cf1322', fontSize: 16 }}
          aria-label={t('reports.comments')}
        />
      </Badge>
    </Popover>
  );
}

/** The unit's own figure: typed in; an activity figure that differs asks why. */
function FigureInput({
  item,
  onCommit,
}: {
  item: IndicatorItem;
  onCommit: (value: number | null) => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | null>(item.ownValue);
  // Enter then blur would send the same figure twice
  const sent = useRef<number | null>(item.ownValue);
  useEffect(() => {
    setValue(item.ownValue);
    sent.current = item.ownValue;
  }, [item.ownValue]);
  const commit = () => {
    if (value === sent.current) return;
    sent.current = value;
    onCommit(value);
  };
  return (
    <InputNumber<number>
      value={value}
      min={0}
      onChange={(v) => setValue(v)}
      onBlur={commit}
      onPressEnter={commit}
      formatter={viFormatter}
      parser={viParser}
      style={{ width: 140 }}
      aria-label={t('reports.figure.own', { label: item.label })}
      status={item.overridden ? 'warning' : undefined}
    />
  );
}

function SectionEditor({
  section,
  canEdit,
  saving,
  onSave,
}: {
  section: SectionItem;
  canEdit: boolean;
  saving: boolean;
  onSave: (body: string) => void;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState(section.body);
  useEffect(() => setBody(section.body), [section.body]);
  return (
    <Card
      size="small"
      title={
        <Space>
          {section.label}
          <CommentsBadge comments={section.comments} />
        </Space>
      }
      style={{ marginBottom: 12 }}
      extra={
        canEdit ? (
          <Button
            size="small"
            type="primary"
            disabled={body === section.body}
            loading={saving}
            onClick={() => onSave(body)}
          >
            {t('common.save')}
          </Button>
        ) : undefined
      }
    >
      {section.comments.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={section.comments.map((c) => c.body).join(' • ')}
        />
      )}
      {canEdit ? (
        <Input.TextArea
          value={body}
          onChange={(e) => setBody(e.target.value)}
          autoSize={{ minRows: 4, maxRows: 16 }}
          placeholder={section.guidance ?? undefined}
          aria-label={section.label}
        />
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {section.body || (
            <Typography.Text type="secondary">{t('reports.sectionEmpty')}</Typography.Text>
          )}
        </Typography.Paragraph>
      )}
      {canEdit && section.guidance && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {section.guidance}
        </Typography.Text>
      )}
    </Card>
  );
}

function ParticularsCard({
  s,
  onSave,
  saving,
}: {
  s: SubmissionDetail;
  onSave: (v: Record<string, unknown>) => void;
  saving: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const p = s.particulars;
  useEffect(() => {
    form.setFieldsValue({
      documentNumber: p.documentNumber ?? '',
      place: p.place ?? '',
      signerAuthority: p.signerAuthority ?? '',
      signerPosition: p.signerPosition ?? '',
      signerName: p.signerName ?? '',
      recipients: p.recipients.join('\n'),
    });
  }, [p, form]);
  return (
    <Card
      title={t('reports.particulars')}
      extra={
        s.canEdit ? (
          <Button
            size="small"
            type="primary"
            loading={saving}
            onClick={() =>
              void form.validateFields().then((v: Record<string, string>) =>
                onSave({
                  ...v,
                  recipients: (v.recipients ?? '')
                    .split('\n')
                    .map((x) => x.trim())
                    .filter((x) => x !== ''),
                }),
              )
            }
          >
            {t('common.save')}
          </Button>
        ) : undefined
      }
    >
      <Form form={form} layout="vertical" disabled={!s.canEdit}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="documentNumber" label={t('reports.p.documentNumber')}>
              <Input placeholder={p.suggestedDocumentNumber} maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="place" label={t('reports.p.place')}>
              <Input placeholder={p.suggestedPlace ?? undefined} maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="signerName" label={t('reports.p.signerName')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="signerAuthority" label={t('reports.p.signerAuthority')}>
              <Input placeholder="TM. BAN THƯỜNG VỤ" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="signerPosition" label={t('reports.p.signerPosition')}>
              <Input placeholder="CHỦ TỊCH" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="recipients"
              label={t('reports.p.recipients')}
              extra={t('reports.p.recipientsHint')}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}

/** The reason asked when a figure computed from activities is changed. */
function OverrideModal({
  item,
  value,
  saving,
  onSave,
  onCancel,
}: {
  item: IndicatorItem;
  value: number;
  saving: boolean;
  onSave: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState(item.overrideReason ?? '');
  return (
    <Modal
      open
      title={t('reports.override.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: reason.trim() === '' }}
      confirmLoading={saving}
      onCancel={onCancel}
      onOk={() => onSave(reason.trim())}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          {t('reports.override.text', {
            label: item.label,
            value: fmtNumber(value),
            computed:
              item.computedValue === null ? t('common.none') : fmtNumber(item.computedValue),
          })}
        </Typography.Text>
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
          maxLength={1000}
          aria-label={t('reports.figure.reason')}
          placeholder={t('reports.override.placeholder')}
        />
      </Space>
    </Modal>
  );
}

/** One unit's report in a round: figures, sections, files, history, and the next step. */
export function SubmissionPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const sub = useSubmission(id);
  const [drill, setDrill] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const [override, setOverride] = useState<{ item: IndicatorItem; value: number } | null>(null);
  const [revision, setRevision] = useState(0);
  const key = reportKeys.submission(id ?? '');
  const docx = useDocumentJob();
  useEffect(() => {
    if (docx.error) void message.error(errorMessage(docx.error));
  }, [docx.error, message]);

  const onSaved = (d: SubmissionDetail) => {
    queryClient.setQueryData(key, d);
    void queryClient.invalidateQueries({ queryKey: ['reports', 'rounds'] });
  };

  const setValue = useMutation({
    mutationFn: (v: { code: string; value: number | null; reason?: string | null }) =>
      unwrap(
        api.PUT('/api/submissions/{id}/values/{code}', {
          params: { path: { id: id!, code: v.code } },
          body: { value: v.value, reason: v.reason ?? null },
        }),
      ),
    onSuccess: (d, v) => {
      // another figure saved meanwhile must not close the reason asked for this one
      setOverride((o) => (o !== null && o.item.code === v.code ? null : o));
      onSaved(d);
    },
    onError: (err) => void message.error(errorMessage(err)),
  });
  const setSection = useMutation({
    mutationFn: (v: { code: string; body: string }) =>
      unwrap(
        api.PUT('/api/submissions/{id}/sections/{code}', {
          params: { path: { id: id!, code: v.code } },
          body: { body: v.body },
        }),
      ),
    onSuccess: (d) => {
      void message.success(t('reports.saved'));
      onSaved(d);
    },
    onError: (err) => void message.error(errorMessage(err)),
  });
  const setParticulars = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      unwrap(
        api.PATCH('/api/submissions/{id}', {
          params: { path: { id: id! } },
          body: body as never,
        }),
      ),
    onSuccess: (d) => {
      void message.success(t('reports.saved'));
      onSaved(d);
    },
    onError: (err) => void message.error(errorMessage(err)),
  });
  const submit = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/submissions/{id}/submit', { params: { path: { id: id! } } })),
    onSuccess: (r) => {
      onSaved(r.submission);
      void message.success(t(`reports.done.${r.submission.status}`));
      if (r.warnings.length > 0) {
        modal.warning({
          title: t('reports.warningsTitle'),
          content: (
            <ul style={{ paddingInlineStart: 18 }}>
              {r.warnings.map((w) => (
                <li key={w.code}>{w.message}</li>
              ))}
            </ul>
          ),
        });
      }
    },
    onError: (err) => void message.error(errorMessage(err)),
  });
  const review = useMutation({
    mutationFn: (body: ReviewInput) =>
      unwrap(api.POST('/api/submissions/{id}/review', { params: { path: { id: id! } }, body })),
    onSuccess: (r) => {
      setReturning(false);
      onSaved(r.submission);
      void message.success(t(`reports.done.${r.submission.status}`));
    },
    onError: (err) => void message.error(errorMessage(err)),
  });
  const removeFile = useMutation({
    mutationFn: (attachmentId: string) =>
      unwrap(
        api.DELETE('/api/submissions/{id}/attachments/{attachmentId}', {
          params: { path: { id: id!, attachmentId } },
        }),
      ),
    onSuccess: onSaved,
    onError: (err) => void message.error(errorMessage(err)),
  });
  const upload = useMutation({
    mutationFn: async (file: File) => {
      if (file.size > MAX_ATTACHMENT_BYTES) {
        throw new ProblemError({
          type: 'about:blank',
          title: t('reports.files.tooLargeTitle'),
          status: 413,
          code: 'file_too_large',
          detail: t('reports.files.tooLarge', { name: file.name }),
        });
      }
      return unwrap(
        api.POST('/api/submissions/{id}/attachments', {
          params: { path: { id: id! }, query: { fileName: file.name } },
          body: file as unknown as string,
          bodySerializer: (body: unknown) => body as BodyInit,
          headers: { 'Content-Type': 'application/octet-stream' },
        }),
      );
    },
    onSuccess: (d) => {
      void message.success(t('reports.files.added'));
      onSaved(d);
    },
    onError: (err) => void message.error(errorMessage(err)),
  });

  if (sub.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  if (sub.isError) return <ProblemAlert error={sub.error} onRetry={() => void sub.refetch()} />;
  const s = sub.data;
  const fmt = (v: number | null) => (v === null ? t('common.none') : fmtNumber(v));

  const commitValue = (item: IndicatorItem, value: number | null) => {
    if (item.source === 'activities' && value !== null && value !== item.computedValue) {
      setOverride({ item, value });
      return;
    }
    setValue.mutate({ code: item.code, value });
  };

  const rows: Row[] = [];
  for (const [i, it] of s.items.entries()) {
    if (it.type === 'group') rows.push({ key: `g${i}`, group: it.label });
    else if (it.type === 'indicator') rows.push({ key: it.code, item: it });
  }
  const sections = s.items.filter((i): i is SectionItem => i.type === 'section');
  const span = (r: Row) => ('group' in r ? { colSpan: 0 } : {});

  const columns: TableColumnsType<Row> = [
    {
      title: t('reports.figure.indicator'),
      key: 'label',
      onCell: (r) => ('group' in r ? { colSpan: 7 } : {}),
      render: (_, r) =>
        'group' in r ? (
          <Typography.Text strong>{r.group}</Typography.Text>
        ) : (
          <Space size={6}>
            <span>{r.item.label}</span>
            <CommentsBadge comments={r.item.comments} />
          </Space>
        ),
    },
    {
      title: t('reports.figure.unit'),
      key: 'unit',
      width: 100,
      onCell: span,
      render: (_, r) => ('item' in r ? r.item.unit : null),
    },
    {
      title: t('reports.figure.computed'),
      key: 'computed',
      align: 'right',
      width: 130,
      onCell: span,
      render: (_, r) =>
        'item' in r ? (
          r.item.source === 'activities' ? (
            <Tooltip title={r.item.ruleText}>
              <Button type="link" size="small" onClick={() => setDrill(r.item.code)}>
                {fmt(r.item.computedValue)}
              </Button>
            </Tooltip>
          ) : (
            <Typography.Text type="secondary">{t('reports.figure.manual')}</Typography.Text>
          )
        ) : null,
    },
    {
      title: t('reports.figure.ownCol'),
      key: 'own',
      align: 'right',
      width: 160,
      onCell: span,
      render: (_, r) =>
        'item' in r ? (
          s.canEdit ? (
            <FigureInput
              key={`${r.item.code}:${revision}`}
              item={r.item}
              onCommit={(v) => commitValue(r.item, v)}
            />
          ) : (
            fmt(r.item.ownValue)
          )
        ) : null,
    },
    {
      title: t('reports.figure.subunits'),
      key: 'subunits',
      align: 'right',
      width: 130,
      onCell: span,
      render: (_, r) =>
        'item' in r ? (
          <>
            {r.item.subunitsValue === null ? (
              t('common.none')
            ) : (
              <Button type="link" size="small" onClick={() => setDrill(r.item.code)}>
                {fmt(r.item.subunitsValue)}
              </Button>
            )}
            {r.item.subunitsValueNow !== undefined && (
              <div>
                <Typography.Text type="warning">
                  {t('reports.figure.subunitsNow', { value: fmt(r.item.subunitsValueNow) })}
                </Typography.Text>
              </div>
            )}
          </>
        ) : null,
    },
    {
      title: t('reports.figure.total'),
      key: 'total',
      align: 'right',
      width: 120,
      onCell: span,
      render: (_, r) =>
        'item' in r ? <Typography.Text strong>{fmt(r.item.total)}</Typography.Text> : null,
    },
    {
      title: t('reports.figure.reason'),
      key: 'reason',
      width: 220,
      onCell: span,
      render: (_, r) =>
        'item' in r && r.item.overridden ? (
          <Space direction="vertical" size={0}>
            <Typography.Text type="warning">{r.item.overrideReason}</Typography.Text>
            {s.canEdit && (
              <Button
                type="link"
                size="small"
                style={{ padding: 0 }}
                onClick={() => setValue.mutate({ code: r.item.code, value: null })}
              >
                {t('reports.figure.useComputed')}
              </Button>
            )}
          </Space>
        ) : null,
    },
  ];

  const act = (name: string) => s.allowedActions.includes(name as never);

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/bao-cao">{t('reports.title')}</Link> },
          { title: <Link to={`/bao-cao/dot/${s.round.id}`}>{s.round.title}</Link> },
          { title: s.organization.shortName ?? s.organization.fullName },
        ]}
      />
      <PageHeader
        title={s.organization.fullName}
        documentTitle={`${s.round.title} — ${s.organization.fullName}`}
        subtitle={
          <Space size={6} wrap>
            <span>
              {s.round.title} ·{' '}
              {t('reports.windowShort', {
                from: fmtDate(s.round.windowFrom),
                to: fmtDate(s.round.windowTo),
              })}{' '}
              · {t('reports.deadlineShort', { date: fmtDate(s.round.deadline) })}
            </span>
            <Tag color={STATUS_COLORS[s.status]} data-testid="submission-status">
              {t(`reports.status.${s.status}`)}
            </Tag>
            {s.late && <Tag color="red">{t('reports.late')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            <Button
              icon={<FileWordOutlined />}
              loading={docx.running}
              onClick={() =>
                docx.start({
                  kind: 'submission_docx',
                  roundId: s.round.id,
                  submissionId: s.id,
                  view: 'as_reported',
                  basis: 'approved',
                })
              }
            >
              {t('reports.downloadDocx')}
            </Button>
            {act('submit') && (
              <Popconfirm
                title={t('reports.submitConfirm')}
                description={t('reports.submitConfirmText')}
                okText={t('reports.action.submit')}
                cancelText={t('common.cancel')}
                onConfirm={() => submit.mutate()}
              >
                <Button type="primary" icon={<SendOutlined />} loading={submit.isPending}>
                  {t('reports.action.submit')}
                </Button>
              </Popconfirm>
            )}
            {act('return') && (
              <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)}>
                {t('reports.action.return')}
              </Button>
            )}
            {act('approve') && (
              <Popconfirm
                title={t('reports.approveConfirm')}
                okText={t('reports.action.approve')}
                cancelText={t('common.cancel')}
                onConfirm={() => review.mutate({ action: 'approve' })}
              >
                <Button type="primary" icon={<CheckOutlined />} loading={review.isPending}>
                  {t('reports.action.approve')}
                </Button>
              </Popconfirm>
            )}
            {act('lock') && (
              <Popconfirm
                title={t('reports.lockConfirm')}
                okText={t('reports.action.lock')}
                cancelText={t('common.cancel')}
                onConfirm={() => review.mutate({ action: 'lock' })}
              >
                <Button icon={<LockOutlined />} loading={review.isPending}>
                  {t('reports.action.lock')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      />
      {s.status === 'returned' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('reports.returnedBanner')}
          description={
            <>
              <div>{[...s.history].reverse().find((h) => h.action === 'return')?.reason}</div>
              {s.generalComments.map((c) => (
                <div key={c.id}>• {c.body}</div>
              ))}
            </>
          }
        />
      )}
      {s.items.some((i) => i.type === 'indicator' && i.subunitsValueNow !== undefined) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('reports.subunitsChanged.title')}
          description={t('reports.subunitsChanged.body')}
        />
      )}
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <ParticularsCard
          s={s}
          onSave={(v) => setParticulars.mutate(v)}
          saving={setParticulars.isPending}
        />
        <Card
          title={t('reports.figures')}
          extra={
            <Typography.Text type="secondary">
              {s.editable ? t('reports.liveHint') : t('reports.snapshotHint')}
            </Typography.Text>
          }
        >
          <Table
            rowKey="key"
            size="small"
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 1000 }}
            rowClassName={(r) => ('group' in r ? 'report-group-row' : '')}
          />
        </Card>
        <Card title={t('reports.sections')}>
          {sections.map((sec) => (
            <SectionEditor
              key={sec.code}
              section={sec}
              canEdit={s.canEdit}
              saving={setSection.isPending && setSection.variables.code === sec.code}
              onSave={(body) => setSection.mutate({ code: sec.code, body })}
            />
          ))}
        </Card>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Card
              title={t('reports.files.title')}
              extra={
                s.canEdit ? (
                  <Upload
                    showUploadList={false}
                    customRequest={({ file }) => upload.mutate(file as File)}
                  >
                    <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
                      {t('reports.files.add')}
                    </Button>
                  </Upload>
                ) : undefined
              }
            >
              <List
                dataSource={s.attachments}
                locale={{ emptyText: t('reports.files.none') }}
                renderItem={(a) => (
                  <List.Item
                    actions={
                      s.canEdit
                        ? [
                            <Popconfirm
                              key="del"
                              title={t('reports.files.deleteConfirm')}
                              okText={t('common.remove')}
                              cancelText={t('common.cancel')}
                              onConfirm={() => removeFile.mutate(a.id)}
                            >
                              <Button
                                type="text"
                                danger
                                size="small"
                                icon={<DeleteOutlined />}
                                aria-label={t('common.remove')}
                              />
                            </Popconfirm>,
                          ]
                        : []
                    }
                  >
                    <Space>
                      <PaperClipOutlined />
                      <a href={`/api/submissions/${s.id}/attachments/${a.id}`}>{a.fileName}</a>
                      <Typography.Text type="secondary">
                        {fmtNumber(Math.max(1, Math.round(a.size / 1024)))} KB
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('reports.history')}>
              <Timeline
                items={s.history.map((h) => ({
                  color:
                    h.toStatus === 'returned'
                      ? 'red'
                      : h.toStatus === 'approved' || h.toStatus === 'locked'
                        ? 'green'
                        : 'blue',
                  children: (
                    <Space direction="vertical" size={0}>
                      <span>
                        <Typography.Text strong>
                          {t(`reports.event.${h.action}`, { defaultValue: h.action })}
                        </Typography.Text>{' '}
                        — {h.actorName}
                      </span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {fmtDateTime(h.at)}
                      </Typography.Text>
                      {h.reason && (
                        <span>
                          {t('reports.review.reason')}: {h.reason}
                        </span>
                      )}
                      {h.comments.map((c) => (
                        <Typography.Text key={c.id} type="secondary">
                          • {c.body}
                        </Typography.Text>
                      ))}
                    </Space>
                  ),
                }))}
              />
            </Card>
          </Col>
        </Row>
      </Space>
      <SourcesDrawer submissionId={s.id} code={drill} onClose={() => setDrill(null)} />
      {returning && (
        <ReturnModal
          submission={s}
          loading={review.isPending}
          onSubmit={(input) => review.mutate(input)}
          onClose={() => setReturning(false)}
        />
      )}
      {override && (
        <OverrideModal
          item={override.item}
          value={override.value}
          saving={setValue.isPending}
          onSave={(why) =>
            setValue.mutate({ code: override.item.code, value: override.value, reason: why })
          }
          onCancel={() => {
            setOverride(null);
            setRevision((n) => n + 1);
          }}
        />
      )}
    </>
  );
}
