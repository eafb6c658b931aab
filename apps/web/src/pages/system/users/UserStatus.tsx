import { Tag, Tooltip } from 'antd';
import type { User } from '../../../api/types';
import { useT } from '../../../i18n/I18nProvider';
import { formatTime, isLocked } from '../../../lib/format';

/** The states that matter to an administrator, most serious first. */
export function UserStatus({ user }: { user: User }) {
  const t = useT();
  const locked = isLocked(user.lockedUntil);
  const normal = !user.disabled && !locked && !user.mustChangePassword;
  return (
    <>
      {user.disabled && <Tag color="red">{t('users.status.disabled')}</Tag>}
      {locked && (
        <Tooltip title={t('users.status.lockedUntil', { time: formatTime(user.lockedUntil) })}>
          <Tag color="orange">{t('users.status.locked')}</Tag>
        </Tooltip>
      )}
      {user.mustChangePassword && <Tag color="blue">{t('users.status.mustChange')}</Tag>}
      {normal && <Tag color="green">{t('users.status.active')}</Tag>}
      {user.isDemo && <Tag color="gold">{t('common.demo')}</Tag>}
    </>
  );
}
