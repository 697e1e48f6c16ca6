import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, List, Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fmtDateTime, fmtNumber } from '../../format';
import { useLanguage } from '../../i18n';
import {
  relativeTime,
  useMarkAllRead,
  useMarkRead,
  useNotificationPage,
  type Notification,
} from './notification-api';

const PAGE_SIZE = 20;

/** "Thông báo": every notification of the signed-in user, newest first, paged; unread ones marked. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const unreadOnly = params.get('chua-doc') === '1';
  const list = useNotificationPage(page, PAGE_SIZE, unreadOnly);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const setFilter = (unread: boolean) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (unread) next.set('chua-doc', '1');
      else next.delete('chua-doc');
      next.delete('page');
      return next;
    });
  const setPage = (p: number) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (p > 1) next.set('page', String(p));
      else next.delete('page');
      return next;
    });

  const open = (n: Notification) => {
    if (n.readAt === null) markRead.mutate(n.id);
    if (n.link !== null) void navigate(n.link);
  };

  const unread = list.data?.unread ?? 0;

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        subtitle={
          list.data === undefined
            ? t('common.loading')
            : unread > 0
              ? t('notifications.unreadCount', { n: fmtNumber(unread), count: unread })
              : t('notifications.allRead')
        }
        extra={
          <Button
            icon={<CheckOutlined />}
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() =>
              markAll.mutate(undefined, {
                onSuccess: (r) =>
                  void message.success(
                    t('notifications.markedAll', { n: fmtNumber(r.updated), count: r.updated }),
                  ),
              })
            }
          >
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <Card>
        <Space style={{ marginBottom: 12 }}>
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => setFilter(v === 'unread')}
            options={[
              { value: 'all', label: t('notifications.filterAll') },
              { value: 'unread', label: t('notifications.filterUnread') },
            ]}
          />
        </Space>
        {list.isError ? (
          <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <List
            loading={list.isFetching && list.data === undefined}
            dataSource={list.data?.items ?? []}
            locale={{
              emptyText: unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty'),
            }}
            pagination={
              (list.data?.total ?? 0) > PAGE_SIZE
                ? {
                    current: page,
                    pageSize: PAGE_SIZE,
                    total: list.data?.total ?? 0,
                    onChange: setPage,
                    showSizeChanger: false,
                    showTotal: (total) =>
                      t('notifications.total', { n: fmtNumber(total), count: total }),
                  }
                : false
            }
            renderItem={(n) => (
              <List.Item
                style={{ background: n.readAt === null ? '#f0f7ff' : undefined, paddingInline: 12 }}
              >
                <List.Item.Meta
                  avatar={
                    <Badge dot={n.readAt === null}>
                      <BellOutlined style={{ fontSize: 18, color: '#8c8c8c' }} />
                    </Badge>
                  }
                  title={
                    n.link !== null ? (
                      <Typography.Link onClick={() => open(n)} strong={n.readAt === null}>
                        {n.title}
                      </Typography.Link>
                    ) : (
                      <Typography.Text strong={n.readAt === null}>{n.title}</Typography.Text>
                    )
                  }
                  description={
                    <>
                      {n.body !== null && <div style={{ color: 'rgba(0,0,0,0.75)' }}>{n.body}</div>}
                      <Typography.Text
                        type="secondary"
                        style={{ fontSize: 12 }}
                        title={fmtDateTime(n.createdAt)}
                      >
                        {relativeTime(n.createdAt, lang)}
                        {n.readAt !== null &&
                          ` · ${t('notifications.readAt', { at: fmtDateTime(n.readAt) })}`}
                      </Typography.Text>
                      {(n.link !== null || n.readAt === null) && (
                        <Space size={16} style={{ display: 'flex', marginTop: 4 }}>
                          {n.link !== null && (
                            <Link
                              to={n.link}
                              onClick={() => {
                                if (n.readAt === null) markRead.mutate(n.id);
                              }}
                            >
                              {t('notifications.open')}
                            </Link>
                          )}
                          {n.readAt === null && (
                            <Typography.Link onClick={() => markRead.mutate(n.id)}>
                              {t('notifications.markRead')}
                            </Typography.Link>
                          )}
                        </Space>
                      )}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
