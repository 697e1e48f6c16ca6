import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemError, errorMessage } from '../api/client';

interface Props {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** An error from the API, shown in Vietnamese with its field messages. */
export function ProblemAlert({ error, title, onRetry }: Props) {
  const { t } = useTranslation();
  const fieldErrors = error instanceof ProblemError ? error.fieldErrors : [];
  const detail = errorMessage(error);
  const extra = fieldErrors.filter((e) => !detail.includes(e.message));
  return (
    <Alert
      type="error"
      showIcon
      title={title ?? t('common.errorTitle')}
      description={
        <>
          <div>{detail}</div>
          {extra.length > 0 && (
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {extra.map((e, i) => (
                <li key={`${e.field}-${i}`}>
                  {e.label !== undefined ? `${e.label}: ` : ''}
                  {e.message}
                </li>
              ))}
            </ul>
          )}
        </>
      }
      action={
        onRetry === undefined ? undefined : (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
