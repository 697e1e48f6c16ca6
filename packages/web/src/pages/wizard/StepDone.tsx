import { Button, List, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LineageInput, LineageResult } from '../../api/types';
import { KindTag } from '../../components/KindTag';
import { OrgLink } from '../../components/OrgLink';
import { fmtDate, fmtNumber } from '../../format';

interface Props {
  input: LineageInput;
  result: LineageResult;
  onAgain: () => void;
}

const ROLE_ORDER = [
  'source',
  'subject',
  'survivor',
  'created',
  'old_parent',
  'new_parent',
] as const;

/** Step 5: the event is recorded; links to the organisations involved. */
export function StepDone({ input, result, onAgain }: Props) {
  const { t } = useTranslation();
  const participants = result.event?.participants ?? [];
  const main = ROLE_ORDER.flatMap((role) => participants.filter((p) => p.role === role));
  const unique = main.filter(
    (p, i) => main.findIndex((q) => q.organization.id === p.organization.id) === i,
  );
  const moved = participants.filter((p) => p.role === 'moved_child').length;

  return (
    <Result
      status="success"
      title={t('wizard.done.title')}
      subTitle={t('wizard.done.subtitle', {
        kind: t(`wizard.kinds.${input.kind}.title`),
        date: fmtDate(input.effectiveDate),
      })}
      extra={
        <Button type="primary" onClick={onAgain}>
          {t('wizard.buttons.again')}
        </Button>
      }
    >
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t('wizard.done.involved')}
      </Typography.Title>
      <List
        size="small"
        dataSource={unique}
        rowKey={(p) => p.organization.id}
        renderItem={(p) => (
          <List.Item>
            <span>
              <OrgLink org={p.organization} /> <KindTag kind={p.organization.kind} />
            </span>
          </List.Item>
        )}
        footer={
          moved > 0 ? (
            <Typography.Text type="secondary">
              {t('wizard.done.moved', { n: fmtNumber(moved), count: moved })}
            </Typography.Text>
          ) : undefined
        }
      />
    </Result>
  );
}
