// Builds CoachLoop's click requests for the peers workload, one per seeded flag (or one, replayed), in CoachLoop's own card format,
// and probes one. Node builtins only.
//
//   node clicks.mjs build slack|teams FLAGS_TSV FROM COUNT OUT_FILE   -> COUNT requests on the channel's flags FROM.., one file
//   node clicks.mjs probe URL REQ_FILE [forge]                        -> sends the first request (and a forged copy for slack)
//
// FLAGS_TSV lines (written by `CoachLoop.Benchmarks seed-clicks`): flag id, revision, channel, conversation, message ref.
// Slack: the shape of ../shared/bench/peers/load/requests.mjs's block_actions payload, but the button is CoachLoop's: action_id
// is the verb (approvePractice) and block_id carries the card ref "cl|flag|<id N>|<revision>" (src/CoachLoop.Bot/Cards/BlockKit/
// BlockKitCardRef.cs); container.message_ts is the card's ts; each request has its own trigger_id and action_ts and is signed
// with SLACK_SIGNING_SECRET and the build time. Teams: the peers' invoke activity with CoachLoop's Action.Execute data
// {kind, subjectId, v}, its own activity id, and the card's conversation and activity id as conversation.id/replyToId.
// OUT_FILE holds for each request: "R <body bytes>", header lines, an empty line, the body, a newline (read by walk.lua).
import crypto from 'node:crypto';
import fs from 'node:fs';

const SECRET = process.env.SLACK_SIGNING_SECRET;
if (!SECRET) {
  console.error('clicks.mjs: SLACK_SIGNING_SECRET is required (scripts/bench-peers.sh sets one per run)');
  process.exit(2);
}
const SERVICE_URL = process.env.CONNECTOR_URL ?? 'http://127.0.0.1:4200/';
const SLACK_FAKE = process.env.SLACK_FAKE_URL ?? 'http://127.0.0.1:4100';

function flags(file, channel, from, count) {
  const rows = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split('\t'))
    .filter((f) => f[2] === channel).slice(from, from + count);
  if (rows.length < count) throw new Error(`only ${rows.length} ${channel} flags from ${from} in ${file}, ${count} wanted: seed more`);
  return rows.map(([id, revision, , conversation, message]) => ({ id, revision, conversation, message }));
}

const hex = (n) => crypto.randomBytes(n).toString('hex');

function slackPayload(flag, i) {
  const now = Date.now() / 1000;
  const ref = `cl|flag|${flag.id.replaceAll('-', '')}|${flag.revision}`;
  const button = (verb, text, style, value = 'run') => ({ type: 'button', action_id: verb, text: { type: 'plain_text', text, emoji: true }, value, ...(style ? { style } : {}) });
  const blocks = [
    { type: 'header', block_id: 'h' + hex(3), text: { type: 'plain_text', text: 'Coaching: Empathy', emoji: true } },
    { type: 'section', block_id: 's' + hex(3), text: { type: 'mrkdwn', text: '*Agent 0001*: Empathy (25% weight) - scored 40, threshold 60', verbatim: true } },
    { type: 'section', block_id: 'q' + hex(3), text: { type: 'mrkdwn', text: '> That is just our policy, there is nothing I can do about the fee. (00:04:12)', verbatim: true } },
    { type: 'context', block_id: 'c' + hex(3), elements: [{ type: 'mrkdwn', text: 'Raised · awaiting approval', verbatim: true }] },
    { type: 'actions', block_id: ref, elements: [button('approvePractice', 'Approve practice', 'primary'), button('swapScenario', 'Swap practice', undefined, 'form'), button('dismiss', 'Dismiss', 'danger', 'form')] },
  ];
  return {
    type: 'block_actions',
    user: { id: 'U111MANAGER', username: 'megan.bowen', name: 'megan.bowen', team_id: 'T0G9PQBBK' },
    api_app_id: 'A111COACH',
    token: 'verification-token-unused',
    container: { type: 'message', message_ts: flag.message, channel_id: flag.conversation, is_ephemeral: false },
    trigger_id: `${4916855695380 + i}.1234567890.${hex(16)}`,
    team: { id: 'T0G9PQBBK', domain: 'peers-fake' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: flag.conversation, name: 'coaching-team-a' },
    message: { type: 'message', subtype: 'bot_message', text: 'Coaching: Empathy for Agent 0001', ts: flag.message, bot_id: 'B0COACHBOT', app_id: 'A111COACH', blocks, team: 'T0G9PQBBK' },
    state: { values: {} },
    response_url: `${SLACK_FAKE}/actions/T0G9PQBBK/1234567890/${hex(8)}`,
    actions: [{ action_id: 'approvePractice', block_id: ref, text: { type: 'plain_text', text: 'Approve practice', emoji: true }, value: 'run', style: 'primary', type: 'button', action_ts: now.toFixed(6) }],
  };
}

