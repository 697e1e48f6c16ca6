import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorMessage, unwrap } from '../../api/client';
import { usePermission } from '../../auth/session';
import { reportKeys } from './report-api';

/** "Bắt đầu báo cáo": creates the unit's draft in the round and opens it. */
export function StartReportButton({
  roundId,
  organizationId,
  size = 'small',
}: {
  roundId: string;
  organizationId: string;
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canSubmit = usePermission('report.submit');
  const start = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/rounds/{id}/submissions', {
          params: { path: { id: roundId } },
          body: { organizationId },
        }),
      ),
    onSuccess: async (s) => {
      await queryClient.invalidateQueries({ queryKey: reportKeys.all });
      void navigate(`/bao-cao/nop/${s.id}`);
    },
    onError: (err) => void message.error(errorMessage(err)),
  });
  if (!canSubmit) return null;
  return (
    <Button size={size} type="primary" loading={start.isPending} onClick={() => start.mutate()}>
      {t('reports.start')}
    </Button>
  );
}
