import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useT } from '../../../i18n/I18nProvider';

/** The small 更正 / 删除 icon buttons beside an extracted item; 删除 only when it can be deleted. */
export function IconActions({ onEdit, onDelete }: { onEdit: () => void; onDelete?: () => void }) {
  const t = useT();
  return (
    <>
      <Button
        type="text"
        size="small"
        icon={<EditOutlined />}
        aria-label={t('policies.detail.correct')}
        onClick={onEdit}
      />
      {onDelete && (
        <Button
          type="text"
          size="small"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('common.delete')}
          onClick={onDelete}
        />
      )}
    </>
  );
}
