// The Teams side of the conversation, played by the official Bot Framework JS SDK: ChannelServiceRoutes parses every Connector
// call the bot makes (send, reply, update, create conversation, get member) and hands it to this handler, which records it.
'use strict';
const express = require('express');
const { ChannelServiceRoutes, ChannelServiceHandlerBase } = require('botbuilder');
const { ClaimsIdentity } = require('botframework-connector');

class FakeTeams extends ChannelServiceHandlerBase {
  constructor(roster) {
    super();
    this.roster = roster;
    this.calls = [];
    this.next = 0;
  }

  // The bot runs in development mode (no credentials), so its calls carry no token; the .NET tests cover the token path.
  async authenticate(_authHeader) { return new ClaimsIdentity([], 'anonymous'); }

  async onSendToConversation(_claims, conversationId, activity) {
    const id = `act-${++this.next}`;
    this.calls.push({ op: 'send', conversationId, activity, id });
    return { id };
  }

  async onReplyToActivity(_claims, conversationId, activityId, activity) {
    const id = `act-${++this.next}`;
    this.calls.push({ op: 'reply', conversationId, activityId, activity, id });
    return { id };
  }

  async onUpdateActivity(_claims, conversationId, activityId, activity) {
    this.calls.push({ op: 'update', conversationId, activityId, activity });
    return { id: activityId };
  }

  async onCreateConversation(_claims, parameters) {
    const id = `a:dm-${++this.next}`;
    this.calls.push({ op: 'create', parameters, id });
    return { id };
  }

  async onGetConversationMember(_claims, userId, conversationId) {
    this.calls.push({ op: 'member', userId, conversationId });
    const member = this.roster[userId];
    if (!member) {
      const error = new Error('MemberNotFoundInConversation');
      error.statusCode = 404;
      throw error;
    }
    return member;
  }

  async waitFor(predicate, timeoutMs = 20000) {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const found = this.calls.find(predicate);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting; calls so far: ${JSON.stringify(this.calls.map((c) => [c.op, c.conversationId, c.activityId]))}`);
  }
}

async function startFakeTeams(roster) {
  const fake = new FakeTeams(roster);
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  // ChannelServiceRoutes expects a restify-style server; give it Express routes with a no-op next().
  const wrap = (verb) => (path, handler) => app[verb](path, (req, res) => handler(req, res, () => {}));
  new ChannelServiceRoutes(fake).register({ get: wrap('get'), post: wrap('post'), put: wrap('put'), del: wrap('delete'), delete: wrap('delete') });
  const server = await new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  fake.serviceUrl = `http://127.0.0.1:${server.address().port}/`;
  fake.close = () => new Promise((resolve) => server.close(resolve));
  return fake;
}

module.exports = { startFakeTeams };
