import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  FileTextOutlined,
  FolderOutlined,
  LineChartOutlined,
} from '@ant-design/icons';
import { REPORT_SECTION_LABELS, REPORT_SECTIONS } from '@lienhiep/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Input,
  List,
  Select,
  Space,
  Spin,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fmtDateTime, fmtNumber } from '../../format';
import { useLanguage } from '../../i18n';
import {
  categoryLabel,
  formKeys,
  timeAggregationLabel,
  treeAggregationLabel,
  useFormVersion,
  useIndicators,
  type FormItem,
  type FormItemRequest,
  type FormVersion,
  type SectionCode,
} from './indicator-api';

/** An item while a draft is edited (a key for React, the text shown). */
type EditItem =
  | { key: string; type: 'group'; label: string }
  | { key: string; type: 'indicator'; code: string; label: string; unit: string }
  | {
      key: string;
      type: 'section';
      sectionCode: SectionCode;
      label: string;
      guidance: string | null;
    };

let nextKey = 0;
const keyed = <T extends object>(x: T) => ({ ...x, key: `k${++nextKey}` });

function toEdit(items: readonly FormItem[]): EditItem[] {
  return items.map((it) =>
    it.type === 'group'
      ? keyed({ type: 'group' as const, label: it.label })
      : it.type === 'indicator'
        ? keyed({ type: 'indicator' as const, code: it.code, label: it.label, unit: it.unit })
        : keyed({
            type: 'section' as const,
            sectionCode: it.code,
            label: it.label,
            guidance: it.guidance,
          }),
  );
}

function toRequest(items: readonly EditItem[]): FormItemRequest[] {
  return items.map((it) =>
    it.type === 'group'
      ? { type: 'group', label: it.label }
      : it.type === 'indicator'
        ? { type: 'indicator', indicatorCode: it.code }
        : {
            type: 'section',
            sectionCode: it.sectionCode,
            label: it.label,
            guidance: it.guidance ?? '',
          },
  );
}

const ICONS = {
  group: <FolderOutlined />,
  indicator: <LineChartOutlined />,
  section: <FileTextOutlined />,
};

/** One item of a version as read: a heading, an indicator with its definition, a section. */
function ItemView({ item }: { item: FormItem }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (item.type === 'group')
    return (
      <Typography.Text strong style={{ fontSize: 15 }}>
        {item.label}
      </Typography.Text>
    );
  if (item.type === 'section')
    return (
      <Space direction="vertical" size={0}>
        <span>
          <Tag color="purple">{REPORT_SECTION_LABELS[item.code].numeral}</Tag>
          <Typography.Text strong>{item.label}</Typography.Text>
        </span>
        {item.guidance !== null && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {item.guidance}
          </Typography.Text>
        )}
      </Space>
    );
  return (
    <Space direction="vertical" size={0} style={{ paddingInlineStart: 16 }}>
      <span>
        <Typography.Text code>{item.code}</Typography.Text> {item.label}{' '}
        <Typography.Text type="secondary">({item.unit})</Typography.Text>
        {!item.active && <Tag style={{ marginInlineStart: 6 }}>{t('indicators.inactive')}</Tag>}
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {categoryLabel(item.category, lang)} ·{' '}
        {item.source === 'manual' ? t('indicators.source.manual') : item.ruleDescription} ·{' '}
        {treeAggregationLabel(item.treeAggregation, lang)},{' '}
        {timeAggregationLabel(item.timeAggregation, lang).toLocaleLowerCase(lang)}
      </Typography.Text>
    </Space>
  );
}

