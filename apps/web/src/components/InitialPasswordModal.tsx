import { Alert, Modal, Typography } from 'antd';
import { useT } from '../i18n/I18nProvider';

interface Props {
  open: boolean;
  username: string;
  password: string;
  onClose: () => void;
}

/** Shows a newly issued initial password once; the server never returns it again. */
export function InitialPasswordModal({ open, username, password, onClose }: Props) {
  const t = useT();
  return (
    <Modal
      open={open}
      title={t('users.password.title')}
      onOk={onClose}
      onCancel={onClose}
      okText={t('users.password.done')}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('users.password.once')} style={{ marginBottom: 16 }} />
      <p>
        {t('users.password.forUser')} <Typography.Text strong>{username}</Typography.Text>
      </p>
      <Typography.Paragraph
        copyable={{ text: password, tooltips: [t('common.copy'), t('common.copied')] }}
        code
        style={{ fontSize: 18 }}
        data-testid="initial-password"
      >
        {password}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('users.password.mustChange')}</Typography.Paragraph>
    </Modal>
  );
}
