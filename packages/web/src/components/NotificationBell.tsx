import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Empty, Grid, List, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fmtNumber } from '../format';
import { useLanguage } from '../i18n';
import {
  relativeTime,
  useLatestNotifications,
  useMarkAllRead,
  useMarkRead,
  type Notification,
} from '../pages/notifications/notification-api';

/**
 * The bell in the header: the unread count (asked every minute), the latest notifications in a
 * dropdown; a click marks one read and opens what it is about.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const latest = useLatestNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = latest.data?.unread ?? 0;
  // on a phone the list has no room beside the bell: the bell opens the page instead
  const screens = Grid.useBreakpoint();
  const narrow = screens.sm === false;

  const openOne = (n: Notification) => {
    setOpen(false);
    if (n.readAt === null) markRead.mutate(n.id);
    if (n.link !== null) void navigate(n.link);
  };

  const panel = (
    <div
      role="dialog"
      aria-label={t('notifications.title')}
      style={{
        width: 380,
        maxWidth: 'calc(100vw - 24px)',
        background: '#fff',
        borderRadius: 8,
        boxShadow: '0 6px 16px rgba(0, 0, 0, 0.12), 0 3px 6px -4px rgba(0, 0, 0, 0.12)',
      }}
    >
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          padding: '8px 12px',
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          icon={<CheckOutlined />}
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t('notifications.markAllRead')}
        </Button>
      </div>
      {latest.isPending ? (
        <div style={{ padding: 24, textAlign: 'center' }}>
          <Spin />
        </div>
      ) : latest.isError ? (
        <Typography.Text type="danger" style={{ display: 'block', padding: 12 }}>
          {t('notifications.loadFailed')}
        </Typography.Text>
      ) : latest.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          size="small"
          style={{ maxHeight: 420, overflowY: 'auto' }}
          dataSource={latest.data.items}
          renderItem={(n) => (
            <List.Item
              style={{
                cursor: 'pointer',
                padding: '8px 12px',
                background: n.readAt === null ? '#f0f7ff' : undefined,
              }}
              onClick={() => openOne(n)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  openOne(n);
                }
              }}
              tabIndex={0}
              role="button"
            >
              <List.Item.Meta
                title={
                  <span>
                    {n.readAt === null && (
                      <Badge status="processing" style={{ marginInlineEnd: 6 }} />
                    )}
                    {n.title}
                  </span>
                }
                description={
                  <>
                    {n.body !== null && (
                      <Typography.Paragraph
                        ellipsis={{ rows: 2 }}
                        style={{ marginBottom: 2, color: 'rgba(0, 0, 0, 0.65)' }}
                      >
                        {n.body}
                      </Typography.Paragraph>
                    )}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {relativeTime(n.createdAt, lang)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      <div style={{ borderTop: '1px solid #f0f0f0' }}>
        <Button
          type="link"
          block
          onClick={() => {
            setOpen(false);
            void navigate('/thong-bao');
          }}
        >
          {t('notifications.seeAll')}
        </Button>
      </div>
    </div>
  );

  const bell = (onClick?: () => void) => (
    <Button
      type="text"
      onClick={onClick}
      style={{ color: '#fff' }}
      aria-label={
        unread > 0
          ? t('notifications.bellUnread', { n: fmtNumber(unread), count: unread })
          : t('notifications.bell')
      }
      icon={
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18, color: '#fff' }} />
        </Badge>
      }
    />
  );

  if (narrow) return bell(() => void navigate('/thong-bao'));

  return (
    <Dropdown
      open={open}
      onOpenChange={setOpen}
      trigger={['click']}
      placement="bottomRight"
      popupRender={() => panel}
    >
      {bell()}
    </Dropdown>
  );
}
