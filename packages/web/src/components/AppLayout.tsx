import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  CalendarOutlined,
  ExperimentOutlined,
  FileTextOutlined,
  IdcardOutlined,
  NodeIndexOutlined,
  OrderedListOutlined,
  SearchOutlined,
  TeamOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Alert, Button, DatePicker, Layout, Menu, Space, Tooltip, Typography } from 'antd';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router';
import type { Permission } from '../api/types';
import { hasPermission } from '../auth/permissions';
import { useSession } from '../auth/session';
import { DATE_INPUT_FORMATS, dayjsToIso, fmtDate, isoToDayjs } from '../format';
import { useAtDate, useLinkWithAt } from '../hooks/useAtDate';
import { AccountMenu } from './AccountMenu';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';

const { Header, Sider, Content } = Layout;

function selectedMenuKey(pathname: string): string {
  for (const prefix of [
    '/to-chuc',
    '/hoi-vien',
    '/chuyen-gia',
    '/bao-cao',
    '/tong-hop',
    '/bang-dieu-khien',
    '/hoat-dong',
    '/nhap-du-lieu',
    '/sap-xep',
    '/chi-tieu',
    '/thong-bao',
    '/nguoi-dung',
    '/nhat-ky',
    '/tai-khoan',
  ]) {
    if (pathname.startsWith(prefix)) return prefix;
  }
  return '/';
}

interface NavItem {
  path: string;
  icon: ReactNode;
  label: string;
  permission: Permission;
}

export function AppLayout() {
  const { t } = useTranslation();
  const me = useSession();
  const location = useLocation();
  const [at, setAt] = useAtDate();
  const withAt = useLinkWithAt();
  const [collapsed, setCollapsed] = useState(false);

  const nav: NavItem[] = [
    {
      path: '/',
      icon: <ApartmentOutlined />,
      label: t('nav.tree'),
      permission: 'organization.read',
    },
    {
      path: '/to-chuc',
      icon: <SearchOutlined />,
      label: t('nav.search'),
      permission: 'organization.read',
    },
    {
      path: '/hoi-vien',
      icon: <IdcardOutlined />,
      label: t('nav.people'),
      permission: 'organization.read',
    },
    {
      path: '/chuyen-gia',
      icon: <ExperimentOutlined />,
      label: t('nav.experts'),
      permission: 'organization.read',
    },
    {
      path: '/hoat-dong',
      icon: <CalendarOutlined />,
      label: t('nav.activities'),
      permission: 'organization.read',
    },
    {
      path: '/bao-cao',
      icon: <FileTextOutlined />,
      label: t('nav.reports'),
      permission: 'organization.read',
    },
    {
      path: '/tong-hop',
      icon: <BarChartOutlined />,
      label: t('nav.consolidation'),
      permission: 'organization.read',
    },
    {
      path: '/bang-dieu-khien',
      icon: <DashboardOutlined />,
      label: t('nav.dashboard'),
      permission: 'organization.read',
    },
    {
      path: '/nhap-du-lieu',
      icon: <UploadOutlined />,
      label: t('nav.imports'),
      permission: 'organization.write',
    },
    {
      path: '/sap-xep',
      icon: <NodeIndexOutlined />,
      label: t('nav.restructure'),
      permission: 'lineage.record',
    },
    {
      path: '/chi-tieu',
      icon: <OrderedListOutlined />,
      label: t('indicators.nav'),
      permission: 'form.manage',
    },
    {
      path: '/nguoi-dung',
      icon: <TeamOutlined />,
      label: t('nav.users'),
      permission: 'account.manage',
    },
    { path: '/nhat-ky', icon: <AuditOutlined />, label: t('nav.audit'), permission: 'audit.read' },
  ];
  const menuItems: MenuProps['items'] = nav
    .filter((item) => hasPermission(me, item.permission))
    .map((item) => ({
      key: item.path,
      icon: item.icon,
      label: <Link to={withAt(item.path)}>{item.label}</Link>,
    }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <ScrollRestoration getKey={(loc) => loc.pathname} />
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <Header className="app-header">
        <Link to={withAt('/')} className="app-brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span className="app-brand-text">{t('app.name')}</span>
          <span className="app-brand-short" aria-hidden>
            {t('app.shortName')}
          </span>
        </Link>
        <Space size="middle" className="app-header-tools" wrap>
          <Space size={8}>
            <Tooltip title={t('header.atTooltip')}>
              <label htmlFor="global-at-date" className="app-header-label">
                {t('header.at')}
              </label>
            </Tooltip>
            <DatePicker
              id="global-at-date"
              value={isoToDayjs(at)}
              onChange={(d) => setAt(dayjsToIso(d))}
              format={DATE_INPUT_FORMATS}
              placeholder={t('header.atPlaceholder')}
              allowClear
              style={{ width: 150 }}
            />
          </Space>
          <NotificationBell />
          <LanguageSwitch />
          <AccountMenu />
        </Space>
      </Header>
      <Layout>
        <Sider
          width={220}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          theme="light"
          className="app-sider"
          trigger={null}
        >
          <nav aria-label={t('nav.label')}>
            <Menu
              mode="inline"
              selectedKeys={[selectedMenuKey(location.pathname)]}
              items={menuItems}
              style={{ borderInlineEnd: 'none', paddingTop: 8 }}
            />
          </nav>
          <Button
            type="text"
            size="small"
            className="app-sider-toggle"
            onClick={() => setCollapsed(!collapsed)}
            aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
          >
            {collapsed ? '»' : '«'}
          </Button>
        </Sider>
        <Content id="main-content" className="app-content" tabIndex={-1}>
          {at !== undefined && (
            <Alert
              type="info"
              showIcon
              className="app-at-banner"
              title={
                <Space wrap>
                  <span>{t('header.viewingPast', { date: fmtDate(at) })}</span>
                  <Typography.Link onClick={() => setAt(undefined)}>
                    {t('header.backToToday')}
                  </Typography.Link>
                </Space>
              }
            />
          )}
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
