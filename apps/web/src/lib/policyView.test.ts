import { describe, expect, it } from 'vitest';
import type { Duty, Section, Target } from '../api/policies';
import { clauseOf, kindOfId, marksOf, segmentText, tasksOf } from './policyView';

const section = (path: string, marker: string, span: [number, number] | null = null): Section => ({
  id: `s:${path}`,
  path,
  marker,
  heading: path,
  level: path.split('/').length,
  span,
  correction: null,
});
const duty = (sectionPath: string, role: Duty['role'], span: [number, number] | null = null): Duty => ({
  id: `d:${sectionPath}:${role}`,
  section: sectionPath,
  role,
  units: ['科技局'],
  span,
  correction: null,
});
const target = (sectionPath: string, span: [number, number] | null = null): Target => ({
  id: `t:${sectionPath}`,
  section: sectionPath,
  metric: '企业',
  comparator: 'reach',
  value: 1,
  valueMax: null,
  unit: '家',
  per: null,
  deadline: null,
  approx: false,
  scope: null,
  text: '',
  display: '企业达到1家',
  span,
  correction: null,
});

describe('segmentText', () => {
  it('cuts at every boundary and lists the most specific item first', () => {
    const segs = segmentText(20, [
      { id: 's', kind: 'section', span: [0, 20] },
      { id: 't', kind: 'target', span: [5, 10] },
      { id: 'd', kind: 'duty', span: [8, 15] },
    ]);
    expect(segs.map((s) => [s.start, s.end, s.ids.join(',')])).toEqual([
      [0, 5, 's'],
      [5, 8, 't,s'],
      [8, 10, 't,d,s'],
      [10, 15, 'd,s'],
      [15, 20, 's'],
    ]);
    expect(segs[2].kind).toBe('target');
  });

  it('covers text outside every mark with unmarked segments', () => {
    expect(segmentText(6, [{ id: 'x', kind: 'duty', span: [2, 4] }]).map((s) => s.kind)).toEqual([
      null,
      'duty',
      null,
    ]);
  });

  it('takes marks only from items that have a span', () => {
    const marks = marksOf({
      sections: [section('一', '一、', [0, 3]), section('二', '二、')],
      responsibilities: [duty('一', 'lead', [4, 6])],
      targets: [],
    });
    expect(marks.map((m) => m.id)).toEqual(['s:一', 'd:一:lead']);
  });
});

describe('tasksOf', () => {
  it('lists sections with duties or targets in document order, duties by role', () => {
    const tasks = tasksOf({
      sections: [section('一', '一、'), section('一/(一)', '（一）'), section('一/(二)', '（二）')],
      responsibilities: [duty('一/(二)', 'lead'), duty('一/(一)', 'co'), duty('一/(一)', 'lead')],
      targets: [target('一')],
    });
    expect(tasks.map((t) => t.path)).toEqual(['一', '一/(一)', '一/(二)']);
    expect(tasks[1].lead).toHaveLength(1);
    expect(tasks[1].co).toHaveLength(1);
    expect(tasks[0].targets).toHaveLength(1);
  });

  it('writes the clause from the markers', () => {
    expect(clauseOf([section('三', '三、'), section('三/(二)', '（二）')], '三/(二)/5')).toBe('三、（二）5');
  });

  it('knows an item’s kind from its id', () => {
    expect(kindOfId('t:一:1::家')).toBe('target');
    expect(kindOfId('d+0a1b')).toBe('duty');
    expect(kindOfId('meta')).toBeNull();
  });
});
