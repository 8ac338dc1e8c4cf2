// Conformance round trip: the official Bot Framework JS SDK (botbuilder / botframework-connector 4.23) plays Microsoft Teams.
// Its BotFrameworkClient posts activities to the running CoachLoop bot, and its ChannelServiceRoutes receive and parse what the
// bot sends back: install in a team (welcomed once), link the channel, a scored call through the API, the flag card posted
// without buttons for the channel and with the manager in its per-user refresh, the manager's own view fetched by the refresh
// invoke, approve through an adaptiveCard/action invoke, the card updated in place.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { ConfigurationBotFrameworkAuthentication } = require('botbuilder');
const { startFakeTeams } = require('./fake-teams');
const { startBot } = require('./bot-process');

const repo = path.resolve(__dirname, '..', '..');
const fixtureDir = [path.join(repo, '..', 'shared', 'fixtures', 'teams'), path.join(repo, 'shared', 'fixtures', 'teams')].find((d) => fs.existsSync(d));
const fixture = (name) => JSON.parse(fs.readFileSync(path.join(fixtureDir, name), 'utf8'));

const BOT = '28:608cacfd-1cea-40c9-b678-4b93e69bb72b';
const CHANNEL = '19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2';
const TEAM = '19:zFLSDFWsesfzcmKArqKJ-65aOXJz@sgf462H2wz41@thread.tacv2';
const TENANT = 'b28fdbfd-2b78-4f93-b0f8-8881793f0f8f';
const roster = {
  '29:morgan': { id: '29:morgan', objectId: 'aad-morgan', email: 'morgan@example.com', userPrincipalName: 'morgan@example.com', tenantId: TENANT },
};

function findExecute(node, verb) {
  if (Array.isArray(node)) return node.map((n) => findExecute(n, verb)).find(Boolean);
  if (node && typeof node === 'object') {
    if (node.type === 'Action.Execute' && node.verb === verb) return node;
    return Object.values(node).map((n) => findExecute(n, verb)).find(Boolean);
  }
  return undefined;
}

