// How a target reads in a 任务分解表 cell or a list: rebuilt from its fields, so a corrected value
// shows as corrected (the clause as written would still carry the old number).
import type { Target } from '@innocounty/policy';

const num = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toFixed(4))));

function times(value: number): string {
  if (value === 2) return '翻一番';
  if (value === 4) return '翻两番';
  return `增长到${num(value)}倍`;
}

/** 到2023年，全旗科技型中小企业认定数达到5家 ; 每年研发投入增长不低于10% ; … */
export function targetDisplay(
  t: Pick<
    Target,
    'metric' | 'comparator' | 'value' | 'valueMax' | 'unit' | 'per' | 'deadline' | 'approx' | 'scope'
  >,
): string {
  const unit = t.unit ?? '';
  const about = t.approx ? '左右' : '';
  const amount = `${num(t.value)}${unit}${about}`;
  let goal: string;
  switch (t.comparator) {
    case 'reach':
      goal = `达到${amount}`;
      break;
    case 'at_least':
      goal = `不低于${amount}`;
      break;
    case 'more_than':
      goal = `超过${amount}`;
      break;
    case 'at_most':
      goal = `控制在${amount}以内`;
      break;
    case 'range':
      goal = `达到${num(t.value)}${t.valueMax != null ? `—${num(t.valueMax)}` : ''}${unit}${about}`;
      break;
    case 'multiply':
      goal = times(t.value);
      break;
    case 'growth':
      goal = `增长${amount}`;
      break;
    default:
      goal = amount;
  }
  const when = t.per === 'year' ? '每年' : t.deadline ? `到${t.deadline}年，` : '';
  return `${when}${t.scope ?? ''}${t.metric}${goal}`;
}
