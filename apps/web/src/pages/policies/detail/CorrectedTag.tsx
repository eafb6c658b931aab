import { Tag, Tooltip } from 'antd';
import type { CorrectionMark } from '../../../api/policies';
import { useI18n } from '../../../i18n/I18nProvider';

/** 已更正 / 人工新增, with the corrected fields on hover. */
export function CorrectedTag({ mark }: { mark: CorrectionMark | null }) {
  const { t, tryT } = useI18n();
  if (!mark) return null;
  if (mark.op === 'add') return <Tag color="purple">{t('policies.detail.added')}</Tag>;
  const fields = mark.fields.map((f) => tryT(`policies.fieldNames.${f}`) ?? f).join('、');
  return (
    <Tooltip title={t('policies.detail.correctedFields', { fields })}>
      <Tag color="gold" data-testid="corrected-tag">
        {t('policies.detail.corrected')}
      </Tag>
    </Tooltip>
  );
}
