import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { compareVietnamese } from '@lienhiep/core';
import { Alert, Button, Card, Col, Form, Input, Radio, Row, Select, Skeleton, Table } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganization, useTree } from '../../api/queries';
import type { OrganizationKind, TreeNode } from '../../api/types';
import { KindTag } from '../../components/KindTag';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import { ORGANIZATION_KINDS, kindLabel } from '../../format';
import { useLanguage } from '../../i18n';
import type { ChildTargets, NewOrganizationValues, WizardValues } from './wizard-form';

/** Split: the source, whether it continues, the new organisations and where each sub-unit goes. */
export function SplitFields() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const form = Form.useFormInstance<WizardValues>();
  const sourceId = Form.useWatch('sourceId', form);
  const continues = Form.useWatch('sourceContinues', form) ?? false;
  const newOrganizations = Form.useWatch('newOrganizations', form) ?? [];
  const source = useOrganization(sourceId ?? undefined, undefined);
  const sourceKind = source.data?.kind;
  // new organisations take the kind of the source unless chosen otherwise
  useEffect(() => {
    if (sourceKind === undefined) return;
    const list = form.getFieldValue('newOrganizations') as NewOrganizationValues[] | undefined;
    if (list === undefined || list.every((o) => o.kind !== undefined)) return;
    form.setFieldValue(
      'newOrganizations',
      list.map((o) => ({ ...o, kind: o.kind ?? sourceKind })),
    );
  }, [sourceKind, form]);

  const requiredText = (field: string) =>
    t('wizard.fields.requiredText', { field: field.toLowerCase() });

  return (
    <>
      <Form.Item<WizardValues>
        name="sourceId"
        label={t('wizard.fields.splitSource')}
        rules={[
          {
            required: true,
            message: t('wizard.fields.requiredOrg', {
              field: t('wizard.fields.splitSource').toLowerCase(),
            }),
          },
        ]}
      >
        <OrganizationPicker
          onChange={(value) => form.setFieldsValue({ sourceId: value, childMoves: {} })}
        />
      </Form.Item>
      <Form.Item<WizardValues>
        name="sourceContinues"
        label={t('wizard.fields.continues')}
        initialValue={false}
      >
        <Radio.Group
          options={[
            { value: false, label: t('wizard.fields.continuesNo') },
            { value: true, label: t('wizard.fields.continuesYes') },
          ]}
        />
      </Form.Item>

      <Form.Item label={t('wizard.fields.newOrganizations')} required style={{ marginBottom: 8 }}>
        <Form.List
          name="newOrganizations"
          initialValue={[{}, {}]}
          rules={[
            {
              validator: (_, value: unknown) =>
                Array.isArray(value) && value.length > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('wizard.fields.atLeastOneNew'))),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  style={{ marginBottom: 8, background: '#fafbfc' }}
                  title={t('wizard.fields.newOrganizationN', { n: index + 1 })}
                  extra={
                    fields.length > 1 ? (
                      <Button
                        type="text"
                        danger
                        size="small"
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('wizard.fields.removeNewOrganization')}
                      >
                        {t('common.remove')}
                      </Button>
                    ) : undefined
                  }
                >
                  <Row gutter={12}>
                    <Col xs={24} md={8}>
                      <Form.Item
                        name={[field.name, 'kind']}
                        label={t('wizard.fields.newKind')}
                        initialValue={sourceKind}
                        rules={[
                          {
                            required: true,
                            message: t('wizard.fields.requiredOrg', {
                              field: t('wizard.fields.newKind').toLowerCase(),
                            }),
                          },
                        ]}
                      >
                        <Select<OrganizationKind>
                          options={ORGANIZATION_KINDS.filter((k) => k !== 'central_union').map(
                            (k) => ({
                              value: k,
                              label: kindLabel(k, lang),
                            }),
                          )}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={16}>
                      <Form.Item
                        name={[field.name, 'fullName']}
                        label={t('wizard.fields.newFullName')}
                        rules={[
                          {
                            required: true,
                            whitespace: true,
                            message: requiredText(t('wizard.fields.newFullName')),
                          },
                        ]}
                      >
                        <Input maxLength={300} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name={[field.name, 'shortName']}
                        label={t('wizard.fields.newShortName')}
                        style={{ marginBottom: 0 }}
                      >
                        <Input maxLength={120} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name={[field.name, 'englishName']}
                        label={t('wizard.fields.newEnglishName')}
                        style={{ marginBottom: 0 }}
                      >
                        <Input maxLength={300} lang="en" />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ kind: sourceKind })}
                block
              >
                {t('wizard.fields.addNewOrganization')}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form.Item>

      <Form.Item<WizardValues>
        name="childMoves"
        label={sourceId ? t('wizard.fields.childMoves') : undefined}
        extra={sourceId ? t('wizard.fields.childMovesHint') : undefined}
        initialValue={{}}
      >
        <ChildMovesInput
          sourceId={sourceId ?? undefined}
          continues={continues}
          newOrganizations={newOrganizations}
        />
      </Form.Item>
    </>
  );
}

interface ChildMovesProps {
  id?: string;
  value?: ChildTargets;
  onChange?: (value: ChildTargets) => void;
  sourceId: string | undefined;
  continues: boolean;
  newOrganizations: (NewOrganizationValues | undefined)[];
}

/** One row per sub-unit of the source with the new organisation it goes to. */
function ChildMovesInput({
  id,
  value = {},
  onChange,
  sourceId,
  continues,
  newOrganizations,
}: ChildMovesProps) {
  const { t } = useTranslation();
  const tree = useTree(sourceId, undefined);
  const children = useMemo(
    () =>
      [...(tree.data?.children ?? [])].sort((a, b) => compareVietnamese(a.fullName, b.fullName)),
    [tree.data],
  );

  if (sourceId === undefined) return null;
  if (tree.isPending) return <Skeleton active paragraph={{ rows: 3 }} title={false} />;
  if (children.length === 0)
    return <Alert type="info" showIcon title={t('wizard.fields.noChildren')} />;

  const targetOptions = [
    ...(continues ? [{ value: 'stay' as const, label: t('wizard.fields.staysWithSource') }] : []),
    ...newOrganizations.map((o, index) => ({
      value: index,
      label:
        o?.fullName !== undefined && o.fullName.trim() !== ''
          ? o.fullName
          : t('wizard.fields.unnamedNew', { n: index + 1 }),
    })),
  ];

  return (
    <div id={id}>
      <Table<TreeNode>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={children}
        scroll={{ y: 360 }}
        columns={[
          {
            key: 'name',
            title: t('profile.children.columns.name'),
            render: (_, c) => (
              <span>
                {c.fullName} <KindTag kind={c.kind} />
              </span>
            ),
          },
          {
            key: 'target',
            title: t('wizard.fields.moveTo'),
            width: '45%',
            render: (_, c) => {
              const current = value[c.id];
              return (
                <Select<number | 'stay'>
                  aria-label={c.fullName}
                  style={{ width: '100%' }}
                  placeholder={
                    continues ? t('wizard.fields.staysWithSource') : t('wizard.fields.notMoved')
                  }
                  allowClear
                  value={current === 'stay' && !continues ? undefined : current}
                  options={targetOptions}
                  onChange={(next) => onChange?.({ ...value, [c.id]: next })}
                />
              );
            },
          },
        ]}
      />
    </div>
  );
}
