/**
 * The usual departments of a county-level government (and of the city and region above), as
 * policies name them in 牵头/配合 assignments. Each county's catalogue is created from this list
 * the first time it is needed and is then the county's own, editable by admins.
 */
export interface CatalogueEntry {
  /** Short name as written in policies (财政局). */
  name: string;
  /** Official name after the unit's own name: 阿荣旗 + 财政局. `{p}` is the party-committee prefix (旗委). */
  official: string;
  kind: 'bureau' | 'department' | 'other';
  aliases: string[];
}

const e = (
  name: string,
  official: string,
  aliases: string[] = [],
  kind: CatalogueEntry['kind'] = 'department',
) => ({
  name,
  official,
  kind,
  aliases,
});

/** County (县/旗/区/县级市) and city (市/盟) governments share names. */
export const LOCAL_CATALOGUE: CatalogueEntry[] = [
  e('科技局', '科学技术局', ['科学技术局', '教科体局', '教育科技体育局', '教科局', '教育科技局'], 'bureau'),
  e('发改委', '发展和改革委员会', ['发展改革委', '发展和改革委员会', '发改局', '发展和改革局', '发展改革局']),
  e('财政局', '财政局'),
  e('工信局', '工业和信息化局', [
    '工业和信息化局',
    '经信局',
    '经信委',
    '经济和信息化局',
    '经济和信息化委员会',
  ]),
  e('农牧局', '农牧局', ['农牧业局', '农业农村局', '农业局', '畜牧局', '农业农村和牧业局']),
  e('林草局', '林业和草原局', ['林业和草原局', '林业局']),
  e('生态环境局', '生态环境局', ['生态环境分局', '环保局', '环境保护局']),
  e('市场监管局', '市场监督管理局', ['市场监督管理局']),
  e('人社局', '人力资源和社会保障局', ['人力资源和社会保障局', '人力资源社会保障局']),
  e('金融办', '金融工作办公室', ['金融工作办公室', '金融服务中心', '地方金融监管局', '地方金融监督管理局']),
  e('统计局', '统计局'),
  e('政务服务局', '政务服务局', ['政务局', '政务服务中心', '政务服务和数据管理局', '政务服务与数据管理局']),
  e('教育局', '教育局', ['教育体育局']),
  e('自然资源局', '自然资源局'),
  e('住建局', '住房和城乡建设局', ['住房和城乡建设局', '住房城乡建设局']),
  e('水利局', '水利局'),
  e('商务局', '商务局'),
  e('卫健委', '卫生健康委员会', ['卫生健康委员会', '卫生健康委', '卫健局', '卫生健康局']),
  e('文旅局', '文化和旅游局', ['文化和旅游局', '文化旅游体育局', '文体旅游局', '旅游局']),
  e('交通运输局', '交通运输局'),
  e('民政局', '民政局'),
  e('司法局', '司法局'),
  e('审计局', '审计局'),
  e('应急管理局', '应急管理局'),
  e('乡村振兴局', '乡村振兴局', ['扶贫办', '扶贫开发办公室']),
  e('税务局', '税务局', ['税务部门']),
  e('档案史志馆', '档案史志馆', ['档案局', '档案馆', '史志办']),
  e('组织部', '{p}组织部', ['党委组织部', '{p}组织部'], 'other'),
  e('宣传部', '{p}宣传部', ['党委宣传部', '{p}宣传部'], 'other'),
  e('编办', '机构编制委员会办公室', ['机构编制委员会办公室', '编委办'], 'other'),
  e('人才办', '人才工作领导小组办公室', ['人才工作领导小组办公室'], 'other'),
  e('考核办', '考核办公室', ['考核办公室'], 'other'),
  e('科协', '科学技术协会', ['科学技术协会'], 'other'),
];

/** A province-level government: 厅 instead of 局. */
export const PROVINCE_CATALOGUE: CatalogueEntry[] = [
  e('科技厅', '科学技术厅', ['科学技术厅'], 'bureau'),
  e('发展改革委', '发展和改革委员会', ['发展和改革委员会', '发改委']),
  e('财政厅', '财政厅'),
  e('工业和信息化厅', '工业和信息化厅', ['工信厅']),
  e('农牧厅', '农牧厅', ['农业农村厅']),
  e('林业和草原局', '林业和草原局', ['林草局']),
  e('生态环境厅', '生态环境厅'),
  e('市场监督管理局', '市场监督管理局', ['市场监管局']),
  e('人力资源社会保障厅', '人力资源和社会保障厅', ['人力资源和社会保障厅', '人社厅']),
  e('地方金融监督管理局', '地方金融监督管理局', ['金融监管局', '金融办']),
  e('统计局', '统计局'),
  e('政务服务局', '政务服务局', ['政务服务与数据管理局']),
  e('教育厅', '教育厅'),
  e('自然资源厅', '自然资源厅'),
  e('住房和城乡建设厅', '住房和城乡建设厅', ['住建厅']),
  e('水利厅', '水利厅'),
  e('商务厅', '商务厅'),
  e('卫生健康委', '卫生健康委员会', ['卫生健康委员会', '卫健委']),
  e('文化和旅游厅', '文化和旅游厅', ['文旅厅']),
  e('交通运输厅', '交通运输厅'),
  e('民政厅', '民政厅'),
  e('司法厅', '司法厅'),
  e('审计厅', '审计厅'),
  e('应急管理厅', '应急管理厅'),
  e('乡村振兴局', '乡村振兴局'),
  e('税务局', '税务局'),
  e('党委组织部', '党委组织部', ['组织部'], 'other'),
  e('科协', '科学技术协会', ['科学技术协会'], 'other'),
];

/** 旗 → 旗委, 县 → 县委, 盟 → 盟委, 自治区 → 自治区党委 … for party bodies such as 组织部. */
export function partyPrefix(unitName: string): string {
  if (unitName.endsWith('自治区') || unitName.endsWith('省')) return '党委';
  const last = unitName.at(-1) ?? '';
  return `${'旗县区市盟州'.includes(last) ? last : ''}委`;
}

export interface CatalogueDepartment {
  name: string;
  fullName: string;
  kind: CatalogueEntry['kind'] | 'township';
  aliases: string[];
  sortOrder: number;
}

/** The departments a unit starts with: the catalogue for its level plus one government per township. */
export function catalogueFor(
  unit: { name: string; level: string },
  townships: Array<{ name: string }> = [],
): CatalogueDepartment[] {
  const list = unit.level === 'province' ? PROVINCE_CATALOGUE : LOCAL_CATALOGUE;
  const p = partyPrefix(unit.name);
  const official = (s: string) => s.replaceAll('{p}', p);
  const fill = (s: string) => (s.includes('{p}') ? official(s) : s);
  const out: CatalogueDepartment[] = list.map((c, i) => {
    const fullName = c.official.includes('{p}')
      ? `${unit.name.replace(/(旗|县|区|市|盟|州)$/, '')}${official(c.official)}`
      : `${unit.name}${c.official}`;
    const aliases = [...new Set([...c.aliases.map(fill), fullName])].filter((a) => a !== c.name);
    return { name: c.name, fullName, kind: c.kind, aliases, sortOrder: (i + 1) * 10 };
  });
  townships.forEach((t, i) => {
    const government = `${t.name}人民政府`;
    out.push({
      name: government,
      fullName: `${unit.name}${government}`,
      kind: 'township',
      aliases: [t.name],
      sortOrder: 1000 + i,
    });
  });
  return out;
}
