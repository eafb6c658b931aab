import { Button, Empty, Tag, Typography, theme } from 'antd';
import type { OrgUnitHit } from '../../../api/types';
import { useT } from '../../../i18n/I18nProvider';

interface Props {
  results: OrgUnitHit[];
  onPick: (code: string) => void;
}

/** Units matching a search, each with where it lies, so namesakes (新城区 …) can be told apart. */
export function SearchResults({ results, onPick }: Props) {
  const t = useT();
  const { token } = theme.useToken();
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary">{t('orgUnits.results', { n: results.length })}</Typography.Text>
      {results.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgUnits.noResults')} />
      ) : (
        <ul
          style={{
            listStyle: 'none',
            margin: '8px 0 0',
            padding: 0,
            maxHeight: 220,
            overflow: 'auto',
            border: `1px solid ${token.colorBorderSecondary}`,
            borderRadius: token.borderRadius,
          }}
        >
          {results.map((u) => (
            <li
              key={u.code}
              style={{
                display: 'flex',
                justifyContent: 'space-between',
                alignItems: 'center',
                padding: '4px 12px',
                borderBottom: `1px solid ${token.colorBorderSecondary}`,
              }}
            >
              <div>
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onPick(u.code)}>
                  {u.name}
                </Button>{' '}
                <Typography.Text type="secondary">{u.code}</Typography.Text>
                <div style={{ fontSize: 12, color: token.colorTextSecondary }}>{u.pathNames}</div>
              </div>
              <Tag>{t(`orgUnits.levels.${u.level}`)}</Tag>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
