// The page table: the one place a module adds its pages. Each entry gives the URL, the menu
// title (a locale key), who may open it and where it sits in the menu; the router, the menu,
// the breadcrumb and the home page's quick links are all derived from it.
//
// To add a page: create src/pages/<area>/<Name>Page.tsx with a default export, add an entry
// here (and a menu group if the area is new), and add its title to the three locale files.
import {
  ApartmentOutlined,
  AuditOutlined,
  CarryOutOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  DeploymentUnitOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  HomeOutlined,
  LoginOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TeamOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { ROLES, type Role } from '../api/types';
import type { MessageKey } from '../i18n/translate';
import type { MenuGroupDef, MenuPageDef } from './menu';

export type MenuGroupKey = 'policies' | 'ledger' | 'org' | 'system';

export interface PageDef extends MenuPageDef<MenuGroupKey> {
  icon: ComponentType;
  /** One sentence for the home page's quick link. */
  summaryKey: MessageKey;
  component: LazyExoticComponent<ComponentType>;
}

export interface GroupDef extends MenuGroupDef<MenuGroupKey> {
  icon: ComponentType;
}

export const MENU_GROUPS: readonly GroupDef[] = [
  { key: 'policies', titleKey: 'policies.menu.group', icon: FileTextOutlined },
  { key: 'ledger', titleKey: 'ledger.menu.group', icon: CarryOutOutlined },
  { key: 'org', titleKey: 'menu.org', icon: ClusterOutlined },
  { key: 'system', titleKey: 'menu.system', icon: SettingOutlined },
];

const ALL: readonly Role[] = ROLES;
const ADMIN: readonly Role[] = ['admin'];
const ADMIN_BUREAU: readonly Role[] = ['admin', 'bureau'];
/** Policy documents are read by the departments that carry them out, changed by bureau staff. */
const POLICY_READERS: readonly Role[] = ['admin', 'bureau', 'department'];

export const HOME_PATH = '/home';

export const PAGES: readonly PageDef[] = [
  {
    path: HOME_PATH,
    titleKey: 'menu.home',
    summaryKey: 'home.summary',
    icon: HomeOutlined,
    roles: ALL,
    component: lazy(() => import('../pages/home/HomePage')),
  },
  {
    path: '/policies',
    titleKey: 'policies.menu.library',
    summaryKey: 'policies.summary.library',
    icon: FileSearchOutlined,
    roles: POLICY_READERS,
    group: 'policies',
    component: lazy(() => import('../pages/policies/PolicyLibraryPage')),
  },
  {
    path: '/policies/upload',
    titleKey: 'policies.menu.upload',
    summaryKey: 'policies.summary.upload',
    icon: UploadOutlined,
    roles: ADMIN_BUREAU,
    group: 'policies',
    component: lazy(() => import('../pages/policies/PolicyUploadPage')),
  },
  {
    path: '/policies/graph',
    titleKey: 'policies.menu.graph',
    summaryKey: 'policies.summary.graph',
    icon: DeploymentUnitOutlined,
    roles: POLICY_READERS,
    group: 'policies',
    component: lazy(() => import('../pages/policies/PolicyGraphPage')),
  },
  {
    path: '/policies/:id',
    titleKey: 'policies.menu.detail',
    summaryKey: 'policies.summary.detail',
    icon: FileTextOutlined,
    roles: POLICY_READERS,
    group: 'policies',
    hideInMenu: true,
    component: lazy(() => import('../pages/policies/PolicyDetailPage')),
  },
  {
    path: '/policies/:id/alignment',
    titleKey: 'policies.menu.alignment',
    summaryKey: 'policies.summary.alignment',
    icon: DeploymentUnitOutlined,
    roles: POLICY_READERS,
    group: 'policies',
    hideInMenu: true,
    component: lazy(() => import('../pages/policies/PolicyAlignmentPage')),
  },
  {
    path: '/ledger/todo',
    titleKey: 'ledger.menu.todo',
    summaryKey: 'ledger.summary.todo',
    icon: ScheduleOutlined,
    // Administrators may open every page; the page tells them the list is a department's.
    roles: ['admin', 'department'],
    group: 'ledger',
    component: lazy(() => import('../pages/ledger/TodoPage')),
  },
  {
    path: '/ledger/board',
    titleKey: 'ledger.menu.board',
    summaryKey: 'ledger.summary.board',
    icon: DashboardOutlined,
    roles: ADMIN_BUREAU,
    group: 'ledger',
    component: lazy(() => import('../pages/ledger/BoardPage')),
  },
  {
    path: '/ledger',
    titleKey: 'ledger.menu.ledgers',
    summaryKey: 'ledger.summary.ledgers',
    icon: ProfileOutlined,
    roles: ADMIN_BUREAU,
    group: 'ledger',
    component: lazy(() => import('../pages/ledger/LedgerListPage')),
  },
  {
    path: '/ledger/items/:id',
    titleKey: 'ledger.menu.item',
    summaryKey: 'ledger.summary.item',
    icon: CarryOutOutlined,
    roles: ['admin', 'bureau', 'department'],
    group: 'ledger',
    hideInMenu: true,
    component: lazy(() => import('../pages/ledger/ItemPage')),
  },
  {
    path: '/ledger/:id',
    titleKey: 'ledger.menu.ledger',
    summaryKey: 'ledger.summary.ledger',
    icon: ProfileOutlined,
    roles: ADMIN_BUREAU,
    group: 'ledger',
    hideInMenu: true,
    component: lazy(() => import('../pages/ledger/LedgerPage')),
  },
  {
    path: '/org/units',
    titleKey: 'menu.orgUnits',
    summaryKey: 'orgUnits.summary',
    icon: ClusterOutlined,
    roles: ADMIN_BUREAU,
    group: 'org',
    component: lazy(() => import('../pages/org/OrgUnitsPage')),
  },
  {
    path: '/org/departments',
    titleKey: 'menu.departments',
    summaryKey: 'departments.summary',
    icon: ApartmentOutlined,
    roles: ADMIN_BUREAU,
    group: 'org',
    component: lazy(() => import('../pages/org/DepartmentsPage')),
  },
  {
    path: '/system/users',
    titleKey: 'menu.users',
    summaryKey: 'users.summary',
    icon: TeamOutlined,
    // The server lets a bureau manage the accounts of its own unit and the units below it.
    roles: ADMIN_BUREAU,
    group: 'system',
    component: lazy(() => import('../pages/system/UsersPage')),
  },
  {
    path: '/system/roles',
    titleKey: 'menu.roles',
    summaryKey: 'roles.summary',
    icon: SafetyCertificateOutlined,
    roles: ADMIN_BUREAU,
    group: 'system',
    component: lazy(() => import('../pages/system/RolesPage')),
  },
  {
    path: '/system/login-log',
    titleKey: 'menu.loginLog',
    summaryKey: 'loginLog.summary',
    icon: LoginOutlined,
    roles: ADMIN,
    group: 'system',
    component: lazy(() => import('../pages/system/LoginLogPage')),
  },
  {
    path: '/system/audit-log',
    titleKey: 'menu.auditLog',
    summaryKey: 'auditLog.summary',
    icon: AuditOutlined,
    roles: ADMIN,
    group: 'system',
    component: lazy(() => import('../pages/system/AuditLogPage')),
  },
  {
    path: '/system/demo',
    titleKey: 'menu.demo',
    summaryKey: 'demo.summary',
    icon: DatabaseOutlined,
    roles: ADMIN,
    group: 'system',
    component: lazy(() => import('../pages/system/DemoDataPage')),
  },
];
