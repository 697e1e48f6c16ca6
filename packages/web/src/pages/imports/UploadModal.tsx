import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Modal, Radio, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useOrganization } from '../../api/queries';
import { hasPermissionOn } from '../../auth/permissions';
import { useSession } from '../../auth/session';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fmtNumber } from '../../format';
import { IMPORT_KINDS, importKeys, uploadImport, type ImportKind } from './import-api';

interface Props {
  open: boolean;
  onClose: () => void;
  /** The organisation chosen when the dialog opens (e.g. the members list's filter). */
  organizationId?: string | undefined;
  /** The kind of list chosen when the dialog opens. */
  kind?: ImportKind | undefined;
}

/** The first organisation the user manages through one of their roles. */
function useOwnWritableOrganization(): string | undefined {
  const me = useSession();
  return me.roles
    .map((r) => r.organization)
    .find((o) => hasPermissionOn(me, 'organization.write', { id: o.id, ancestors: [] }))?.id;
}

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${fmtNumber(Math.max(1, Math.round(bytes / 1024)))} KB`
    : `${fmtNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}

/** "Tải tệp lên": the organisation the members join and the file; uploads, then opens the import. */
export function UploadModal({ open, onClose, organizationId, kind: initialKind }: Props) {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const own = useOwnWritableOrganization();
  const [orgId, setOrgId] = useState<string | undefined>(organizationId ?? own);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<ImportKind>(initialKind ?? 'members');
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    if (open) {
      setOrgId(organizationId ?? own);
      setKind(initialKind ?? 'members');
      setFile(null);
      setTouched(false);
    }
  }, [open, organizationId, own, initialKind]);

  const org = useOrganization(orgId, undefined);
  const writable =
    org.data === undefined ? undefined : hasPermissionOn(me, 'organization.write', org.data);

  const upload = useMutation({
    mutationFn: ({ organization, content }: { organization: string; content: File }) =>
      uploadImport(organization, kind, content),
    onSuccess: (detail) => {
      queryClient.setQueryData(importKeys.detail(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: importKeys.all });
      onClose();
      void navigate(`/nhap-du-lieu/${detail.id}`);
    },
  });

  useEffect(() => {
    if (open) upload.reset();
    // reset only when the dialog opens again
  }, [open]);

  const submit = () => {
    setTouched(true);
    if (orgId === undefined || file === null || writable === false) return;
    upload.mutate({ organization: orgId, content: file });
  };

  const fileList: UploadFile[] =
    file === null
      ? []
      : [{ uid: 'file', name: `${file.name} (${sizeText(file.size)})`, status: 'done' }];

  return (
    <Modal
      open={open}
      title={t(`imports.uploadModal.titles.${kind}`)}
      okText={t('imports.uploadModal.submit')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={upload.isPending}
      okButtonProps={{ disabled: writable === false }}
      destroyOnHidden
      width={620}
    >
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('imports.uploadModal.kind')}
          extra={t(`imports.uploadModal.kindHint.${kind}`)}
        >
          <Radio.Group
            aria-label={t('imports.uploadModal.kind')}
            optionType="button"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as ImportKind);
              upload.reset();
            }}
            options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('imports.uploadModal.organization')}
          htmlFor="import-organization"
          required
          validateStatus={
            (touched && orgId === undefined) || writable === false ? 'error' : undefined
          }
          help={
            touched && orgId === undefined
              ? t(`imports.uploadModal.organizationRequiredFor.${kind}`)
              : writable === false
                ? t(`imports.uploadModal.notWritableFor.${kind}`)
                : undefined
          }
        >
          <OrganizationPicker
            id="import-organization"
            value={orgId}
            onChange={(v) => {
              setOrgId(v);
              upload.reset();
            }}
          />
        </Form.Item>
        <Form.Item
          label={t('imports.uploadModal.file')}
          required
          validateStatus={touched && file === null ? 'error' : undefined}
          help={touched && file === null ? t('imports.uploadModal.fileRequired') : undefined}
        >
          <Upload.Dragger
            accept=".xlsx,.csv,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            multiple={false}
            maxCount={1}
            fileList={fileList}
            beforeUpload={(f) => {
              setFile(f);
              upload.reset();
              // kept here and sent on "Tải lên", not by the component
              return false;
            }}
            onRemove={() => {
              setFile(null);
              return true;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">{t('imports.uploadModal.drop')}</p>
            <Typography.Paragraph type="secondary" style={{ padding: '0 16px', marginBottom: 0 }}>
              {t('imports.uploadModal.hint')}
            </Typography.Paragraph>
          </Upload.Dragger>
        </Form.Item>
      </Form>
      {upload.isError && (
        <ProblemAlert error={upload.error} title={t('imports.uploadModal.refused')} />
      )}
      {org.isError && (
        <Alert type="warning" showIcon title={t(`imports.uploadModal.notWritableFor.${kind}`)} />
      )}
    </Modal>
  );
}
