#!/usr/bin/env python3
"""Helpers of scripts/backfill-check.sh: generate a backfill, seed a host, post calls one by one, read a job, compare flags.

  backfill.py generate N AGENTS DIR     calls.ndjson (random order, a few duplicate and invalid lines), people.csv, rubric.json
  backfill.py seed URL KEY DIR          the rubric and the directory through the API
  backfill.py job URL KEY FIELD         FIELD of the newest import job (e.g. linesRead), or -1 when there is none
  backfill.py post URL KEY DIR THREADS  every line of calls.ndjson through POST /api/v1/scored-calls, one call per request: each
                                        agent's calls in call-time order, agents side by side on THREADS connections
  backfill.py compare A.db B.db         the flags (call, kind, agent, criterion, status) of both databases; exit 1 if they differ
"""
import collections, json, random, sqlite3, sys, threading, time, urllib.error, urllib.request
from datetime import datetime, timedelta, timezone

CRITERIA = [("disclosure", "Recorded-line disclosure", 20, 80, "compliance", "script"), ("empathy", "Empathy", 25, 60, "quality", "intent"),
            ("discovery", "Discovery", 20, 65, "quality", "intent"), ("resolution", "Resolution", 25, 70, "quality", "intent"),
            ("ownership", "Ownership", 10, 60, "quality", "intent")]


