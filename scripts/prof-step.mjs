import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { startStaticServer } from './serve-static.mjs';
const s = await startStaticServer({ root: 'build', port: 0 });
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await b.newContext({ viewport: { width: 1280, height: 800 } });
const p = await ctx.newPage();
await p.goto(s.url + 'flows/user-pool-sign-in/');
await p.locator('.flow-player[data-ready="true"]').waitFor({ state: 'attached' });
const cdp = await ctx.newCDPSession(p);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
const next = p.getByRole('button', { name: 'Next step' });
await next.click(); await p.waitForTimeout(500);
await cdp.send('Profiler.start');
for (let i = 0; i < 5; i++) { await next.click(); await p.waitForTimeout(300); await p.getByRole('button', { name: 'Previous step' }).click(); await p.waitForTimeout(300); }
const { profile } = await cdp.send('Profiler.stop');
// self time by function
const self = new Map(); const byId = new Map(profile.nodes.map(n => [n.id, n]));
const dt = profile.timeDeltas; 
profile.samples.forEach((id, i) => { const n = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0)); });
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log('total ms', total / 1000);
[...self.entries()].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)')).sort((a, b) => b[1] - a[1]).slice(0, 30).forEach(([k, v]) => console.log((v / 1000).toFixed(1).padStart(7), k));
await b.close(); await s.close();
