// The indicator framework (指标体系) as data: a tree of any depth whose leaves are indicators and
// whose inner nodes are aggregates (sub-dimension → dimension → index), with weights, directions,
// units, denominators, goalposts, standard values (标准值) and targets. Frameworks are JSON files
// (see frameworks/*.json), validated here; COINr users can also bring their iMeta table.
import { z } from 'zod';
import { MetricsError } from './errors';
import { parseWith } from './validate';

export const AggregateMethodSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('amean') }),
  z.object({ method: z.literal('gmean') }),
  z.object({ method: z.literal('hmean') }),
  z.object({
    method: z.literal('genmean'),
    p: z.number().refine((p) => p !== 0, 'p 不能为 0（p = 0 即几何平均）'),
  }),
  z.object({ method: z.literal('copeland') }),
  z.object({ method: z.literal('mpi'), penalty: z.enum(['negative', 'positive']).default('negative') }),
]);
export type AggregateMethod = z.output<typeof AggregateMethodSchema>;

const code = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[^\s,"'\\]+$/u, '代码不能含空格、逗号或引号');

export interface FrameworkNodeInput {
  code: string;
  name?: string;
  nameEn?: string;
  weight?: number;
  direction?: 1 | -1;
  unit?: string;
  denominator?: string;
  denominatorScale?: number;
  goalposts?: { lower: number; upper: number; scale?: number };
  standard?: number;
  target?: number;
  definition?: string;
  formula?: string;
  source?: string;
  dataSource?: string;
  notes?: string;
  aggregation?: z.input<typeof AggregateMethodSchema>;
  minCoverage?: number;
  children?: FrameworkNodeInput[];
}

const NodeSchema: z.ZodType<FrameworkNodeInput> = z.lazy(() =>
  z
    .object({
      code,
      name: z.string().optional(),
      nameEn: z.string().optional(),
      weight: z.number().nonnegative().finite().optional(),
      direction: z.union([z.literal(1), z.literal(-1)]).optional(),
      unit: z.string().optional(),
      denominator: z.string().optional(),
      denominatorScale: z.number().positive().finite().optional(),
      goalposts: z
        .object({
          lower: z.number().finite(),
          upper: z.number().finite(),
          scale: z.number().positive().optional(),
        })
        .refine((g) => g.upper !== g.lower, '上下目标值不能相等 upper must differ from lower')
        .optional(),
      standard: z.number().positive().finite().optional(),
      target: z.number().finite().optional(),
      definition: z.string().optional(),
      formula: z.string().optional(),
      source: z.string().optional(),
      dataSource: z.string().optional(),
      notes: z.string().optional(),
      aggregation: AggregateMethodSchema.optional(),
      minCoverage: z.number().min(0).max(1).optional(),
      children: z.array(NodeSchema).min(1).optional(),
    })
    .strict(),
);

export const FrameworkSchema = z
  .object({
    $schema: z.string().optional(),
    id: code,
    name: z.string().min(1),
    nameEn: z.string().optional(),
    version: z.string().default('1'),
    description: z.string().optional(),
    demo: z.boolean().optional(),
    /** `relative`: weights are rescaled within each sibling group (COINr). `sum-to-one`: they must add up to 1. */
    weights: z.enum(['relative', 'sum-to-one', 'sum-to-100']).default('relative'),
    sources: z
      .array(
        z.object({
          title: z.string(),
          issuer: z.string().optional(),
          year: z.union([z.number(), z.string()]).optional(),
          document: z.string().optional(),
          note: z.string().optional(),
        }),
      )
      .default([]),
    denominators: z
      .array(z.object({ code, name: z.string().optional(), unit: z.string().optional() }))
      .default([]),
    groups: z.array(z.object({ code: z.string().min(1), name: z.string().optional() })).default([]),
    index: NodeSchema,
    /** A default pipeline for this framework (same format as --pipeline). */
    pipeline: z.unknown().optional(),
  })
  .strict();

export type FrameworkSpec = z.output<typeof FrameworkSchema>;

export interface NodeMeta {
  code: string;
  name: string;
  nameEn?: string;
  /** 1 for indicators; an aggregate is one above its highest child (COINr's Level). */
  level: number;
  /** Depth from the root (root = 0). */
  depth: number;
  parent: string | null;
  weight: number;
  isIndicator: boolean;
  children: string[];
  direction: 1 | -1;
  unit?: string;
  denominator?: string;
  denominatorScale: number;
  goalposts?: { lower: number; upper: number; scale: number };
  standard?: number;
  target?: number;
  aggregation?: AggregateMethod;
  minCoverage?: number;
  definition?: string;
  formula?: string;
  source?: string;
}

export interface Framework {
  spec: FrameworkSpec;
  id: string;
  name: string;
  root: string;
  nodes: ReadonlyMap<string, NodeMeta>;
  /** Indicator codes in tree order. */
  indicators: string[];
  /** Aggregate codes children-first (post-order), the order they must be computed in. */
  aggregates: string[];
  /** Aggregate codes as COINr lists them in results: highest level first, then tree order. */
  aggregatesTopDown: string[];
  levels: number;
}

const WEIGHT_TOLERANCE = 1e-6;

/** Validates and compiles a framework JSON object. */
export function loadFramework(json: unknown): Framework {
  const spec = parseWith(FrameworkSchema, json, 'INVALID_FRAMEWORK', { zh: '指标体系文件', en: 'framework' });
  return compileFramework(spec);
}

export function compileFramework(spec: FrameworkSpec): Framework {
  const nodes = new Map<string, NodeMeta>();
  const indicators: string[] = [];
  const aggregates: string[] = [];
  const dup = (c: string) =>
    new MetricsError(
      'INVALID_FRAMEWORK',
      `指标体系中代码 ${c} 重复`,
      `code ${c} appears twice in the framework`,
      {
        indicator: c,
      },
    );

  const visit = (n: FrameworkNodeInput, parent: string | null, depth: number): number => {
    if (nodes.has(n.code)) throw dup(n.code);
    const isIndicator = !n.children || n.children.length === 0;
    const meta: NodeMeta = {
      code: n.code,
      name: n.name ?? n.code,
      nameEn: n.nameEn,
      level: 1,
      depth,
      parent,
      weight: n.weight ?? 1,
      isIndicator,
      children: (n.children ?? []).map((c) => c.code),
      direction: n.direction ?? 1,
      unit: n.unit,
      denominator: n.denominator,
      denominatorScale: n.denominatorScale ?? 1,
      goalposts: n.goalposts ? { ...n.goalposts, scale: n.goalposts.scale ?? 1 } : undefined,
      standard: n.standard,
      target: n.target,
      aggregation: n.aggregation as AggregateMethod | undefined,
      minCoverage: n.minCoverage,
      definition: n.definition,
      formula: n.formula,
      source: n.source,
    };
    nodes.set(n.code, meta);
    if (isIndicator) {
      indicators.push(n.code);
      return 1;
    }
    let lvl = 1;
    for (const c of n.children!) lvl = Math.max(lvl, visit(c, n.code, depth + 1) + 1);
    meta.level = lvl;
    aggregates.push(n.code);
    return lvl;
  };
  if (!spec.index.children?.length)
    throw new MetricsError(
      'INVALID_FRAMEWORK',
      '指标体系的根节点（总指数）必须至少包含一个下级指标',
      'the root of the framework must have children',
    );
  const levels = visit(spec.index, null, 0);

  // Weights: non-negative (schema), not all zero in a sibling group, and adding up where declared.
  const target = spec.weights === 'sum-to-one' ? 1 : spec.weights === 'sum-to-100' ? 100 : null;
  for (const a of aggregates) {
    const kids = nodes.get(a)!.children.map((c) => nodes.get(c)!);
    const total = kids.reduce((s, k) => s + k.weight, 0);
    if (total <= 0)
      throw new MetricsError(
        'INVALID_WEIGHT',
        `${a} 的下级指标权重全为 0`,
        `all weights under ${a} are zero`,
        { indicator: a },
      );
    if (target !== null && Math.abs(total - target) > WEIGHT_TOLERANCE * target)
      throw new MetricsError(
        'WEIGHTS_DO_NOT_SUM',
        `${a} 的下级指标（${kids.map((k) => k.code).join('、')}）权重之和为 ${+total.toPrecision(12)}，应为 ${target}`,
        `weights under ${a} (${kids.map((k) => k.code).join(', ')}) add up to ${+total.toPrecision(12)}, not ${target}`,
        { indicator: a, sum: total, expected: target },
      );
  }

  const declared = new Set(spec.denominators.map((d) => d.code));
  if (declared.size)
    for (const c of indicators) {
      const d = nodes.get(c)!.denominator;
      if (d && !declared.has(d))
        throw new MetricsError(
          'INVALID_FRAMEWORK',
          `指标 ${c} 的分母 ${d} 未在 denominators 中声明`,
          `indicator ${c} uses denominator ${d}, which is not declared`,
          { indicator: c },
        );
    }

  const order = new Map<string, number>();
  let k = 0;
  const pre = (c: string) => {
    order.set(c, k++);
    for (const ch of nodes.get(c)!.children) pre(ch);
  };
  pre(spec.index.code);
  // COINr lists aggregates level by level from the top, each level in the order of the metadata.
  const aggregatesTopDown = aggregates
    .slice()
    .sort((a, b) => nodes.get(b)!.level - nodes.get(a)!.level || order.get(a)! - order.get(b)!);

  return {
    spec,
    id: spec.id,
    name: spec.name,
    root: spec.index.code,
    nodes,
    indicators,
    aggregates,
    aggregatesTopDown,
    levels,
  };
}

export type MetaRow = Record<string, string | number | null | undefined>;

/**
 * Builds a framework from a COINr-style `iMeta` table (Level, iCode, iName, Direction, Weight, Unit,
 * Target, Denominator, Parent, Type), so analysts can bring their COINr metadata as it is.
 * Rows of Type `Group` become peer-group columns and `Denominator` rows denominators.
 */
export function frameworkFromMeta(
  rows: MetaRow[],
  opts: { id?: string; name?: string; weights?: FrameworkSpec['weights'] } = {},
): Framework {
  const str = (v: unknown) => (v === null || v === undefined || v === '' ? undefined : String(v));
  const num = (v: unknown) => (v === null || v === undefined || v === '' ? undefined : Number(v));
  const tree = rows.filter((r) => r.Type === 'Indicator' || r.Type === 'Aggregate');
  const kids = new Map<string, MetaRow[]>();
  const roots: MetaRow[] = [];
  for (const r of tree) {
    const p = str(r.Parent);
    if (!p) roots.push(r);
    else {
      if (!kids.has(p)) kids.set(p, []);
      kids.get(p)!.push(r);
    }
  }
  const codes = new Set(tree.map((r) => String(r.iCode)));
  for (const p of kids.keys())
    if (!codes.has(p))
      throw new MetricsError(
        'INVALID_FRAMEWORK',
        `iMeta 中的上级代码 ${p} 不存在`,
        `parent ${p} in iMeta does not exist`,
        { indicator: p },
      );
  if (roots.length !== 1)
    throw new MetricsError(
      'INVALID_FRAMEWORK',
      `iMeta 应恰有一个没有上级的总指数，实际有 ${roots.length} 个（${roots.map((r) => r.iCode).join('、')}）`,
      `iMeta must have exactly one row without Parent (found ${roots.length})`,
    );
  const build = (r: MetaRow): FrameworkNodeInput => {
    const c = String(r.iCode);
    const node: FrameworkNodeInput = { code: c, name: str(r.iName), weight: num(r.Weight) ?? 1 };
    if (r.Type === 'Indicator') {
      const d = num(r.Direction);
      if (d !== undefined) node.direction = d < 0 ? -1 : 1;
      if (str(r.Unit)) node.unit = str(r.Unit);
      if (num(r.Target) !== undefined) node.target = num(r.Target);
      if (str(r.Denominator)) node.denominator = str(r.Denominator);
      if (kids.has(c))
        throw new MetricsError(
          'INVALID_FRAMEWORK',
          `指标 ${c} 不能有下级`,
          `indicator ${c} cannot have children`,
          { indicator: c },
        );
    } else {
      const ch = kids.get(c);
      if (!ch?.length)
        throw new MetricsError(
          'INVALID_FRAMEWORK',
          `聚合项 ${c} 没有下级指标`,
          `aggregate ${c} has no children`,
          { indicator: c },
        );
      node.children = ch.map(build);
    }
    return node;
  };
  const spec = {
    id: opts.id ?? 'imeta',
    name: opts.name ?? String(roots[0].iName ?? roots[0].iCode),
    weights: opts.weights ?? 'relative',
    groups: rows
      .filter((r) => r.Type === 'Group')
      .map((r) => ({ code: String(r.iCode), name: str(r.iName) })),
    denominators: rows
      .filter((r) => r.Type === 'Denominator')
      .map((r) => ({ code: String(r.iCode), name: str(r.iName), unit: str(r.Unit) })),
    index: build(roots[0]),
  };
  return loadFramework(spec);
}

/** Children of an aggregate with their framework weights. */
export function childWeights(fw: Framework, agg: string): { codes: string[]; weights: number[] } {
  const n = fw.nodes.get(agg)!;
  return { codes: n.children, weights: n.children.map((c) => fw.nodes.get(c)!.weight) };
}
