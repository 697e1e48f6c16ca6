import { Alert, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { FormsTab } from './FormsTab';
import { IndicatorsTab } from './IndicatorsTab';
import { canManageForms } from './indicator-api';

/** "Chỉ tiêu, biểu mẫu": the indicator catalogue and the versioned report forms. */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const canManage = canManageForms(me);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'bieu-mau' ? 'forms' : 'indicators';

  return (
    <>
      <PageHeader title={t('indicators.title')} subtitle={t('indicators.subtitle')} />
      {!canManage && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('indicators.readOnly')} />
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) =>
          setParams((prev) => {
            const next = new URLSearchParams(prev);
            if (k === 'forms') next.set('tab', 'bieu-mau');
            else next.delete('tab');
            return next;
          })
        }
        items={[
          {
            key: 'indicators',
            label: t('indicators.tabIndicators'),
            children: <IndicatorsTab canManage={canManage} />,
          },
          {
            key: 'forms',
            label: t('indicators.tabForms'),
            children: <FormsTab canManage={canManage} />,
          },
        ]}
      />
    </>
  );
}
