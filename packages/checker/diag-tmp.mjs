import { analyzeProject } from '@klog-ts/checker';
const r = await analyzeProject({ tsconfig: process.argv[2] });
const by = new Map();
for (const d of r.diagnostics) { const k = d.code; by.set(k, (by.get(k) ?? 0) + 1); }
console.log([...by].sort((a,b)=>b[1]-a[1]));
for (const code of process.argv.slice(3)) for (const d of r.diagnostics.filter(d=>d.code===code).slice(0,4)) console.log(d.file, d.line, d.message.slice(0,200));