function slackRequest(flag, i, timestamp) {
  const body = new URLSearchParams({ payload: JSON.stringify(slackPayload(flag, i)) }).toString();
  const signature = 'v0=' + crypto.createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex');
  return {
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      'X-Slack-Request-Timestamp': timestamp, 'X-Slack-Signature': signature,
    },
    body,
  };
}

function teamsRequest(flag) {
  const now = new Date().toISOString();
  const channel = flag.conversation;
  const activity = {
    type: 'invoke', name: 'adaptiveCard/action', id: `f:${crypto.randomUUID()}`, timestamp: now, localTimestamp: now,
    serviceUrl: SERVICE_URL, channelId: 'msteams',
    from: { id: '29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw', name: 'Megan Bowen', aadObjectId: '7faf8ab2-3d56-4244-b585-20c8a42ed2b8' },
    conversation: { isGroup: true, conversationType: 'channel', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', id: `${channel};messageid=${flag.message}` },
    recipient: { id: '28:c9e8c047-2a74-40a2-b28a-b162d5f5327c', name: 'CoachLoop' },
    entities: [{ locale: 'en-US', country: 'US', platform: 'Web', timezone: 'America/Los_Angeles', type: 'clientInfo' }],
    channelData: {
      tenant: { id: '72f988bf-86f1-41af-91ab-2d7cd011db47' }, source: { name: 'message' }, legacy: { replyToId: flag.message },
      team: { id: '19:peersfaketeam0123456789abcdef@thread.tacv2' }, channel: { id: channel },
    },
    replyToId: flag.message,
    value: {
      action: { type: 'Action.Execute', id: 'approvePractice', verb: 'approvePractice', data: { kind: 'flag', subjectId: flag.id, v: flag.revision } },
      trigger: 'manual',
    },
    locale: 'en-US', localTimezone: 'America/Los_Angeles',
  };
  return { headers: { 'Content-Type': 'application/json; charset=utf-8', 'User-Agent': 'Microsoft-SkypeBotApi (Microsoft-BotFramework 3.0)' }, body: JSON.stringify(activity) };
}

function build([kind, file, from, count, out]) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const fd = fs.openSync(out, 'w');
  flags(file, kind, Number(from), Number(count)).forEach((flag, i) => {
    const { headers, body } = kind === 'slack' ? slackRequest(flag, i, timestamp) : teamsRequest(flag);
    const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\n');
    fs.writeSync(fd, `R ${Buffer.byteLength(body)}\n${head}\n\n${body}\n`);
  });
  fs.closeSync(fd);
}

function first(file) {
  const text = fs.readFileSync(file, 'utf8');
  const [head, rest] = text.split('\n\n', 2);
  const lines = head.split('\n');
  const length = Number(lines[0].slice(2));
  const headers = Object.fromEntries(lines.slice(1).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
  return { headers, body: Buffer.from(rest, 'utf8').subarray(0, length) };
}

async function probe([url, file]) {
  const { headers, body } = first(file);
  const t0 = performance.now();
  const r = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10000) });
  const text = await r.text();
  console.log(`probe: HTTP ${r.status} in ${(performance.now() - t0).toFixed(1)} ms, body ${text.length} bytes: ${text.slice(0, 160).replace(/\s+/g, ' ')}`);
  if (headers['X-Slack-Signature']) {
    const forged = await fetch(url, { method: 'POST', headers: { ...headers, 'X-Slack-Signature': 'v0=' + '0'.repeat(64) }, body, signal: AbortSignal.timeout(10000) });
    await forged.arrayBuffer();
    console.log(`probe: forged signature -> HTTP ${forged.status}${forged.status === 401 ? ' (verifier on)' : '  WARNING expected 401'}`);
  }
  process.exit(r.ok ? 0 : 3);
}

const [cmd, ...args] = process.argv.slice(2);
try {
  if (cmd === 'build') build(args);
  else if (cmd === 'probe') await probe(args);
  else { console.error('usage: node clicks.mjs build|probe ...'); process.exit(2); }
} catch (err) {
  console.error(`clicks.mjs: ${err.message}`);
  process.exit(1);
}
