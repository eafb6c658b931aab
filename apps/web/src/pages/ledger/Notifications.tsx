import { Badge, Button, Empty, Space } from 'antd';
import { Link } from 'react-router-dom';
import { ledgerApi, type Notification } from '../../api/ledger';
import { useT } from '../../i18n/I18nProvider';
import { formatTime } from '../../lib/format';

/** In-app reminders (到期、报送、督办单、审核、延期) with a link to the item and "mark read". */
export function Notifications({ rows, onRead }: { rows: Notification[]; onRead: () => void }) {
  const t = useT();
  if (!rows.length) return <Empty description={t('ledger.todo.noNotifications')} />;
  return (
    <div data-testid="notifications">
      {rows.map((n) => (
        <div
          key={n.id}
          style={{
            display: 'flex',
            gap: 12,
            alignItems: 'center',
            padding: '10px 0',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <div style={{ flex: 1 }}>
            <Space>
              {!n.readAt && <Badge status="processing" />}
              {n.itemId ? <Link to={`/ledger/items/${n.itemId}`}>{n.title}</Link> : n.title}
            </Space>
            <div style={{ color: '#888' }}>
              {formatTime(n.createdAt)}　{n.body}
            </div>
          </div>
          {!n.readAt && (
            <Button
              size="small"
              type="link"
              onClick={async () => {
                await ledgerApi.markRead(n.id);
                onRead();
              }}
            >
              {t('ledger.todo.markRead')}
            </Button>
          )}
        </div>
      ))}
    </div>
  );
}
