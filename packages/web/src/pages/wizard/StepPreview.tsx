import { Alert, Card, Descriptions, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LineageInput, LineageResult } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fmtDate } from '../../format';
import { AffectedTable } from './AffectedTable';
import { ChangeList } from './ChangeList';

interface Props {
  input: LineageInput | undefined;
  result: LineageResult | undefined;
  error: unknown;
  loading: boolean;
}

/** Step 4: what the event would change, computed by the server without writing. */
export function StepPreview({ input, result, error, loading }: Props) {
  const { t } = useTranslation();
  if (loading) {
    return (
      <div style={{ padding: 40, textAlign: 'center' }}>
        <Spin />
        <div style={{ marginTop: 8 }}>{t('wizard.preview.loading')}</div>
      </div>
    );
  }
  if (error !== null && error !== undefined) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <ProblemAlert error={error} title={t('wizard.preview.errorTitle')} />
        <Alert type="info" showIcon title={t('wizard.preview.errorHint')} />
      </Space>
    );
  }
  if (input === undefined || result === undefined) return null;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('wizard.preview.intro')} />
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          {
            key: 'kind',
            label: t('wizard.steps.kind'),
            children: t(`wizard.kinds.${input.kind}.title`),
          },
          {
            key: 'date',
            label: t('wizard.fields.effectiveDate'),
            children: fmtDate(input.effectiveDate),
          },
          {
            key: 'basis',
            label: t('wizard.steps.basis'),
            children: t('wizard.preview.decision', {
              number: input.legalBasis.number,
              date: fmtDate(input.legalBasis.date),
              issuer: input.legalBasis.issuer,
            }),
          },
        ]}
      />
      <Card size="small" title={t('wizard.preview.changes')}>
        <ChangeList changes={result.changes} />
      </Card>
      <Card size="small" title={t('wizard.preview.affected')} styles={{ body: { padding: 0 } }}>
        <AffectedTable affected={result.affected} />
      </Card>
    </Space>
  );
}
