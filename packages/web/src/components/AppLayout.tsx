import { ApartmentOutlined, NodeIndexOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  DatePicker,
  Layout,
  Menu,
  Segmented,
  Space,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { DATE_INPUT_FORMATS, dayjsToIso, fmtDate, isoToDayjs } from '../format';
import { changeLanguage, useLanguage, type Language } from '../i18n';
import { useAtDate, useLinkWithAt } from '../hooks/useAtDate';

const { Header, Sider, Content } = Layout;

function selectedMenuKey(pathname: string): string {
  if (pathname.startsWith('/to-chuc')) return '/to-chuc';
  if (pathname.startsWith('/sap-xep')) return '/sap-xep';
  return '/';
}

export function AppLayout() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const location = useLocation();
  const [at, setAt] = useAtDate();
  const withAt = useLinkWithAt();
  const [collapsed, setCollapsed] = useState(false);

  const menuItems = [
    { key: '/', icon: <ApartmentOutlined />, label: <Link to={withAt('/')}>{t('nav.tree')}</Link> },
    {
      key: '/to-chuc',
      icon: <SearchOutlined />,
      label: <Link to={withAt('/to-chuc')}>{t('nav.search')}</Link>,
    },
    {
      key: '/sap-xep',
      icon: <NodeIndexOutlined />,
      label: <Link to={withAt('/sap-xep')}>{t('nav.restructure')}</Link>,
    },
  ];

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
          <Segmented<Language>
            aria-label={t('header.language')}
            size="small"
            value={lang}
            onChange={(value) => changeLanguage(value)}
            options={[
              { value: 'vi', label: 'VI', title: 'Tiếng Việt' },
              { value: 'en', label: 'EN', title: 'English' },
            ]}
          />
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
