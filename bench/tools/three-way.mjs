// node bench/tools/three-way.mjs [seconds]: the bare floor, a feature-less gateway of Switchboard's
// structure (minimal-gateway.mjs) and Switchboard, side by side: CPU per request and req/s at 50
// concurrent, and added p50 of sequential 1 KB requests. Needs `npm run build` (it uses the bench's
// upstream and bare-proxy roles and the built CLI). Three rounds, medians; see bench/README.md.
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const seconds = Number(process.argv[2] ?? 3);
const bench = join(root, 'dist', 'bench', 'bench.js');
const child = (file, args) =>
  new Promise((resolve) => {
    const c = fork(file, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    c.on('message', (m) => resolve({ c, port: m.port }));
  });

const up = await child(bench, ['--role', 'upstream', '--events', '20', '--gap-ms', '2']);
const bare = await child(bench, ['--role', 'bare', '--upstream-port', String(up.port)]);
const minimal = await child(join(root, 'bench', 'tools', 'minimal-gateway.mjs'), [String(up.port)]);
const dir = mkdtempSync(join(tmpdir(), 'switchboard-three-way-'));
writeFileSync(join(dir, 'config.yaml'), `model_list:\n  - model_name: gpt-bench\n    litellm_params:\n      model: openai/gpt-bench\n      api_base: http://127.0.0.1:${up.port}/v1\n      api_key: sk-bench-provider\nswitchboard:\n  log:\n    level: warn\n`);
const sb = spawn(process.execPath, [join(root, 'dist', 'node', 'cli.js'), 'serve', '--config', join(dir, 'config.yaml'), '--data-dir', dir, '--port', '0'], {
  env: { ...process.env, SWITCHBOARD_MASTER_KEY: 'sk-bench-three-way', SWITCHBOARD_ADMIN_TOKEN: 'sb-admin-bench-three-way-0000' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const sbUrl = await new Promise((resolve) => {
  let out = '';
  sb.stdout.on('data', (d) => {
    out += d;
    const m = /listening on (http:\/\/\S+)/.exec(out);
    if (m) resolve(m[1]);
  });
});

const body = Buffer.from(JSON.stringify({ model: 'gpt-bench', messages: [{ role: 'user', content: 'x'.repeat(1024) }], max_tokens: 5 }));
const headers = { 'content-type': 'application/json', 'user-agent': 'OpenAIClientImpl/Java bench', authorization: 'Bearer sk-bench-three-way' };
const cpuMs = (pid) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};
async function call(pool) {
  const r = await pool.request({ path: '/v1/chat/completions', method: 'POST', body, headers });
  await r.body.arrayBuffer();
  if (r.statusCode !== 200) throw new Error(`status ${r.statusCode}`);
}
async function saturate(origin, ms) {
  const pool = new Pool(origin, { connections: 50 });
  let done = 0;
  const end = Date.now() + ms;
  await Promise.all(Array.from({ length: 50 }, async () => {
    while (Date.now() < end) {
      await call(pool);
      done++;
    }
  }));
  await pool.close();
  return done;
}
async function sequentialP50(origin, n) {
  const pool = new Pool(origin, { connections: 1 });
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await call(pool);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  await pool.close();
  return median(times);
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const targets = [
  ['direct', `http://127.0.0.1:${up.port}`, up.c.pid],
  ['bare floor', `http://127.0.0.1:${bare.port}`, bare.c.pid],
  ['minimal gateway', `http://127.0.0.1:${minimal.port}`, minimal.c.pid],
  ['Switchboard', sbUrl, sb.pid],
];
const results = new Map(targets.map(([name]) => [name, { cpu: [], rps: [], p50: [] }]));
try {
  for (let round = 0; round < 3; round++) {
    for (const [name, origin, pid] of targets) {
      const r = results.get(name);
      r.p50.push(await sequentialP50(origin, 1500));
      if (name === 'direct') continue;
      await saturate(origin, 500);
      const c0 = cpuMs(pid);
      const t0 = Date.now();
      const n = await saturate(origin, seconds * 1000);
      r.cpu.push(((cpuMs(pid) - c0) * 1000) / n);
      r.rps.push(n / ((Date.now() - t0) / 1000));
    }
  }
  const direct = median(results.get('direct').p50);
  for (const [name] of targets.slice(1)) {
    const r = results.get(name);
    console.log(`${name.padEnd(16)} added p50 ${(median(r.p50) - direct).toFixed(3)} ms   ${median(r.rps).toFixed(0).padStart(6)} req/s @50   ${median(r.cpu).toFixed(0).padStart(4)} µs CPU/request @50`);
  }
} finally {
  sb.kill('SIGTERM');
  await new Promise((resolve) => sb.on('exit', resolve));
  for (const c of [up.c, bare.c, minimal.c]) c.kill();
  rmSync(dir, { recursive: true, force: true });
}
