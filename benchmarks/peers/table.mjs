// Prints the peers benchmark table (Markdown) from the rows scripts/bench-peers.sh collected.
//   node table.mjs LOAD_START LOAD_END SQL_FILE "system|workload|concurrency|SUMMARY ..." ...
// A peer's SUMMARY comes from ../shared/bench/peers/load/run-load.sh, CoachLoop's from run-clicks.sh. "Completed" is the card update
// at the fake (chat.update or the connector PUT): for a peer any fake call (exactly one per click), for CoachLoop the update method.
import fs from 'node:fs';

const [loadStart, loadEnd, sqlFile, ...raw] = process.argv.slice(2);
const rows = raw.map((r) => {
  const [system, workload, conc, summary] = r.split('|');
  const f = Object.fromEntries(summary.split(' ').filter((x) => x.includes('=')).map((x) => x.split('=')));
  const peer = system !== 'coachloop';
  const num = (k) => (f[k] === undefined || f[k] === '-' ? NaN : Number(f[k]));
  const requests = num('requests');
  const completed = peer ? num('fake_calls') : num('fake_updates');
  return {
    system, workload, conc, peer, requests,
    acks: num('rps'),
    doneRate: peer ? num('fake_calls_rps') : num('fake_updates_rps'),
    after: peer ? num('fake_calls_after_stop') : num('fake_updates_after_stop'),
    notDone: workload.endsWith('repeat') ? NaN : Math.max(0, requests - completed),
    p50: num('p50_ms'), p99: num('p99_ms'), non2xx: num('non2xx'),
    cpu: num('peer_cpu_pct'), rss: num('rss_peak_mb'), exhausted: f.exhausted === '1',
  };
});

const fmt = (v, d = 0) => (Number.isFinite(v) ? v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }) : '-');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}x` : '-');
const kind = (w) => w.split(' ')[0];

console.log(`load average (1, 5, 15 min) at start: ${loadStart}; at end: ${loadEnd}; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
console.log('');
console.log('| system | workload | conc. | acks/s | completed updates/s during load | completed after stop | acked, never completed | ack p50 ms | ack p99 ms | non-2xx | CPU % of 1 core | RSS MB (peak) | acks vs peer | completed vs peer |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const peer = rows.find((p) => p.peer && kind(p.workload) === kind(r.workload) && p.conc === r.conc);
  const repeat = r.workload.endsWith('repeat');
  console.log(`| ${r.system} | ${r.workload}${r.exhausted ? ' (flags ran out)' : ''} | ${r.conc} | ${fmt(r.acks)} | ${repeat ? '-' : fmt(r.doneRate, 1)} | ${repeat ? '-' : fmt(r.after)} | ${fmt(r.notDone)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.non2xx)} | ${fmt(r.cpu)} | ${fmt(r.rss)} | ${r.peer ? '' : ratio(r.acks, peer?.acks)} | ${r.peer || repeat ? '' : ratio(r.doneRate, peer?.doneRate)} |`);
}
console.log('');
console.log('acks/s: 2xx answers per second (Teams: invoke answers, which carry the updated card). Completed: the card update at the fake');
console.log('(Slack chat.update, Teams updateActivity PUT) while the load ran; after stop: within the settle wait; acked, never completed:');
console.log('answered clicks minus updates when the fake went quiet (or the settle wait ended). fresh: a distinct signed click per flag awaiting approval;');
console.log('repeat: one click replayed (the first approves, the rest are repeats). CPU and RSS of the bot process (each CoachLoop row');
console.log('is a new process on a fresh copy of the seeded database).');
if (sqlFile && fs.existsSync(sqlFile)) {
  console.log('');
  for (const line of fs.readFileSync(sqlFile, 'utf8').split('\n').filter((l) => l.startsWith('|') || l.startsWith('sql:'))) console.log(line.replace(/^sql: /, ''));
}
