import { api } from './client';
import type { DemoResult, Health } from './types';

export const adminApi = {
  loadDemo: () => api.post<DemoResult>('/admin/demo'),
  health: () => api.get<Health>('/health', { quiet: true }),
};
