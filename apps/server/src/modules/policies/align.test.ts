import { describe, expect, it } from 'vitest';
import { type AlignSection, alignSections, bigrams, sectionTexts } from './align';

const sec = (id: string, path: string, heading: string, body = ''): AlignSection => ({
  id,
  path,
  heading,
  text: `${heading}。${body}`,
});

// An invented parent plan and a child plan that carries out part of it.
const parent = [
  sec('p1', '一', '总体要求', '坚持创新驱动，到2026年高新技术企业明显增加。'),
  sec('p2', '二', '重点任务'),
  sec('p3', '二/(一)', '培育壮大创新主体', '建立高新技术企业培育库，实施科技型企业梯次培育。'),
  sec('p4', '二/(二)', '建设创新平台载体', '支持建设科技企业孵化器、众创空间和星创天地。'),
  sec('p5', '二/(三)', '加大科技金融支持', '建立科技贷款项目储备库，开发知识产权质押信贷产品。'),
  sec('p6', '二/(四)', '推行科技特派员制度', '选派科技特派员，建设科技特派员工作站。'),
];
const child = [
  sec('c1', '一', '总体目标', '到2026年，全旗高新技术企业达到8家。'),
  sec('c2', '二/(一)', '建立高新技术企业培育库', '每年遴选企业入库，实施梯次培育。'),
  sec('c3', '二/(二)', '建设星创天地和孵化器', '依托龙头企业建设星创天地，盘活厂房建设科技企业孵化器。'),
  sec('c4', '二/(三)', '建设科技特派员工作站', '在各乡镇建设科技特派员工作站。'),
];

describe('alignSections', () => {
  const result = alignSections(child, parent);
  const best = (id: string) => result.pairs.find((p) => p.child === id)?.parent;

  it('lines each child section up with the parent section it carries out', () => {
    expect(best('c2')).toBe('p3');
    expect(best('c3')).toBe('p4');
    expect(best('c4')).toBe('p6');
  });

  it('lists the parent tasks nothing in the child carries out', () => {
    expect(result.gaps).toContain('p5');
    expect(result.gaps).not.toContain('p3');
    expect(result.gaps).not.toContain('p6');
    // 二 has sub-sections: only leaves of the outline can be gaps.
    expect(result.gaps).not.toContain('p2');
  });

  it('leaves a child section unmatched when nothing in the parent is close', () => {
    const off = alignSections([sec('x', '一', '加强档案信息化', '推进档案数字化和档案馆建设。')], parent);
    expect(off.pairs[0].parent).toBeNull();
  });

  it('scores wordings that share characters but no pair of them (督查 / 督促检查)', () => {
    const r = alignSections(
      [sec('k', '三', '督促检查')],
      [sec('p', '三', '督查考核'), sec('q', '四', '组织领导')],
      0,
    );
    expect(r.pairs[0].parent).toBe('p');
    expect(r.pairs[0].score).toBeGreaterThan(0);
  });

  it('compares traditional and simplified text alike', () => {
    const trad = alignSections(
      [sec('t', '一', '建設科技特派員工作站', '在各鄉鎮建設科技特派員工作站。')],
      parent,
    );
    expect(trad.pairs[0].parent).toBe('p6');
  });
});

describe('bigrams and section texts', () => {
  it('makes bigrams within runs of characters, not across punctuation', () => {
    expect(bigrams('科技，创新')).toEqual(['科技', '创新']);
  });

  it('cuts each section’s text at the next heading', () => {
    const text = '一、任务\n培育企业。\n二、保障\n加强领导。';
    const out = sectionTexts(
      text,
      [
        { path: '一', heading: '任务', span: [0, 4] },
        { path: '二', heading: '保障', span: [11, 15] },
        { path: '三', heading: '人工新增', span: null },
      ],
      ['a', 'b', 'c'],
    );
    expect(out.map((s) => s.text)).toEqual(['一、任务\n培育企业。\n', '二、保障\n加强领导。', '人工新增']);
  });
});
