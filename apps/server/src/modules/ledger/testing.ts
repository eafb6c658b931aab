// Helpers for the ledger's API tests: a county with its bureau and department users, a
// policy in the library, multipart bodies. Test-only; nothing in the server imports this.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { SEED_001 } from '../../../../../test/shared';
import { type ApiClient, createSignedInUser, signInAdmin } from '../../../test/harness';

export const HOME = '150721'; // 阿荣旗
export const OTHER = '150722'; // 莫力达瓦达斡尔族自治旗
export const CITY = '150700'; // 呼伦贝尔市

export const seedText = () => readFileSync(SEED_001, 'utf8');

export interface Part {
  fileName?: string;
  content: Buffer | string;
  type?: string;
  field?: string;
}

/** multipart/form-data for app.inject: files (with fileName) and plain fields. */
export function multipart(parts: Part[]) {
  const boundary = `----ledger${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = p.fileName
      ? `form-data; name="${p.field ?? 'file'}"; filename="${p.fileName}"\r\nContent-Type: ${p.type ?? 'application/octet-stream'}`
      : `form-data; name="${p.field}"`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(p.content) ? p.content : Buffer.from(p.content, 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    body: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export async function upload(client: ApiClient, url: string, parts: Part[]) {
  const { body, headers } = multipart(parts);
  return client.request('POST', url, body, headers);
}

export interface County {
  admin: ApiClient;
  bureau: ApiClient;
  deps: Map<string, string>;
  dept: (name: string, username?: string) => Promise<ApiClient>;
  otherBureau: ApiClient;
  cityBureau: ApiClient;
}

/** 阿荣旗 with a bureau user; department users on demand; a bureau of another county and of the city. */
export async function setupCounty(app: FastifyInstance): Promise<County> {
  const admin = await signInAdmin(app);
  const list = (await admin.get(`/api/departments?orgUnitCode=${HOME}`)).json() as {
    id: string;
    name: string;
  }[];
  await admin.get(`/api/departments?orgUnitCode=${OTHER}`);
  const deps = new Map(list.map((d) => [d.name, d.id]));
  const mk = async (username: string, role: string, orgUnitCode: string, departmentId?: string) =>
    (await createSignedInUser(app, admin, { username, role, orgUnitCode, departmentId })).client;
  let n = 0;
  return {
    admin,
    bureau: await mk('arq-bureau', 'bureau', HOME),
    deps,
    dept: (name, username) => {
      const id = deps.get(name);
      if (!id) throw new Error(`no department ${name}`);
      return mk(username ?? `arq-dept-${++n}`, 'department', HOME, id);
    },
    otherBureau: await mk('mld-bureau', 'bureau', OTHER),
    cityBureau: await mk('hlbe-bureau', 'bureau', CITY),
  };
}

/** Uploads a policy document to the library (as `client`) and returns its id. */
export async function uploadPolicy(client: ApiClient, fileName: string, text: string, orgUnitCode = HOME) {
  const res = await upload(client, `/api/policies?orgUnitCode=${orgUnitCode}`, [
    { field: 'files', fileName, content: text, type: 'text/plain' },
  ]);
  if (res.statusCode !== 201) throw new Error(`policy upload failed: ${res.statusCode} ${res.body}`);
  const r = res.json().results[0];
  return (r.id ?? r.policy?.id ?? r.policyId) as string;
}

/** A small policy whose lead unit (旗大数据中心) no department of 阿荣旗 is called. */
export const SMALL_POLICY = `阿荣旗人民政府办公室关于印发《阿荣旗数字乡村建设实施方案》的通知
阿政办发〔2026〕5号
各乡镇人民政府，旗直各部门：
现将《阿荣旗数字乡村建设实施方案（2026—2027年）》印发给你们，请认真贯彻执行。
阿荣旗人民政府办公室
2026年1月10日
阿荣旗数字乡村建设实施方案（2026—2027年）
一、重点任务
（一）建设数字乡村服务平台。整合涉农数据资源，到2026年建成数字乡村服务平台1个。（牵头单位：旗大数据中心；配合单位：财政局、各乡镇人民政府）
（二）培育农村电商主体。每年新培育农村电商企业5家以上。（牵头单位：商务局；配合单位：农牧局）
二、实施步骤
（一）启动部署阶段（2026年1月—2026年3月）
（二）全面推进阶段（2026年4月—2027年9月）
（三）总结验收阶段（2027年10月—2027年12月）
`;
