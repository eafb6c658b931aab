import { theme } from 'antd';
import { memo, useMemo } from 'react';
import { type MarkKind, segmentText, type TextMark } from '../../../lib/policyView';

export const MARK_COLORS: Record<MarkKind, { bg: string; line: string }> = {
  section: { bg: '#e6f4ff', line: '#1677ff' },
  duty: { bg: '#fff7e6', line: '#fa8c16' },
  target: { bg: '#f6ffed', line: '#52c41a' },
};

interface Props {
  text: string;
  marks: TextMark[];
  activeId: string | null;
  /** Clicked marked text: the ids covering it, most specific first. */
  onPick(ids: string[]): void;
}

/**
 * The document as loaded, with every extracted item's span highlighted (sections blue, duties
 * orange, targets green). Clicking highlighted text selects the item in the structure panel.
 */
export const OriginalText = memo(function OriginalText({ text, marks, activeId, onPick }: Props) {
  const { token } = theme.useToken();
  const segments = useMemo(() => segmentText(text.length, marks), [text, marks]);
  return (
    <div
      data-testid="original-text"
      style={{
        whiteSpace: 'pre-wrap',
        lineHeight: 1.9,
        fontSize: 14,
        fontFamily: token.fontFamily,
        wordBreak: 'break-all',
      }}
    >
      {segments.map((s) => {
        const piece = text.slice(s.start, s.end);
        if (!s.kind) return <span key={s.start}>{piece}</span>;
        const active = activeId !== null && s.ids.includes(activeId);
        const c = MARK_COLORS[s.kind];
        return (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the structure panel selects the same items by keyboard; hundreds of marks must not be tab stops
          <mark
            key={s.start}
            data-start={s.start}
            data-ids={s.ids.join(' ')}
            data-kind={s.kind}
            data-active={active || undefined}
            onClick={() => onPick(s.ids)}
            style={{
              background: active ? '#ffe58f' : c.bg,
              borderBottom: `2px solid ${c.line}`,
              padding: 0,
              cursor: 'pointer',
              outline: active ? `2px solid ${token.colorPrimary}` : undefined,
            }}
          >
            {piece}
          </mark>
        );
      })}
    </div>
  );
});
