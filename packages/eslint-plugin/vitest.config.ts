import { defineProject, mergeConfig } from 'vitest/config';
import base from '../../vitest.config.base.ts';

export default mergeConfig(
  base,
  defineProject({ test: { name: 'eslint-plugin', include: ['test/**/*.test.ts'], setupFiles: ['./test/setup.ts'] } }),
);
