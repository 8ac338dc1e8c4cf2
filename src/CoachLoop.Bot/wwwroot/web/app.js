// CoachLoop's local web channel: pick who you are, watch the feeds a chat app would show you, act on the
// cards (through the same action pipeline as Slack and Teams), and post a simulated scored call to the real API.
// Plain JavaScript on purpose: the only libraries are the official Adaptive Cards renderer and markdown-it,
// both installed from npm by the build into lib/.
"use strict";

(() => {
  const AC = window.AdaptiveCards;
  const POLL_MS = 1000;
  // Notices close by themselves: the page-wide status line after a few seconds, a card's own note a little later.
  const STATUS_MS = 6000;
  const NOTICE_MS = 9000;
  // Sent as the actor for "someone unrelated": not a directory id, so the pipeline resolves nobody and refuses.
  const UNRELATED = "someone-unrelated";
  // The simulate form asks for a quote and its offset on these criteria (when the rubric has them).
  const EVIDENCE_CRITERIA = ["empathy", "disclosure"];
  const ROLE_NAMES = { QaLead: "QA lead" };

  const $ = (selector) => document.querySelector(selector);

  // --- Adaptive Cards set-up ------------------------------------------------------------------------------

  // Card text is the Adaptive Cards Markdown subset; the server escapes data (quotes, reasons, names) the
  // CommonMark way, so a CommonMark processor with raw HTML off shows it exactly as typed.
  const markdown = window.markdownit({ html: false, linkify: false, breaks: true });
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = markdown.render(text);
    result.didProcess = true;
  };

  // Two small host configs that look like Teams' light and dark themes; the page follows prefers-color-scheme.
  const hostConfig = (theme) => {
    const colour = (value) => ({ default: value, subtle: value });
    const foregroundColors = {
      default: { default: theme.text, subtle: theme.subtle },
      dark: { default: theme.text, subtle: theme.subtle },
      light: { default: "#FFFFFF", subtle: "#F5F5F5" },
      accent: colour(theme.accent),
      good: colour(theme.good),
      warning: colour(theme.warning),
      attention: colour(theme.attention),
    };
    const style = (backgroundColor) => ({ backgroundColor, foregroundColors });
    return new AC.HostConfig({
      fontFamily: "'Segoe UI', 'Segoe UI Web (West European)', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif",
      supportsInteractivity: true,
      spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
      separator: { lineThickness: 1, lineColor: theme.divider },
      fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
      fontWeights: { lighter: 300, default: 400, bolder: 600 },
      lineHeights: { small: 16, default: 20, medium: 22, large: 28, extraLarge: 32 },
      containerStyles: {
        default: style(theme.surface),
        emphasis: style(theme.emphasis),
        accent: style(theme.accentBg),
        good: style(theme.goodBg),
        warning: style(theme.warningBg),
        attention: style(theme.attentionBg),
      },
      actions: {
        maxActions: 6,
        spacing: "default",
        buttonSpacing: 8,
        showCard: { actionMode: "inline", inlineTopMargin: 12, style: "emphasis" },
        actionsOrientation: "horizontal",
        actionAlignment: "left",
      },
      factSet: {
        title: { color: "default", size: "default", weight: "bolder", wrap: true, maxWidth: 150 },
        value: { color: "default", size: "default", weight: "default", wrap: true },
        spacing: 12,
      },
      inputs: {
        label: { inputSpacing: "small", requiredInputs: { suffix: " *", suffixColor: "attention" }, optionalInputs: {} },
        errorMessage: { size: "small", color: "attention", weight: "default" },
      },
    });
  };

  const themes = {
    light: hostConfig({
      text: "#242424", subtle: "#616161", divider: "#E0E0E0", accent: "#5B5FC7", good: "#0E700E", warning: "#835B00", attention: "#C4314B",
      surface: "#FFFFFF", emphasis: "#F5F5F5", accentBg: "#E8EBFA", goodBg: "#F1FAF1", warningBg: "#FFF9E6", attentionBg: "#FDF3F4",
    }),
    dark: hostConfig({
      text: "#FFFFFF", subtle: "#D6D6D6", divider: "#3D3D3D", accent: "#9EA2FF", good: "#92C353", warning: "#F8D22A", attention: "#F9526B",
      surface: "#292929", emphasis: "#1F1F1F", accentBg: "#2F2F4A", goodBg: "#1F2E1F", warningBg: "#3A3320", attentionBg: "#3E1F25",
    }),
  };
  const darkScheme = window.matchMedia("(prefers-color-scheme: dark)");
  const currentHostConfig = () => (darkScheme.matches ? themes.dark : themes.light);

  // --- State ----------------------------------------------------------------------------------------------

  const state = {
    people: [],
    actor: "", // who clicks: a directory id, UNRELATED, or "" before anyone is picked
    viewer: "", // whose feeds are shown: "" means the actor's own
    generation: 0, // bumps on every change of who; late answers for an older choice are dropped
    timer: 0,
    items: new Map(), // message id -> its <article>, kept across polls so cards update in place
    statusTimer: 0,
    features: { runDueWorkNow: false },
  };

  // Whose eyes the cards are drawn for: buttons only for what that person may do (a directory id; anyone else sees none).
  const viewerQuery = () => `as=${encodeURIComponent(viewerId())}`;

  const viewerId = () => state.viewer || state.actor;

  async function getJson(url, options) {
    // Every POST names this page: a page on another site cannot add the header without a CORS preflight, which is never granted.
    const request = options?.method === "POST" ? { ...options, headers: { ...(options.headers ?? {}), "X-CoachLoop-Web": "1" } } : options;
    const response = await fetch(url, request);
    const text = await response.text();
    const body = text ? JSON.parse(text) : null;
    return { ok: response.ok, status: response.status, body };
  }

  // A paged list of the API, every page: each answer names the next one until the last.
  async function getAllPages(url, options) {
    const items = [];
    for (let next = url; next;) {
      const page = await getJson(next, options);
      if (!page.ok) {
        return page;
      }

      items.push(...page.body.items);
      next = page.body.next;
    }

    return { ok: true, status: 200, body: items };
  }

  // --- Status line ----------------------------------------------------------------------------------------

  function showStatus(message, outcome) {
    const status = $("#status");
    status.dataset.outcome = outcome;
    status.className = `status status-${outcome}`;
    status.querySelector(".status-text").textContent = message;
    status.hidden = false;
    clearTimeout(state.statusTimer);
    state.statusTimer = setTimeout(() => { status.hidden = true; }, STATUS_MS);
  }

  function setConnection(ok) {
    const connection = $("[data-testid=connection]");
    connection.dataset.state = ok ? "live" : "offline";
    connection.textContent = ok ? "live" : "cannot reach the host, retrying…";
  }

  // --- Who are you? ---------------------------------------------------------------------------------------

  function personLabel(p) {
    const role = ROLE_NAMES[p.role] ?? p.role;
    return p.team ? `${p.name} (${role}, ${p.team})` : `${p.name} (${role})`;
  }

  function fillPeople(people) {
    state.people = people;
    const who = $("#who");
    const viewer = $("#viewer");
    for (const p of people) {
      who.add(new Option(personLabel(p), p.id));
      viewer.add(new Option(personLabel(p), p.id));
    }
    who.add(new Option("Someone unrelated (not in the directory)", UNRELATED));
  }

  function choose() {
    state.actor = $("#who").value;
    state.viewer = $("#viewer").value;
    state.generation++;
    clearTimeout(state.timer);
    state.items.clear();
    $("#feeds").replaceChildren();
    $("#open-flags .feed-messages").replaceChildren();
    $("#digest").hidden = true;
    $("#status").hidden = true;
    updateEmptyNote([]);
    if (viewerId()) {
      poll();
    }
  }

  function updateEmptyNote(feeds) {
    const note = $("#feeds-empty");
    const visible = feeds.length === 0;
    note.hidden = !visible;
    if (!visible) {
      return;
    }

    if (!state.actor && !state.viewer) {
      note.textContent = "Pick who you are to see your channels and direct messages.";
    } else if (viewerId() === UNRELATED) {
      note.textContent = "Someone outside the directory sees no CoachLoop channel. Choose \"Looking at the feeds of\" to look at "
        + "someone else's channel: your clicks still go out as someone unrelated, and the role checks answer.";
    } else {
      note.textContent = "No channels to show.";
    }
  }

  // --- Feeds: poll, and update cards in place ------------------------------------------------------------

  async function poll() {
    const generation = state.generation;
    try {
      const answer = await getJson(`/web/api/feeds?${viewerQuery()}`, { cache: "no-store" });
      if (generation !== state.generation) {
        return;
      }

      if (!answer.ok) {
        throw new Error(`feeds answered ${answer.status}`);
      }

      setConnection(true);
      renderFeeds(answer.body);
      if (!$("#open-flags").hidden) {
        await refreshOpenFlags(generation);
      }
    } catch (error) {
      if (generation === state.generation) {
        setConnection(false);
        console.warn("feed poll failed", error);
      }
    } finally {
      if (generation === state.generation) {
        state.timer = setTimeout(poll, POLL_MS);
      }
    }
  }

  function renderFeeds(feeds) {
    const container = $("#feeds");
    updateEmptyNote(feeds);
    const sections = feeds.map((feed) => feedSection(container, feed));
    sections.forEach((section, index) => placeAt(container, section, index));
    for (const stale of [...container.children].filter((child) => !sections.includes(child))) {
      stale.remove();
    }

    feeds.forEach((feed, index) => renderMessages(sections[index].querySelector(".feed-messages"), feed.messages));
    for (const [id, item] of state.items) {
      if (!item.isConnected) {
        state.items.delete(id);
      }
    }
  }

  function feedSection(container, feed) {
    let section = [...container.children].find((child) => child.dataset.feedId === feed.id);
    if (!section) {
      section = document.createElement("section");
      section.className = "feed";
      section.dataset.testid = "feed";
      section.dataset.feedId = feed.id;
      section.dataset.feedKind = feed.id.startsWith("team:") ? "team" : "direct";
      const title = document.createElement("h2");
      title.className = "feed-title";
      title.dataset.testid = "feed-title";
      const messages = document.createElement("div");
      messages.className = "feed-messages";
      const empty = document.createElement("p");
      empty.className = "feed-empty";
      empty.dataset.testid = "feed-empty";
      empty.textContent = "Nothing here yet.";
      section.append(title, empty, messages);
    }

    section.querySelector(".feed-title").textContent = feed.title;
    section.querySelector(".feed-empty").hidden = feed.messages.length > 0;
    return section;
  }

  // Moves a node only when it is not already where it belongs, so unchanged cards are never touched.
  function placeAt(parent, node, index) {
    const current = parent.children[index];
    if (current !== node) {
      parent.insertBefore(node, current ?? null);
    }
  }

  function renderMessages(list, messages) {
    const wanted = messages.map((message) => {
      let item = state.items.get(message.id);
      if (!item) {
        item = createItem(message);
        state.items.set(message.id, item);
      }

      // Re-render only what changed on the server since this page last drew it from a feed, and only when it looks
      // different from what is shown: the answer to a click already drew the new card, and drawing it again when the
      // outbox delivers the same card would close a form the user just opened.
      const version = `${message.revision}|${message.updatedAt}`;
      if (item.dataset.version !== version) {
        item.dataset.version = version;
        item.dataset.revision = String(message.revision);
        item.querySelector(".card-meta-time").textContent = formatTime(message.updatedAt);
        if (JSON.stringify(message.card) !== item.shownJson) {
          renderCard(item, message.card);
        }
      }

      return item;
    });
    wanted.forEach((item, index) => placeAt(list, item, index));
    for (const gone of [...list.children].filter((child) => !wanted.includes(child))) {
      state.items.delete(gone.dataset.messageId);
      gone.remove();
    }
  }

  function createItem(message) {
    const item = document.createElement("article");
    item.className = "card-item";
    item.dataset.testid = "card";
    item.dataset.messageId = message.id;
    item.dataset.kind = message.kind;
    item.dataset.subjectId = message.subjectId;

    const meta = document.createElement("div");
    meta.className = "card-meta";
    const sender = document.createElement("span");
    sender.className = "card-meta-sender";
    sender.textContent = "CoachLoop";
    const time = document.createElement("span");
    time.className = "card-meta-time";
    meta.append(sender, time);

    const host = document.createElement("div");
    host.className = "card-host";
    host.dataset.testid = "card-body";

    const notice = document.createElement("div");
    notice.className = "card-notice";
    notice.dataset.testid = "card-notice";
    notice.setAttribute("role", "status");
    notice.hidden = true;

    item.append(meta, host, notice);
    return item;
  }

  function renderCard(item, json) {
    const card = new AC.AdaptiveCard();
    card.hostConfig = currentHostConfig();
    card.onExecuteAction = (action) => execute(item, action);
    const host = item.querySelector(".card-host");
    try {
      card.parse(json);
      const element = card.render();
      if (!element) {
        throw new Error("the renderer produced nothing");
      }

      host.replaceChildren(element);
      item.card = card;
      item.shownJson = JSON.stringify(json);
    } catch (error) {
      console.error("could not render a card", error, json);
      const fallback = document.createElement("p");
      fallback.className = "card-fallback";
      fallback.textContent = json?.fallbackText ?? "This card could not be shown.";
      host.replaceChildren(fallback);
      item.card = null;
      item.shownJson = undefined;
    }
  }

  function formatTime(iso) {
    if (!iso) {
      return "";
    }

    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? "" : date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  }

  // --- Card actions ---------------------------------------------------------------------------------------

  function newKey() {
    if (crypto.randomUUID) {
      return crypto.randomUUID();
    }

    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  }

  async function execute(item, action) {
    if (!(action instanceof AC.ExecuteAction)) {
      return;
    }

    if (item.classList.contains("busy")) {
      return; // one click at a time per card; the server is idempotent per key anyway
    }

    if (!state.actor) {
      showStatus("Pick who you are first.", "invalid");
      return;
    }

    // Once prepared for execution, action.data is the action's own data merged with the values of the inputs it gathered.
    const body = { as: state.actor, viewer: viewerId(), verb: action.verb, data: { ...(action.data ?? {}) }, key: newKey() };
    item.classList.add("busy");
    item.setAttribute("aria-busy", "true");
    try {
      const answer = await getJson("/web/api/actions", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!answer.ok || !answer.body?.outcome) {
        const problem = answer.body ?? {};
        showStatus(problem.detail ?? problem.title ?? `The action failed (HTTP ${answer.status}).`, "error");
        return;
      }

      applyAnswer(item, answer.body);
    } catch (error) {
      showStatus(`The action could not be sent: ${error.message}`, "error");
    } finally {
      item.classList.remove("busy");
      item.removeAttribute("aria-busy");
    }
  }

  function applyAnswer(item, answer) {
    const message = answer.message || (answer.outcome === "done" ? "Done." : answer.outcome);
    showStatus(message, answer.outcome);
    const notice = item.querySelector(".card-notice");
    notice.textContent = message;
    notice.dataset.outcome = answer.outcome;
    notice.className = `card-notice notice-${answer.outcome}`;
    notice.hidden = false;
    clearTimeout(item.noticeTimer);
    item.noticeTimer = setTimeout(() => { notice.hidden = true; }, NOTICE_MS);

    if (answer.outcome === "invalid" && answer.errors) {
      // Keep the card (and the open form) as it is, and say what each field needs.
      showInputErrors(item, answer.errors);
      return;
    }

    // The answer carries the card as it stands now; the feed poll confirms it once the outbox delivers every copy.
    if (answer.card) {
      renderCard(item, answer.card);
    }
  }

  function showInputErrors(item, errors) {
    for (const old of item.querySelectorAll(".input-error")) {
      old.remove();
    }

    const inputs = item.card ? item.card.getAllInputs(true) : [];
    const unplaced = [];
    for (const [id, text] of Object.entries(errors)) {
      const input = inputs.find((candidate) => candidate.id === id);
      const anchor = input?.renderedElement;
      if (!anchor?.parentElement) {
        unplaced.push(text);
        continue;
      }

      const error = document.createElement("div");
      error.className = "input-error";
      error.dataset.testid = "input-error";
      error.dataset.inputId = id;
      error.setAttribute("role", "alert");
      error.textContent = text;
      anchor.after(error);
      input.renderedInputControlElement?.setAttribute("aria-invalid", "true");
    }

    if (unplaced.length > 0) {
      showStatus(`Some answers need another look: ${unplaced.join(" ")}`, "invalid");
    }
  }

  // --- Open flags, digest now, run due work now ---------------------------------------------------------

  // Every open flag of the teams the viewer sees, each as its full card for them: the way to act on flags that arrived in a
  // group card. Kept fresh by the feed poll while it is shown.
  async function refreshOpenFlags(generation) {
    const answer = await getJson(`/web/api/open-flags?${viewerQuery()}`, { cache: "no-store" });
    if (generation !== state.generation || !answer.ok) {
      return;
    }

    const section = $("#open-flags");
    const teams = [...new Set(answer.body.map((flag) => flag.team))];
    section.querySelector("[data-testid=open-flags-title]").textContent = answer.body.length === 0
      ? "Open flags"
      : `Open flags (${answer.body.length}) · ${teams.join(", ")}`;
    section.querySelector(".feed-empty").hidden = answer.body.length > 0;
    renderMessages(section.querySelector(".feed-messages"), answer.body.map((flag) => ({
      id: `open:${flag.flagId}`, kind: "flag", subjectId: flag.flagId, revision: flag.revision, updatedAt: null, card: flag.card,
    })));
  }

  function needsSomeone() {
    if (viewerId()) {
      return false;
    }

    showStatus("Pick who you are first.", "invalid");
    return true;
  }

  async function toggleOpenFlags() {
    const section = $("#open-flags");
    const button = $("[data-testid=open-flags-button]");
    if (!section.hidden) {
      section.hidden = true;
      button.setAttribute("aria-expanded", "false");
      return;
    }

    if (needsSomeone()) {
      return;
    }

    section.hidden = false;
    button.setAttribute("aria-expanded", "true");
    await refreshOpenFlags(state.generation);
  }

  async function digestNow() {
    if (needsSomeone()) {
      return;
    }

    const generation = state.generation;
    const answer = await getJson(`/web/api/digest-now?${viewerQuery()}`, { method: "POST" });
    if (generation !== state.generation) {
      return;
    }

    if (!answer.ok) {
      showStatus(`The digest could not be made (HTTP ${answer.status}).`, "error");
      return;
    }

    const section = $("#digest");
    section.querySelector(".digest-message").textContent = answer.body.message;
    section.querySelector(".digest-cards").replaceChildren(...answer.body.cards.map((json, index) => {
      // Drawn like a feed card (with its own notice line), so a button a digest may carry answers in place.
      const item = createItem({ id: `digest:${index}`, kind: "digest", subjectId: "" });
      item.dataset.testid = "digest-card";
      renderCard(item, json);
      return item;
    }));
    section.hidden = false;
  }

  async function runDueWork() {
    const button = $("[data-testid=run-due-work]");
    button.disabled = true;
    try {
      const answer = await getJson("/web/api/dev/run-due-work", { method: "POST" });
      if (!answer.ok) {
        showStatus(answer.body?.detail ?? `Due work did not run (HTTP ${answer.status}).`, "error");
        return;
      }

      const run = answer.body;
      showStatus(`Due work ran: ${run.followUps} follow-up(s), ${run.reminders} reminder(s) or escalation(s), ${run.digests} digest(s). `
        + "They arrive in the feeds in a moment.", "done");
    } finally {
      button.disabled = false;
    }
  }

  // Re-draws every card with the other theme's host config when the system switches between light and dark.
  function redrawAll() {
    for (const item of document.querySelectorAll(".card-item")) {
      if (item.shownJson) {
        renderCard(item, JSON.parse(item.shownJson));
      }
    }
  }

  // --- Simulate a scored call ----------------------------------------------------------------------------

  const simulate = { key: "", rubric: null };

  function freshCallId() {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(2, 14);
    return `web-${stamp}-${Math.random().toString(36).slice(2, 6)}`;
  }

  const DEFAULT_EVIDENCE = {
    empathy: { score: 45, quote: "That is just our policy. I cannot change the late fee, you will need to pay it by Friday.", offset: "00:12:04" },
    disclosure: { score: 0, quote: "Hi, thanks for calling, can I get your account number?", offset: "00:00:04" },
  };

  async function loadSimulateForm() {
    const loading = $("[data-testid=simulate-loading]");
    try {
      const key = await getJson("/web/api/dev-key", { method: "POST" });
      if (!key.ok) {
        throw new Error(`the demo API key was refused (HTTP ${key.status})`);
      }

      simulate.key = key.body.key;
      const auth = { headers: { Authorization: `Bearer ${simulate.key}` } };
      const [rubric, people] = await Promise.all([getJson("/api/v1/rubrics/support", auth), getAllPages("/api/v1/directory/people?limit=500", auth)]);
      if (!rubric.ok) {
        throw new Error(`the "support" rubric could not be read (HTTP ${rubric.status})`);
      }

      if (!people.ok) {
        throw new Error(`the directory could not be read (HTTP ${people.status})`);
      }

      simulate.rubric = rubric.body;
      const agents = people.body.filter((p) => p.role === "agent");
      const agentSelect = $("#sim-agent");
      for (const agent of agents) {
        agentSelect.add(new Option(`${agent.name} (${agent.team ?? "no team"})`, agent.email));
      }

      $("#sim-call-id").value = freshCallId();
      $("#sim-criteria").replaceChildren(...simulate.rubric.criteria.map(criterionFields));
      loading.hidden = true;
      $("#simulate-fields").hidden = false;
    } catch (error) {
      loading.textContent = `The simulate form is unavailable: ${error.message}.`;
      loading.classList.add("error");
    }
  }

  function criterionFields(criterion) {
    const defaults = DEFAULT_EVIDENCE[criterion.id];
    const box = document.createElement("div");
    box.className = "criterion";
    box.dataset.criterion = criterion.id;

    const score = labelled(`${criterion.name} (${criterion.weight}%, threshold ${criterion.threshold})`, "input", {
      type: "number", min: "0", max: "100", step: "any", value: String(defaults?.score ?? 90), name: `score-${criterion.id}`,
    });
    score.querySelector("input").dataset.testid = `sim-score-${criterion.id}`;
    box.append(score);

    if (EVIDENCE_CRITERIA.includes(criterion.id)) {
      const quote = labelled("Quote", "textarea", { rows: "2", name: `quote-${criterion.id}` });
      const control = quote.querySelector("textarea");
      control.value = defaults?.quote ?? "";
      control.dataset.testid = `sim-quote-${criterion.id}`;
      const offset = labelled("At", "input", { value: defaults?.offset ?? "", placeholder: "00:12:04", name: `offset-${criterion.id}` });
      offset.classList.add("narrow");
      offset.querySelector("input").dataset.testid = `sim-offset-${criterion.id}`;
      const row = document.createElement("div");
      row.className = "field-row evidence";
      row.append(quote, offset);
      box.append(row);
    }

    return box;
  }

  function labelled(text, tag, attributes) {
    const label = document.createElement("label");
    label.className = "field";
    const caption = document.createElement("span");
    caption.className = "field-label";
    caption.textContent = text;
    const control = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      control.setAttribute(name, value);
    }

    label.append(caption, control);
    return label;
  }

  const numberOrNull = (text) => (text.trim() === "" ? null : Number(text));

  function scoredCallFromForm() {
    const form = $("#simulate");
    const scores = simulate.rubric.criteria.map((criterion) => {
      const entry = { criterion: criterion.id, score: numberOrNull(form.elements[`score-${criterion.id}`].value) };
      const quote = form.elements[`quote-${criterion.id}`]?.value.trim();
      if (quote) {
        entry.evidence = { quote, offset: form.elements[`offset-${criterion.id}`].value.trim() || null };
      }

      return entry;
    });
    return {
      source: "web-channel",
      callId: $("#sim-call-id").value.trim(),
      agent: $("#sim-agent").value,
      callTime: new Date().toISOString(),
      durationSeconds: 420,
      queue: "web-demo",
      rubric: { key: simulate.rubric.key, version: simulate.rubric.version },
      overallScore: numberOrNull($("#sim-overall").value),
      scores,
    };
  }

  async function postScoredCall(event) {
    event.preventDefault();
    const submit = $("[data-testid=sim-submit]");
    submit.disabled = true;
    try {
      const answer = await getJson("/api/v1/scored-calls", {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${simulate.key}` },
        body: JSON.stringify(scoredCallFromForm()),
      });
      showSimulateAnswer(answer);
      if (answer.ok) {
        $("#sim-call-id").value = freshCallId();
      }
    } catch (error) {
      showSimulateAnswer({ ok: false, status: 0, body: { title: "The call could not be posted", detail: error.message } });
    } finally {
      submit.disabled = false;
    }
  }

  function showSimulateAnswer(answer) {
    const box = $("#sim-result");
    box.hidden = false;
    box.dataset.outcome = answer.ok ? "accepted" : "rejected";
    box.className = `sim-result ${answer.ok ? "ok" : "error"}`;
    const lines = [];
    const line = (text, testid) => {
      const element = document.createElement("li");
      element.textContent = text;
      if (testid) {
        element.dataset.testid = testid;
      }

      lines.push(element);
    };

    const heading = document.createElement("p");
    heading.className = "sim-result-heading";
    if (answer.ok) {
      const flags = answer.body?.flags ?? [];
      heading.textContent = `HTTP ${answer.status}: call ${answer.body?.callId} stored; `
        + (flags.length === 0 ? "no flag raised." : `${flags.length} flag(s) raised:`);
      for (const flag of flags) {
        line(`${flag.kind}${flag.urgent ? " (urgent)" : ""} on ${flag.criterionId}: ${(flag.reasons ?? []).join("; ")}`, "sim-flag");
      }
    } else {
      const problem = answer.body ?? {};
      heading.textContent = `HTTP ${answer.status}: ${problem.title ?? "rejected"}${problem.detail ? `: ${problem.detail}` : ""}`;
      for (const [field, messages] of Object.entries(problem.errors ?? {})) {
        line(`${field}: ${[].concat(messages).join(" ")}`, "sim-error");
      }
    }

    const list = document.createElement("ul");
    list.append(...lines);
    box.replaceChildren(heading, list);
  }

  // --- Start ----------------------------------------------------------------------------------------------

  async function start() {
    $("#who").addEventListener("change", choose);
    $("#viewer").addEventListener("change", choose);
    $("#status .status-close").addEventListener("click", () => { $("#status").hidden = true; });
    $("[data-testid=open-flags-button]").addEventListener("click", toggleOpenFlags);
    $("[data-testid=open-flags-close]").addEventListener("click", toggleOpenFlags);
    $("[data-testid=digest-now]").addEventListener("click", digestNow);
    $("[data-testid=digest-close]").addEventListener("click", () => { $("#digest").hidden = true; });
    $("[data-testid=run-due-work]").addEventListener("click", runDueWork);
    darkScheme.addEventListener("change", redrawAll);
    $("#simulate").addEventListener("submit", postScoredCall);
    try {
      const people = await getJson("/web/api/people");
      if (!people.ok) {
        throw new Error(`HTTP ${people.status}`);
      }

      fillPeople(people.body);
      const features = await getJson("/web/api/features");
      state.features = features.ok ? features.body : state.features;
      $("[data-testid=run-due-work]").hidden = !state.features.runDueWorkNow;
      setConnection(true);
      document.body.dataset.ready = "true";
    } catch (error) {
      setConnection(false);
      showStatus(`The directory could not be loaded: ${error.message}`, "error");
    }

    loadSimulateForm();
  }

  start();
})();