describe('CoachLoop Teams channel against the Bot Framework JS SDK', () => {
  let fake; let bot; let client; let cardPost;

  const post = (activity) => client.postActivity('fake-teams', BOT, `${bot.url}/api/messages`, fake.serviceUrl, activity.conversation.id, activity);
  const inChannel = (extra) => ({
    type: 'message', channelId: 'msteams', serviceUrl: fake.serviceUrl, recipient: { id: BOT, name: 'CoachLoop' },
    from: { id: '29:morgan', name: 'Morgan Lee', aadObjectId: 'aad-morgan' },
    conversation: { id: CHANNEL, conversationType: 'channel', tenantId: TENANT, isGroup: true },
    channelData: { tenant: { id: TENANT }, team: { id: TEAM }, channel: { id: CHANNEL } }, ...extra,
  });

  before(async () => {
    fake = await startFakeTeams(roster);
    bot = await startBot();
    client = new ConfigurationBotFrameworkAuthentication({}).createBotFrameworkClient();
  });

  after(async () => {
    if (bot) await bot.stop();
    if (fake) await fake.close();
  });

  it('accepts the install into a team (installationUpdate and conversationUpdate samples)', async () => {
    for (const name of ['installationUpdate-add-team.json', 'conversationUpdate-bot-added-to-team.json']) {
      const response = await post({ ...fixture(name), serviceUrl: fake.serviceUrl });
      assert.equal(response.status, 200, name);
    }
    const welcome = await fake.waitFor((c) => c.op === 'send' && c.conversationId === CHANNEL && !c.activity.attachments);
    assert.match(welcome.activity.text, /link/);
    assert.equal(fake.calls.filter((c) => c.op === 'send' && c.conversationId === CHANNEL).length, 1, 'one install, one welcome');
  });

  it('links the team channel with a typed command and replies in the thread', async () => {
    const response = await post(inChannel({
      id: 'msg-link', text: '<at>CoachLoop</at> link support-east',
      entities: [{ type: 'mention', text: '<at>CoachLoop</at>', mentioned: { id: BOT, name: 'CoachLoop' } }],
    }));
    assert.equal(response.status, 200);
    const reply = await fake.waitFor((c) => c.op === 'reply' && c.activityId === 'msg-link');
    assert.equal(reply.conversationId, CHANNEL);
    assert.match(reply.activity.text, /Linked/);
    assert.ok(fake.calls.some((c) => c.op === 'member' && c.userId === '29:morgan'), 'the unknown user was looked up in the roster');
  });

  it('posts the flag card of a scored call into the linked channel', async () => {
    const call = {
      source: 'acme-qa', callId: 'teams-1', agent: 'ana@example.com', callTime: '2026-11-20T12:04:00Z', durationSeconds: 540,
      queue: 'billing', rubric: { key: 'support', version: 1 }, overallScore: 80,
      scores: [
        { criterion: 'disclosure', score: 100 },
        { criterion: 'empathy', score: 45, evidence: { quote: 'That is just our policy.', offset: '00:12:04' } },
        { criterion: 'discovery', score: 90 }, { criterion: 'resolution', score: 92 }, { criterion: 'ownership', score: 88 },
      ],
    };
    const response = await fetch(`${bot.url}/api/v1/scored-calls`, {
      method: 'POST', headers: { authorization: `Bearer ${bot.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify(call),
    });
    assert.equal(response.status, 201, await response.text());
    cardPost = await fake.waitFor((c) => c.op === 'send' && c.conversationId === CHANNEL && c.activity.attachments);
    const attachment = cardPost.activity.attachments[0];
    assert.equal(cardPost.activity.type, 'message');
    assert.match(cardPost.activity.summary, /Empathy/, 'the notification preview says what the card is about');
    assert.equal(cardPost.activity.tenant, undefined, 'no top-level tenant: not in the Activity schema');
    assert.equal(findExecute(attachment.content.actions, 'approvePractice'), undefined, 'the shared card shows nobody buttons');
    assert.deepEqual(attachment.content.refresh.userIds, ['29:morgan'], 'the manager gets their own view automatically');
    assert.equal(attachment.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.equal(attachment.content.type, 'AdaptiveCard');
    assert.equal(attachment.content.version, '1.5');
  });

  it('approves through an adaptiveCard/action invoke and answers with the refreshed card', async () => {
    const refresh = cardPost.activity.attachments[0].content.refresh.action;
    const view = await post(inChannel({
      type: 'invoke', name: 'adaptiveCard/action', id: 'invoke-refresh', replyToId: cardPost.id,
      value: { action: { type: 'Action.Execute', id: '', verb: refresh.verb, data: refresh.data }, trigger: 'automatic' },
    }));
    assert.equal(view.status, 200);
    const approve = findExecute(view.body.value, 'approvePractice');
    assert.ok(approve, "the manager's view offers approvePractice");
    const response = await post(inChannel({
      type: 'invoke', name: 'adaptiveCard/action', id: 'invoke-approve', replyToId: cardPost.id,
      value: { action: { type: 'Action.Execute', id: '', verb: 'approvePractice', data: approve.data }, trigger: 'manual' },
    }));
    assert.equal(response.status, 200);
    assert.equal(response.body.statusCode, 200);
    assert.equal(response.body.type, 'application/vnd.microsoft.card.adaptive');
    assert.equal(response.body.value.type, 'AdaptiveCard');
    assert.match(JSON.stringify(response.body.value), /approved/i);
    assert.equal(findExecute(response.body.value, 'approvePractice'), undefined, 'approve is no longer offered');
  });

  it('updates the posted card in place for everyone', async () => {
    const update = await fake.waitFor((c) => c.op === 'update' && c.activityId === cardPost.id);
    assert.equal(update.conversationId, CHANNEL);
    assert.equal(update.activity.type, 'message');
    assert.match(JSON.stringify(update.activity.attachments[0].content), /approved/i);
  });

  it('posts the script-check and keyword flag cards of a call with a transcript (issue 14)', async () => {
    const api = (url, body) => fetch(`${bot.url}${url}`, {
      method: body ? 'POST' : 'GET', headers: { authorization: `Bearer ${bot.apiKey}`, 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    const current = await (await api('/api/v1/rubrics/support')).json();
    const criteria = current.criteria.map((c) => {
      if (c.id === 'disclosure') return { ...c, scriptCheck: { phrases: ['this call may be recorded for quality and training purposes'], withinSeconds: 30 } };
      if (c.id === 'empathy') return { ...c, keywordTriggers: [{ label: 'legal threat', phrases: ['speak to a lawyer'], speaker: 'customer' }] };
      return c;
    });
    const created = await api('/api/v1/rubrics', { key: 'support', name: current.name, callType: current.callType, overallThreshold: current.overallThreshold, criteria });
    const createdText = await created.text();
    assert.equal(created.status, 201, createdText);
    const { version } = JSON.parse(createdText);
    const call = {
      source: 'acme-qa', callId: 'teams-script-1', agent: 'ana@example.com', callTime: '2026-11-20T13:00:00Z', durationSeconds: 600,
      rubric: { key: 'support', version }, overallScore: 92,
      scores: current.criteria.map((c) => ({ criterion: c.id, score: 95 })),
      transcript: { segments: [
        { speaker: 'agent', start: '00:00:02', text: 'Thanks for calling Acme, how can I help?' },
        { speaker: 'customer', start: '00:00:06', text: 'If this is not fixed I want to speak to a lawyer.' },
        { speaker: 'agent', start: '00:00:45', text: 'This call may be recorded for quality and training purposes.' },
      ] },
    };
    const response = await api('/api/v1/scored-calls', call);
    assert.equal(response.status, 201, await response.text());
    for (const text of ['Script check: failed', 'Keyword alert: legal threat']) {
      const sent = await fake.waitFor((c) => c.op === 'send' && c.conversationId === CHANNEL && JSON.stringify(c.activity.attachments ?? []).includes(text));
      const card = sent.activity.attachments[0];
      assert.equal(card.contentType, 'application/vnd.microsoft.card.adaptive');
      assert.equal(card.content.type, 'AdaptiveCard');
      assert.equal(card.content.version, '1.5');
    }
  });

  it('answers an unknown invoke with 501, a non-Execute action with 400 and a personal message with a reply', async () => {
    const unknown = await post(inChannel({ type: 'invoke', name: 'composeExtension/query', id: 'invoke-unknown', value: {} }));
    assert.equal(unknown.status, 501);
    // As the SDK's ActivityHandler answers: the invoke response's status is the HTTP status.
    const submit = await post(inChannel({
      type: 'invoke', name: 'adaptiveCard/action', id: 'invoke-submit',
      value: { action: { type: 'Action.Submit', id: '', verb: 'approvePractice', data: {} }, trigger: 'manual' },
    }));
    assert.equal(submit.status, 400);
    assert.equal(submit.body.statusCode, 400);
    assert.equal(submit.body.value.code, 'NotSupported');
    const personal = { ...fixture('message-personal.json'), serviceUrl: fake.serviceUrl, text: 'help' };
    assert.equal((await post(personal)).status, 200);
    const reply = await fake.waitFor((c) => c.op === 'reply' && c.activityId === personal.id);
    assert.match(reply.activity.text, /my flags/);
  });
});
