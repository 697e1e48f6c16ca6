import { formatPercent } from '@lienhiep/core';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fmtNumber } from '../../format';
import type { Completeness, FigureChange } from './consolidation-api';

/** A figure, or a dash when no counted report gave it. */
export function fmtFigure(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : fmtNumber(v);
}

/** "+12,5%" in green, "-3%" in red, nothing when there is no base. */
export function ChangeText({ change }: { change: FigureChange }) {
  const { t } = useTranslation();
  if (change.ratio === null) {
    return <Typography.Text type="secondary">{t('consolidation.noBase')}</Typography.Text>;
  }
  const r = change.ratio;
  const color = Math.abs(r) < 0.0005 ? undefined : r > 0 ? '#237804' : '#a8071a';
  return (
    <span style={{ color, whiteSpace: 'nowrap' }}>
      {r > 0 ? '+' : ''}
      {formatPercent(r)}
    </span>
  );
}

export const SUBMISSION_STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  resubmitted: 'processing',
  approved: 'success',
  locked: 'success',
};

export function ReportStatusTag({ status }: { status: string | null }) {
  const { t } = useTranslation();
  if (status === null) return <Tag>{t('consolidation.status.notStarted')}</Tag>;
  return <Tag color={SUBMISSION_STATUS_COLORS[status]}>{t(`consolidation.status.${status}`)}</Tag>;
}

/** "5/7 (71,4%)" */
export function ratioText(part: number, c: Pick<Completeness, 'expected'>): string {
  return c.expected === 0
    ? `${fmtNumber(part)}/0`
    : `${fmtNumber(part)}/${fmtNumber(c.expected)} (${formatPercent(part / c.expected)})`;
}