/** The editor of a draft: add a heading, an indicator or a section; move; remove; save. */
function DraftEditor({
  version,
  onDirtyChange,
}: {
  version: FormVersion;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [items, setItems] = useState<EditItem[]>(() => toEdit(version.items));
  const [dirty, setDirty] = useState(false);
  const [groupLabel, setGroupLabel] = useState('');
  const indicators = useIndicators({ active: 'true' });
  useEffect(() => {
    setItems(toEdit(version.items));
    setDirty(false);
  }, [version]);
  useEffect(() => onDirtyChange(dirty), [dirty]);

  const change = (next: EditItem[]) => {
    setItems(next);
    setDirty(true);
  };
  const move = (i: number, by: -1 | 1) => {
    const next = [...items];
    const [it] = next.splice(i, 1);
    next.splice(i + by, 0, it!);
    change(next);
  };
  const usedCodes = new Set(items.flatMap((it) => (it.type === 'indicator' ? [it.code] : [])));
  const usedSections = new Set(
    items.flatMap((it) => (it.type === 'section' ? [it.sectionCode] : [])),
  );
  const indicatorOptions = useMemo(
    () =>
      (indicators.data?.items ?? [])
        .filter((i) => !usedCodes.has(i.code))
        .map((i) => ({
          value: i.code,
          label: `${i.code} – ${i.name}`,
          search: `${i.code} ${i.name}`.toLocaleLowerCase('vi'),
        })),
    [indicators.data, items],
  );

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/report-form-versions/{id}/items', {
          params: { path: { id: version.id } },
          body: { items: toRequest(items) },
        }),
      ),
    onSuccess: (v) => {
      queryClient.setQueryData(formKeys.version(v.id), v);
      void queryClient.invalidateQueries({ queryKey: formKeys.list });
      void message.success(t('indicators.forms.saved'));
      setDirty(false);
    },
  });

  return (
    <>
      {save.isError && (
        <div style={{ marginBottom: 12 }}>
          <ProblemAlert error={save.error} title={t('indicators.forms.saveRefused')} />
        </div>
      )}
      <List
        bordered
        size="small"
        dataSource={items}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('indicators.forms.noItems')}
            />
          ),
        }}
        renderItem={(it, i) => (
          <List.Item
            actions={[
              <Tooltip key="up" title={t('indicators.forms.moveUp')}>
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowUpOutlined />}
                  disabled={i === 0}
                  aria-label={t('indicators.forms.moveUp')}
                  onClick={() => move(i, -1)}
                />
              </Tooltip>,
              <Tooltip key="down" title={t('indicators.forms.moveDown')}>
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  disabled={i === items.length - 1}
                  aria-label={t('indicators.forms.moveDown')}
                  onClick={() => move(i, 1)}
                />
              </Tooltip>,
              <Tooltip key="remove" title={t('common.remove')}>
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('common.remove')}
                  onClick={() => change(items.filter((_, j) => j !== i))}
                />
              </Tooltip>,
            ]}
          >
            <Space>
              {ICONS[it.type]}
              {it.type === 'group' ? (
                <Input
                  value={it.label}
                  aria-label={t('indicators.forms.groupLabel')}
                  style={{ minWidth: 320, fontWeight: 600 }}
                  maxLength={300}
                  onChange={(e) =>
                    change(items.map((x, j) => (j === i ? { ...it, label: e.target.value } : x)))
                  }
                />
              ) : it.type === 'indicator' ? (
                <span style={{ paddingInlineStart: 16 }}>
                  <Typography.Text code>{it.code}</Typography.Text> {it.label}{' '}
                  <Typography.Text type="secondary">({it.unit})</Typography.Text>
                </span>
              ) : (
                <span>
                  <Tag color="purple">{REPORT_SECTION_LABELS[it.sectionCode].numeral}</Tag>
                  <Typography.Text strong>{it.label}</Typography.Text>
                </span>
              )}
            </Space>
          </List.Item>
        )}
      />
      <div style={{ marginTop: 16, display: 'grid', gap: 8 }}>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            placeholder={t('indicators.forms.groupPlaceholder')}
            aria-label={t('indicators.forms.groupLabel')}
            value={groupLabel}
            maxLength={300}
            onChange={(e) => setGroupLabel(e.target.value)}
            onPressEnter={() => {
              if (groupLabel.trim()) {
                change([...items, keyed({ type: 'group' as const, label: groupLabel.trim() })]);
                setGroupLabel('');
              }
            }}
          />
          <Button
            icon={<FolderOutlined />}
            disabled={groupLabel.trim() === ''}
            onClick={() => {
              change([...items, keyed({ type: 'group' as const, label: groupLabel.trim() })]);
              setGroupLabel('');
            }}
          >
            {t('indicators.forms.addGroup')}
          </Button>
        </Space.Compact>
        <Select
          showSearch
          value={null}
          loading={indicators.isPending}
          placeholder={t('indicators.forms.addIndicator')}
          aria-label={t('indicators.forms.addIndicator')}
          suffixIcon={<LineChartOutlined />}
          filterOption={(input, o) => (o?.search ?? '').includes(input.toLocaleLowerCase('vi'))}
          options={indicatorOptions}
          onChange={(code: string | null) => {
            const ind = indicators.data?.items.find((x) => x.code === code);
            if (ind)
              change([
                ...items,
                keyed({
                  type: 'indicator' as const,
                  code: ind.code,
                  label: ind.name,
                  unit: ind.unit,
                }),
              ]);
          }}
        />
        <Select
          value={null}
          placeholder={t('indicators.forms.addSection')}
          aria-label={t('indicators.forms.addSection')}
          suffixIcon={<FileTextOutlined />}
          options={REPORT_SECTIONS.filter((s) => !usedSections.has(s)).map((s) => ({
            value: s,
            label: `${REPORT_SECTION_LABELS[s].numeral}. ${lang === 'en' ? REPORT_SECTION_LABELS[s].en : REPORT_SECTION_LABELS[s].vi}`,
          }))}
          onChange={(s: SectionCode | null) => {
            if (s)
              change([
                ...items,
                keyed({
                  type: 'section' as const,
                  sectionCode: s,
                  label: REPORT_SECTION_LABELS[s].vi,
                  guidance: null,
                }),
              ]);
          }}
        />
      </div>
      <Space style={{ marginTop: 16 }}>
        <Button
          type="primary"
          disabled={!dirty}
          loading={save.isPending}
          onClick={() => save.mutate()}
        >
          {t('indicators.forms.saveItems')}
        </Button>
        <Button
          disabled={!dirty}
          onClick={() => {
            setItems(toEdit(version.items));
            setDirty(false);
          }}
        >
          {t('indicators.forms.discard')}
        </Button>
        {dirty && <Typography.Text type="warning">{t('indicators.forms.unsaved')}</Typography.Text>}
      </Space>
    </>
  );
}

