// Starts the real CoachLoop bot (the built CoachLoop.Bot.dll) on a free loopback port over a temp SQLite file, in Teams
// development mode, and stops it afterwards.
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const repo = path.resolve(__dirname, '..', '..');
const project = path.join(repo, 'src', 'CoachLoop.Bot');
const dll = path.join(project, 'bin', 'Debug', 'net10.0', 'CoachLoop.Bot.dll');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function startBot() {
  if (!fs.existsSync(dll)) {
    execFileSync('dotnet', ['build', project, '-v', 'q', '--nologo'], { stdio: 'inherit' });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coachloop-teams-'));
  const port = await freePort();
  const env = {
    ...process.env,
    ASPNETCORE_URLS: `http://127.0.0.1:${port}`,
    ASPNETCORE_ENVIRONMENT: 'Production',
    Database__Provider: 'Sqlite',
    Database__SqlitePath: path.join(dir, 'coachloop.db'),
    Demo__Seed: 'true',
    Teams__DevelopmentMode: 'true',
    Outbox__PollInterval: '00:00:00.200',
  };
  delete env.Teams__AppId;
  delete env.Teams__AppPassword;
  const keyOutput = execFileSync('dotnet', [dll, 'create-api-key', 'teams-conformance'], { cwd: project, env }).toString().trim().split('\n');
  const apiKey = keyOutput[keyOutput.length - 1].trim();
  const child = spawn('dotnet', [dll], { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > until || child.exitCode !== null) throw new Error(`bot did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url, apiKey, log: () => log,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = { startBot };