def request(method, url, key, body=None, content_type="application/json"):
    data = body.encode() if isinstance(body, str) else body
    req = urllib.request.Request(url, data=data, method=method, headers={"Authorization": "Bearer " + key, "Content-Type": content_type})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def generate(n, agents, out):
    rnd = random.Random(11)
    teams = ["north", "south", "east", "west"]
    with open(f"{out}/people.csv", "w") as f:
        f.write("email,name,role,team,externalId,timeZone,typicalCallsPerDay\n")
        for t in teams:
            f.write(f"mgr-{t}@example.com,Manager {t},manager,{t},,Europe/London,0\n")
        for a in range(agents):
            f.write(f"agent{a}@example.com,Agent {a},agent,{teams[a % len(teams)]},AG-{a},Europe/London,25\n")
    rubric = {"key": "support", "name": "Support call", "callType": "support", "overallThreshold": 65, "criteria": [
        {"id": i, "name": nm, "weight": w, "threshold": th, "kind": k, "mode": m, "goodLooksLike": f"good {nm}", "poorLooksLike": f"poor {nm}",
         "expectedBehaviour": f"Show {nm.lower()} in observable terms.",
         "scenarios": [{"id": f"{i}-a", "scenarioType": f"{i} drill", "skill": f"practising {i}", "sessions": 3}]}
        for (i, nm, w, th, k, m) in CRITERIA]}
    with open(f"{out}/rubric.json", "w") as f:
        json.dump(rubric, f)
    end = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(hours=2)
    span = 180 * 24 * 3600
    lines = []
    for i in range(n):
        at = end - timedelta(seconds=rnd.randrange(span))
        agent = rnd.randrange(agents)
        scores = [{"criterion": "disclosure", "score": 0 if rnd.randrange(50) == 0 else 100,
                   "evidence": {"quote": "Thanks for calling, this call is recorded.", "offset": "00:00:04"}},
                  {"criterion": "empathy", "score": 40 + rnd.randrange(19) if rnd.randrange(10) < 4 else 75,
                   "evidence": {"quote": "That's just our policy.", "offset": "00:12:04"}},
                  {"criterion": "discovery", "score": 80},
                  {"criterion": "resolution", "score": 50 + rnd.randrange(19) if rnd.randrange(10) < 3 else 85},
                  {"criterion": "ownership", "score": 90}]
        call = {"source": "legacy-qa", "callId": f"h-{i:07d}", "agent": f"AG-{agent}" if i % 2 else f"agent{agent}@example.com",
                "callTime": at.strftime("%Y-%m-%dT%H:%M:%SZ"), "durationSeconds": 300 + rnd.randrange(600), "queue": "billing",
                "rubric": {"key": "support", "version": 1}, "overallScore": 75, "scores": scores}
        lines.append(json.dumps(call))
    # A real export has repeats and mistakes: ten lines twice, ten lines the intake refuses (a score of 140).
    for i in range(10):
        lines.insert(rnd.randrange(len(lines)), lines[rnd.randrange(len(lines))])
        bad = json.loads(lines[rnd.randrange(len(lines))])
        bad["callId"], bad["overallScore"] = f"bad-{i}", 140
        lines.insert(rnd.randrange(len(lines)), json.dumps(bad))
    with open(f"{out}/calls.ndjson", "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"generated {len(lines)} lines ({n} calls, 10 repeated lines, 10 invalid) for {agents} agents over 180 days")


def seed(url, key, out):
    status, body = request("POST", f"{url}/api/v1/rubrics", key, open(f"{out}/rubric.json").read())
    assert status in (200, 201), (status, body)
    status, body = request("POST", f"{url}/api/v1/directory/import?createTeams=true", key, open(f"{out}/people.csv").read(), "text/csv")
    assert status == 200, (status, body)


def job(url, key, field):
    status, body = request("GET", f"{url}/api/v1/scored-calls/imports?limit=1", key)
    items = json.loads(body).get("items", []) if status == 200 else []
    print(items[0][field] if items else -1)


def post(url, key, out, threads):
    by_agent = collections.defaultdict(list)
    for line in open(f"{out}/calls.ndjson"):
        if line.strip():
            call = json.loads(line)
            by_agent[call["agent"].replace("AG-", "agent").split("@")[0]].append((call.get("callTime", ""), line))
    queues = [sorted(v) for v in by_agent.values()]
    counts, lock, start = collections.Counter(), threading.Lock(), time.time()

    def worker(mine):
        for q in mine:
            for _, line in q:
                status, _ = request("POST", f"{url}/api/v1/scored-calls", key, line)
                with lock:
                    counts[status] += 1

    parts = [queues[i::threads] for i in range(threads)]
    ts = [threading.Thread(target=worker, args=(p,)) for p in parts]
    for t in ts:
        t.start()
    while any(t.is_alive() for t in ts):
        time.sleep(5)
        done = sum(counts.values())
        print(f"  posted {done} calls one by one, {done / (time.time() - start):.0f} calls/s, answers {dict(counts)}", flush=True)
    for t in ts:
        t.join()
    print(f"posted {sum(counts.values())} calls one by one in {time.time() - start:.0f} s: answers {dict(sorted(counts.items()))}")


def flags(path):
    db = sqlite3.connect(path)
    rows = db.execute("SELECT f.call_id, f.kind, p.email, f.criterion_id, f.status FROM flags f JOIN people p ON p.id = f.agent_id").fetchall()
    calls = db.execute("SELECT count(*) FROM scored_calls").fetchone()[0]
    return sorted(rows), calls


def compare(a, b):
    (fa, ca), (fb, cb) = flags(a), flags(b)
    print(f"scored calls: imported {ca}, posted one by one {cb}")
    for name, rows in (("imported", fa), ("posted one by one", fb)):
        by = collections.Counter((r[1], r[4]) for r in rows)
        print(f"flags {name}: {len(rows)} ({', '.join(f'{k} {s}: {n}' for (k, s), n in sorted(by.items()))})")
    same = fa == fb and ca == cb
    if not same:
        sa, sb = collections.Counter(fa), collections.Counter(fb)
        print("only imported:", list((sa - sb).elements())[:10])
        print("only posted:", list((sb - sa).elements())[:10])
    print("flags (call, kind, agent, criterion, status) EQUAL" if same else "flags DIFFER")
    return 0 if same else 1


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "generate":
        generate(int(args[0]), int(args[1]), args[2])
    elif cmd == "seed":
        seed(*args)
    elif cmd == "job":
        job(*args)
    elif cmd == "post":
        post(args[0], args[1], args[2], int(args[3]))
    elif cmd == "compare":
        sys.exit(compare(*args))
