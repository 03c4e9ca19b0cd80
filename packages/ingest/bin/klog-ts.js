#!/usr/bin/env node
// The published `klog-ts` command runs the compiled CLI (`pnpm build` writes dist/).
import '../dist/cli/main.js';
