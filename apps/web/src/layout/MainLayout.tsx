import { Breadcrumb, Layout, Menu, type MenuProps, theme } from 'antd';
import { createElement, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useUser } from '../auth/AuthProvider';
import { useT } from '../i18n/I18nProvider';
import { groupKey, type MenuNode, menuForRole, menuPageForPath, pageForPath } from '../routes/menu';
import { HOME_PATH, MENU_GROUPS, PAGES } from '../routes/pages';
import { LanguageSwitcher } from './LanguageSwitcher';
import { UserMenu } from './UserMenu';

const { Header, Sider, Content } = Layout;

function iconFor(node: MenuNode) {
  const def = node.path
    ? PAGES.find((p) => p.path === node.path)
    : MENU_GROUPS.find((g) => groupKey(g.key) === node.key);
  // Decorative: the label already names the item, and a screen reader should not read "audit".
  return def ? createElement(def.icon, { 'aria-hidden': true } as object) : null;
}

/** The signed-in workbench: role-dependent menu on the left, who-am-I on top, the page inside. */
export default function MainLayout() {
  const user = useUser();
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);

  const nodes = useMemo(() => menuForRole(user.role, PAGES, MENU_GROUPS), [user.role]);
  const current = pageForPath(location.pathname, PAGES);
  const highlighted = menuPageForPath(location.pathname, PAGES);
  const currentGroup = current?.group ? groupKey(current.group) : undefined;
  const [openKeys, setOpenKeys] = useState<string[]>(() => nodes.filter((n) => n.children).map((n) => n.key));

  const items: MenuProps['items'] = nodes.map(function toItem(n): NonNullable<MenuProps['items']>[number] {
    return {
      key: n.key,
      icon: iconFor(n),
      label: t(n.labelKey),
      children: n.children?.map(toItem),
    };
  });

  const group = MENU_GROUPS.find((g) => g.key === current?.group);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        width={216}
        theme="light"
        style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}
      >
        <Link
          to={HOME_PATH}
          style={{
            display: 'block',
            padding: collapsed ? '16px 8px' : '16px 20px',
            fontWeight: 600,
            fontSize: collapsed ? 14 : 15,
            color: token.colorPrimary,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
          }}
        >
          {collapsed ? t('app.shortName') : t('app.title')}
        </Link>
        <nav aria-label={t('menu.label')}>
          <Menu
            mode="inline"
            items={items}
            selectedKeys={highlighted ? [highlighted.path] : []}
            openKeys={
              collapsed ? undefined : [...new Set([...openKeys, ...(currentGroup ? [currentGroup] : [])])]
            }
            onOpenChange={setOpenKeys}
            onClick={({ key }) => navigate(key)}
            style={{ borderInlineEnd: 'none' }}
          />
        </nav>
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 12,
          }}
        >
          <Breadcrumb
            items={[
              ...(group ? [{ title: t(group.titleKey) }] : []),
              ...(current ? [{ title: t(current.titleKey) }] : []),
            ]}
          />
          <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <LanguageSwitcher />
            <UserMenu />
          </div>
        </Header>
        <Content style={{ margin: 16 }}>
          <main>
            <Outlet />
          </main>
        </Content>
      </Layout>
    </Layout>
  );
}
