import { Typography, theme } from 'antd';
import type { ReactNode } from 'react';

interface Props<T> {
  items: readonly T[];
  render(item: T): ReactNode;
  itemKey(item: T): string;
  header?: ReactNode;
  empty?: ReactNode;
  testId?: string;
  itemTestId?: string;
}

/** A plain list of rows with dividers (antd's List is deprecated in v6). */
export function Rows<T>({ items, render, itemKey, header, empty, testId, itemTestId }: Props<T>) {
  const { token } = theme.useToken();
  return (
    <div data-testid={testId}>
      {header && (
        <div style={{ padding: '8px 0', borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
          {header}
        </div>
      )}
      {items.length === 0 && empty && (
        <Typography.Paragraph type="secondary" style={{ padding: '8px 0', margin: 0 }}>
          {empty}
        </Typography.Paragraph>
      )}
      {items.map((item) => (
        <div
          key={itemKey(item)}
          data-testid={itemTestId}
          style={{ padding: '8px 0', borderBottom: `1px solid ${token.colorBorderSecondary}` }}
        >
          {render(item)}
        </div>
      ))}
    </div>
  );
}
