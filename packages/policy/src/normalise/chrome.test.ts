// Page chrome is recognised line by line; headings and table rows that share its words are not chrome.
import { describe, expect, it } from 'vitest';
import { foldText } from '../chars.js';
import { isChromeLine } from './chrome.js';

const chrome = (line: string) => isChromeLine(foldText(line.replace(/\s+/g, '')));

describe('isChromeLine', () => {
  it.each([
    '今天是： 首页 | 无障碍 | 长者模式 | English',
    '简体 | 繁体 | 无障碍浏览 | 蒙古文',
    '首页走进松岭政务公开政务服务互动交流',
    '某市人民政府 政府信息公开 登录 注册',
    '网站首页 | 机构概况 | 政务公开 | 通知公告 | 办事指南',
    '· 关于开展2025年科技活动周的通知',
    '《某县科技特派员管理办法》政策解读 2024-11-02',
    '某市人民政府办公室关于加快农业科技创新的实施意见（某政办发〔2024〕12号） 2024-06-18',
    '相关解读：图解：《某县农业科技园区建设方案》',
    '《某县科技计划管理办法》政策问答',
  ])('chrome: %s', (line) => expect(chrome(line)).toBe(true));

  it.each([
    '（三）做好政策解读',
    '（四）推进政务公开和政务服务',
    '优化政务服务',
    '1 | 建设平台 | 县科技局 | 2024-12-31',
    '某县人民政府关于印发某县科技计划管理办法的通知',
    '2025年4月2日',
    '某县人民政府办公室',
  ])('text: %s', (line) => expect(chrome(line)).toBe(false));
});
