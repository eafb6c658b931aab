import { defineConfig } from 'vitest/config';

// One runner for the whole repository: each workspace is a project with its own setup.
export default defineConfig({
  test: {
    projects: ['packages/policy', 'packages/metrics', 'apps/server', 'apps/web'],
  },
});
