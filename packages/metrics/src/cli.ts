// `innocounty index`: computes a composite index from a framework and a data file, optionally with
// an uncertainty analysis, and writes the results as CSV or XLSX.
import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { isMetricsError, MetricsError } from './errors';
import { type Framework, frameworkFromMeta, loadFramework, type MetaRow } from './framework';
import { writeCsv } from './io/csv';
import { readTable } from './io/read';
import { flagsTable, indicatorTable, resultsTable, uncertaintyTable } from './io/results';
import { datasetFromTable } from './io/table';
import { writeXlsx } from './io/xlsx';
import { DEFAULT_PIPELINE, parsePipeline, pipelineFromLog, runPipeline } from './pipeline';
import { progressBar } from './progress';
import { type UncertaintyResult, uncertaintyAnalysis } from './uncertainty';

const USAGE = `用法 Usage:
  innocounty index --framework F.json --data D.csv|.xlsx [--pipeline P.json] [--ua N] --out R.csv|.xlsx

参数 Options:
  --framework F   指标体系 JSON（或 COINr 的 iMeta.csv）framework JSON, or a COINr iMeta CSV
  --data D        指标数据，宽表或长表，CSV 或 XLSX  indicator data, wide or long, CSV or XLSX
  --sheet S       XLSX 工作表名（默认第一个）worksheet name (default: the first)
  --pipeline P    计算流程 JSON（默认：指标体系自带的流程，否则 COINr 默认流程）pipeline JSON
  --ua N          不确定性分析重复次数 number of uncertainty-analysis replicates
  --seed S        随机种子（默认 1）random seed
  --workers W     除主线程外的辅助线程数，或 auto（默认）helper threads besides the main one
  --ignore-unknown  忽略不在指标体系中的数值列 ignore numeric columns not in the framework
  --out R         结果文件 .csv 或 .xlsx（另写 R.log.json 以便复现）results file; R.log.json is written too
  --quiet         不显示进度 no progress output
`;

async function readFramework(path: string): Promise<Framework> {
  if (extname(path).toLowerCase() === '.json') {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new MetricsError(
        'INVALID_FRAMEWORK',
        `无法读取指标体系文件 ${path}：${(e as Error).message}`,
        `cannot read framework ${path}`,
      );
    }
    return loadFramework(json);
  }
  const t = await readTable(path);
  const rows = t.rows.map(
    (r) => Object.fromEntries(t.header.map((h, j) => [h, r[j] === '' ? null : r[j]])) as MetaRow,
  );
  return frameworkFromMeta(rows);
}

function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new MetricsError(
      'INVALID_PIPELINE',
      `无法读取${what} ${path}：${(e as Error).message}`,
      `cannot read ${path}`,
    );
  }
}

