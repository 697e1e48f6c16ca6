import { Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgLink } from '../../components/OrgLink';
import { useLanguage } from '../../i18n';
import type { Activity } from './activity-api';
import { ActivityKindTag, dateRange, figuresText, modeLabel } from './activity-format';

/**
 * The columns of an activity list: dates, title (opens the detail), unit, kind, the key
 * figures, mode. `withOrganization` false in an organisation's own tab when it has no units.
 */
export function useActivityColumns(
  onOpen: (id: string) => void,
  withOrganization = true,
): TableColumnsType<Activity> {
  const { t } = useTranslation();
  const lang = useLanguage();
  return useMemo<TableColumnsType<Activity>>(
    () => [
      {
        key: 'dates',
        title: t('activities.columns.dates'),
        width: 125,
        render: (_, a) => <span style={{ whiteSpace: 'pre-line' }}>{dateRange(a)}</span>,
      },
      {
        key: 'title',
        title: t('activities.columns.title'),
        render: (_, a) => (
          <Space size={4} wrap>
            <Typography.Link
              onClick={(e) => {
                e.stopPropagation();
                onOpen(a.id);
              }}
            >
              {a.title}
            </Typography.Link>
            {a.attachmentCount > 0 && (
              <Tag>{t('activities.columns.files', { n: a.attachmentCount })}</Tag>
            )}
          </Space>
        ),
      },
      ...(withOrganization
        ? [
            {
              key: 'organization',
              title: t('activities.columns.organization'),
              width: 220,
              render: (_: unknown, a: Activity) => (
                <span onClick={(e) => e.stopPropagation()}>
                  <OrgLink org={a.organization} short />
                </span>
              ),
            },
          ]
        : []),
      {
        key: 'kind',
        title: t('activities.columns.kind'),
        width: 200,
        render: (_, a) => <ActivityKindTag kind={a.kind} subtype={a.subtype} />,
      },
      {
        key: 'figures',
        title: t('activities.columns.figures'),
        width: 200,
        render: (_, a) => figuresText(a.kind, a.figures, lang) || t('common.none'),
      },
      {
        key: 'mode',
        title: t('activities.columns.mode'),
        width: 105,
        render: (_, a) => modeLabel(a.mode, lang),
      },
    ],
    [t, lang, onOpen, withOrganization],
  );
}