/** A version opened: its particulars, its ordered items; for a draft, the editor and its actions. */
export function VersionDrawer({
  versionId,
  canManage,
  onClose,
}: {
  versionId: string | undefined;
  canManage: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const version = useFormVersion(versionId);
  const v = version.data;
  const [editorDirty, setEditorDirty] = useState(false);

  const publish = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/report-form-versions/{id}/publish', { params: { path: { id } } })),
    onSuccess: (pv) => {
      queryClient.setQueryData(formKeys.version(pv.id), pv);
      void queryClient.invalidateQueries({ queryKey: formKeys.list });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
      void message.success(t('indicators.forms.publishedOk', { n: pv.version }));
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/report-form-versions/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: formKeys.all });
      void message.success(t('indicators.forms.deleted'));
      onClose();
    },
  });

  const draft = v?.status === 'draft';

  return (
    <Drawer
      open={versionId !== undefined}
      onClose={onClose}
      width={860}
      destroyOnHidden
      title={
        v
          ? `${v.form.code} – ${v.form.name} · ${t('indicators.forms.versionN', { n: v.version })}`
          : t('common.loading')
      }
      extra={
        v &&
        canManage &&
        draft && (
          <Space>
            <Button
              danger
              disabled={v.rounds > 0}
              loading={remove.isPending}
              onClick={() => {
                modal.confirm({
                  title: t('indicators.forms.deleteConfirm', { n: v.version }),
                  okText: t('common.remove'),
                  okButtonProps: { danger: true },
                  cancelText: t('common.cancel'),
                  // a refusal is shown in the drawer
                  onOk: () => remove.mutateAsync(v.id).catch(() => undefined),
                });
              }}
            >
              {t('indicators.forms.deleteDraft')}
            </Button>
            <Button
              type="primary"
              loading={publish.isPending}
              disabled={editorDirty}
              title={editorDirty ? t('indicators.forms.saveFirst') : undefined}
              onClick={() => {
                modal.confirm({
                  title: t('indicators.forms.publishConfirmTitle', { n: v.version }),
                  content: t('indicators.forms.publishConfirmText'),
                  okText: t('indicators.forms.publish'),
                  cancelText: t('common.cancel'),
                  onOk: () => publish.mutateAsync(v.id).catch(() => undefined),
                });
              }}
            >
              {t('indicators.forms.publish')}
            </Button>
          </Space>
        )
      }
    >
      {version.isError ? (
        <ProblemAlert error={version.error} onRetry={() => void version.refetch()} />
      ) : v === undefined ? (
        <Spin />
      ) : (
        <>
          {(publish.isError || remove.isError) && (
            <div style={{ marginBottom: 12 }}>
              <ProblemAlert
                error={publish.error ?? remove.error}
                title={t('indicators.forms.actionRefused')}
              />
            </div>
          )}
          <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('indicators.forms.status')}>
              {v.status === 'published' ? (
                <Tag color="green">{t('indicators.forms.published')}</Tag>
              ) : (
                <Tag color="orange">{t('indicators.forms.draft')}</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('indicators.forms.publishedAt')}>
              {fmtDateTime(v.publishedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('indicators.forms.contents')}>
              {t('indicators.forms.counts', {
                groups: fmtNumber(v.groups),
                indicators: fmtNumber(v.indicators),
                sections: fmtNumber(v.sections),
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('indicators.forms.rounds')}>
              {fmtNumber(v.rounds)}
            </Descriptions.Item>
            {v.note !== null && (
              <Descriptions.Item label={t('indicators.forms.note')} span={2}>
                {v.note}
              </Descriptions.Item>
            )}
          </Descriptions>
          {draft ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('indicators.forms.draftHint')}
            />
          ) : (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('indicators.forms.frozenHint')}
            />
          )}
          {draft && canManage ? (
            <DraftEditor version={v} onDirtyChange={setEditorDirty} />
          ) : (
            <List
              bordered
              size="small"
              dataSource={v.items}
              locale={{ emptyText: t('indicators.forms.noItems') }}
              renderItem={(it) => (
                <List.Item>
                  <Space align="start">
                    {ICONS[it.type]}
                    <ItemView item={it} />
                  </Space>
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
