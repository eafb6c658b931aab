// Small pieces the ledger pages share: the red/yellow/green light, status tag, department lists.
import { Tag, Tooltip } from 'antd';
import type { Colour, DeptRef, ItemStatus } from '../../api/ledger';
import { useT } from '../../i18n/I18nProvider';

export const COLOUR_HEX: Record<Colour, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' };
const STATUS_COLOURS: Record<ItemStatus, string> = {
  draft: 'default',
  assigned: 'blue',
  accepted: 'cyan',
  in_progress: 'processing',
  pending_review: 'purple',
  returned: 'orange',
  completed: 'success',
};

/** The warning light: a coloured tag with its name, the reasons on hover. */
export function ColourTag({ colour, reasons }: { colour: Colour | null; reasons?: string[] }) {
  const t = useT();
  if (!colour) return <span title={t('ledger.colour.none')}>—</span>;
  const tag = (
    <Tag
      color={colour === 'green' ? 'success' : colour === 'yellow' ? 'warning' : 'error'}
      data-colour={colour}
    >
      {t(`ledger.colour.${colour}`)}
    </Tag>
  );
  return reasons?.length ? <Tooltip title={reasons.join('；')}>{tag}</Tooltip> : tag;
}

export function StatusTag({ status }: { status: ItemStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLOURS[status]} data-status={status}>
      {t(`ledger.status.${status}`)}
    </Tag>
  );
}

export function DeptNames({ list, notes }: { list: DeptRef[] | string[]; notes?: string[] }) {
  const names = [...list.map((d) => (typeof d === 'string' ? d : d.name)), ...(notes ?? [])];
  return names.length ? <span>{names.join('、')}</span> : <span aria-hidden>—</span>;
}

/** 三（二）1（1）: the clause a task came from, as staff cite it. */
export function clauseLabel(path: string | null | undefined): string {
  if (!path) return '';
  return path
    .split('/')
    .map((p) => p.replace(/^\((.+)\)$/, '（$1）'))
    .join('');
}

export const itemLabel = (i: { marker: string | null; title: string }) =>
  `${i.marker ? `${i.marker.replace(/^\((.+)\)$/, '（$1）')} ` : ''}${i.title}`;

export const canManage = (role: string) => role === 'admin' || role === 'bureau';