export async function main(args: string[]): Promise<number> {
  let opts: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      args,
      options: {
        framework: { type: 'string' },
        data: { type: 'string' },
        sheet: { type: 'string' },
        pipeline: { type: 'string' },
        ua: { type: 'string' },
        seed: { type: 'string' },
        workers: { type: 'string' },
        out: { type: 'string' },
        'ignore-unknown': { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  }
  try {
    opts = parse();
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!opts.framework || !opts.data || !opts.out) {
    process.stderr.write(`缺少必需参数 --framework、--data 或 --out\n\n${USAGE}`);
    return 2;
  }
  const outExt = extname(opts.out).toLowerCase();
  if (outExt !== '.csv' && outExt !== '.xlsx') {
    process.stderr.write(`结果文件须为 .csv 或 .xlsx：${opts.out}\n`);
    return 2;
  }
  const nUa = opts.ua !== undefined ? Number(opts.ua) : 0;
  if (!Number.isInteger(nUa) || nUa < 0 || nUa === 1) {
    process.stderr.write(`--ua 须为 0 或不小于 2 的整数：${opts.ua}\n`);
    return 2;
  }
  try {
    const fw = await readFramework(opts.framework);
    const table = await readTable(opts.data, { sheet: opts.sheet });
    const ds = datasetFromTable(table, fw, { ignoreUnknown: opts['ignore-unknown'] });
    const pipelineJson = opts.pipeline
      ? readJson(opts.pipeline, '计算流程文件')
      : (fw.spec.pipeline ?? DEFAULT_PIPELINE);
    const pipeline = parsePipeline(pipelineJson);
    const result = runPipeline(fw, ds, pipeline);

    let ua: UncertaintyResult | undefined;
    if (nUa > 0) {
      const bar = opts.quiet ? null : progressBar(`不确定性分析 UA (${nUa})`);
      const spec = {
        weights: { noise: 0.25 },
        ...(pipeline.uncertainty ?? {}),
        N: nUa,
        ...(opts.seed !== undefined ? { seed: Number(opts.seed) } : {}),
        ...(opts.workers !== undefined
          ? { workers: opts.workers === 'auto' ? 'auto' : Number(opts.workers) }
          : {}),
      };
      try {
        ua = await uncertaintyAnalysis(fw, ds, pipeline, spec, { onProgress: (d, t) => bar?.update(d, t) });
      } finally {
        bar?.stop();
      }
      if (ua.failed.length)
        process.stderr.write(
          `注意：${ua.failed.length} 次重复计算失败（已记为缺失）。${ua.failed[0].message}\n`,
        );
    }

    const main = resultsTable(result, ua);
    if (outExt === '.xlsx') {
      const sheets = [
        { name: '结果 results', table: main },
        ...(result.stages.normalise
          ? [{ name: '标准化 normalised', table: indicatorTable(result, result.stages.normalise) }]
          : []),
        ...(result.stages.treat
          ? [{ name: '处理后 treated', table: indicatorTable(result, result.stages.treat) }]
          : []),
        { name: '原始 raw', table: indicatorTable(result, result.raw) },
        { name: '标记 flags', table: flagsTable(result) },
        ...(ua ? [{ name: '不确定性 uncertainty', table: uncertaintyTable(ua) }] : []),
      ];
      await writeXlsx(opts.out, sheets);
    } else writeCsv(opts.out, main);
    const logPath = `${opts.out}.log.json`;
    writeFileSync(
      logPath,
      `${JSON.stringify(
        {
          framework: { id: fw.id, name: fw.name, version: fw.spec.version, file: opts.framework },
          data: { file: opts.data, rows: ds.units.length },
          // Every step with every default filled in: `--pipeline` with this object gives the same result.
          pipeline: pipelineFromLog(result.log, {
            name: pipeline.name,
            ranks: pipeline.ranks,
            performance: pipeline.performance,
            tiers: pipeline.tiers,
            baseYear: pipeline.baseYear,
            uncertainty: pipeline.uncertainty,
          }),
          log: result.log,
          ...(ua ? { uncertainty: { N: nUa, failed: ua.failed, workers: ua.workers } } : {}),
        },
        null,
        2,
      )}\n`,
    );
    if (!opts.quiet) {
      const notes = result.log.flatMap((l) => l.notes);
      for (const n of notes.slice(0, 20)) process.stderr.write(`提示 ${n.code}: ${n.message}\n`);
      if (notes.length > 20) process.stderr.write(`……另有 ${notes.length - 20} 条提示，见 ${logPath}\n`);
      process.stdout.write(
        `已计算 ${ds.units.length} 行、${fw.indicators.length} 个指标、${fw.aggregates.length} 个综合项 → ${opts.out}（复现参数：${logPath}）\n`,
      );
    }
    return 0;
  } catch (e) {
    if (isMetricsError(e)) {
      process.stderr.write(`错误 ${e.code}: ${e.message}\n${e.messageEn}\n`);
      return 1;
    }
    // A file that cannot be read or written (no such folder, no permission, a folder given as
    // the output): one line naming it, not a stack trace.
    const sys = e as NodeJS.ErrnoException;
    if (typeof sys?.code === 'string' && sys.syscall) {
      process.stderr.write(
        `错误 FILE_ERROR: 无法读写文件 ${sys.path ?? ''}（${sys.code}）\nFILE_ERROR: cannot ${sys.syscall} ${sys.path ?? ''} (${sys.code})\n`,
      );
      return 1;
    }
    throw e;
  }
}
