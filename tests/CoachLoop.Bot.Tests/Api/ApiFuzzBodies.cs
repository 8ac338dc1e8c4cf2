using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Tests.Api;

/// <summary>
/// Request bodies for <see cref="ApiFuzzTests"/>, each broken in at least one way the API must refuse (so that none of them
/// may store anything): a valid body with one to three defects from a fixed list, or no JSON at all.
/// </summary>
internal sealed class ApiFuzzBodies(Random random)
{
    private static readonly string[] Junk =
    [
        "", " ", "{", "}", "[]", "null", "42", "\"text\"", "{\"a\":1,}", "{'source':'a'}", "NaN", "{\"calls\":", "\u00ef\u00bb\u00bf{",
        "<xml/>", "source=a&callId=1", new string('[', 300) + new string(']', 300), "{\"a\":" + new string('{', 100),
    ];

    // Wrong in any required field of a scored call: missing, of the wrong type for every one of them, or text no column holds.
    private static readonly JsonNode?[] WrongValues =
    [
        null, JsonValue.Create(true), new JsonArray(), JsonValue.Create("a\u0000b"), JsonValue.Create(new string('x', 5000)), JsonValue.Create(" "),
    ];

    public string Pick(IReadOnlyList<string> items) => items[random.Next(items.Count)];

    public string Junky() => Pick(Junk);

    /// <summary>A scored call (or a batch of them) with defects that no server may accept.</summary>
    public string ScoredCall()
    {
        switch (random.Next(6))
        {
            case 0:
                return Junky();
            case 1:
                return new JsonObject { ["calls"] = Pick(["[]", "{}", "\"x\"", "null"]) is var c ? JsonNode.Parse(c) : null }.ToJsonString();
            case 2:
                return new JsonObject { ["calls"] = new JsonArray(Enumerable.Range(0, 501).Select(_ => (JsonNode)new JsonObject()).ToArray()) }.ToJsonString();
            case 3:
                return new JsonObject { ["calls"] = new JsonArray(Enumerable.Range(0, random.Next(1, 4)).Select(i => (JsonNode)BrokenCall($"b{i}")).ToArray()) }.ToJsonString();
            default:
                return BrokenCall("f").ToJsonString();
        }
    }

    public string Rubric()
    {
        if (random.Next(5) == 0)
        {
            return Junky();
        }

        var rubric = new JsonObject
        {
            ["key"] = "fuzz", ["name"] = "Fuzz", ["callType"] = "support", ["overallThreshold"] = 60,
            ["criteria"] = new JsonArray(new JsonObject
            {
                ["id"] = "one", ["name"] = "One", ["weight"] = 100, ["threshold"] = 60, ["kind"] = "quality", ["mode"] = "intent",
                ["goodLooksLike"] = "g", ["poorLooksLike"] = "p", ["expectedBehaviour"] = "e",
            }),
        };
        var criterion = rubric["criteria"]![0]!.AsObject();
        Action[] defects =
        [
            () => rubric.Remove(Pick(["key", "name", "callType", "criteria"])),
            () => criterion["weight"] = Pick(["99", "0", "-5", "101"]) is var w ? JsonValue.Create(decimal.Parse(w, System.Globalization.CultureInfo.InvariantCulture)) : null,
            () => criterion["threshold"] = 170,
            () => criterion["id"] = new string('i', 101),
            () => rubric["name"] = "a\u0000b",
            () => criterion["weight"] = "100",
            () => criterion["kind"] = "bogus",
            () => rubric["key"] = new string('k', 101),
            () => rubric["criteria"] = new JsonArray(),
            () => rubric["criteria"] = "none",
        ];
        Apply(defects);
        return rubric.ToJsonString();
    }

    public string Person()
    {
        if (random.Next(5) == 0)
        {
            return Junky();
        }

        var person = new JsonObject { ["email"] = "fuzz@example.com", ["name"] = "Fuzz", ["role"] = "agent", ["team"] = Samples.TeamKey };
        Action[] defects =
        [
            () => person["email"] = Pick(["not-an-email", "", "a b@example.com", "x\u0000@example.com", new string('e', 330) + "@example.com"]),
            () => person.Remove(Pick(["email", "name"])),
            () => person["role"] = Pick(["wizard", "7", "AGENT!"]),
            () => person["role"] = 99,
            () => person["name"] = new string('n', 201),
            () => person["timeZone"] = Pick(["Mars/Olympus", "a\u0000b", new string('z', 70)]),
            () => person["typicalCallsPerDay"] = Pick(["-1", "5000"]) is var n ? JsonValue.Create(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)) : null,
            () => person["typicalCallsPerDay"] = "25",
            () => person["name"] = new JsonArray(),
        ];
        Apply(defects);
        return random.Next(3) == 0 ? new JsonObject { ["people"] = new JsonArray(person) }.ToJsonString() : person.ToJsonString();
    }

    public string Csv() => Pick(
    [
        "", "email", "email,name,role,team\n", "email,name,role,team\nx@example.com,X,wizard,east\n", "mail,name\nx@example.com,X\n",
        "email,name,role,team\nnot-an-email,X,agent,east\n", "email,name,role,team\nx@example.com,X,wizard,east,extra,\"unclosed\n",
        "email,name,role,team\nx\u0000@example.com,X,agent,east\n", "email,typicalCallsPerDay\nx@example.com,lots\n",
        "\u00ff\u00fe\u0000\u0001binary", "email,name,role,team\n" + new string('a', 400) + "@example.com,X,agent,east\n",
    ]);

    public string ChannelLink()
    {
        var link = new JsonObject { ["conversationId"] = "C123", ["tenant"] = "T1" };
        Action[] defects =
        [
            () => link.Remove("conversationId"),
            () => link["conversationId"] = Pick(["", "   ", "a\u0000b", new string('c', 401)]),
            () => link["conversationId"] = 42,
            () => link["tenant"] = new string('t', 101),
            () => link["serviceUrl"] = new string('u', 401),
        ];
        Apply(defects);
        return random.Next(5) == 0 ? Junky() : link.ToJsonString();
    }

    /// <summary>A webhook subscription with defects that no create or update may accept (nothing is removed: an update may leave fields out).</summary>
    public string Webhook()
    {
        var hook = new JsonObject { ["url"] = "https://crm.example.com/hook", ["events"] = new JsonArray("flag.raised"), ["secret"] = "a-secret-of-enough-length" };
        Action[] defects =
        [
            () => hook["url"] = Pick(["ftp://x.example.com/", "/relative", "not a url", "", "https://user:pw@x.example.com/", "https://" + new string('h', 2001), "a\u0000b"]),
            () => hook["url"] = 42,
            () => hook["events"] = Pick(["[]", "[\"flag.exploded\"]", "\"flag.raised\"", "[null]", "[1]", "{}"]) is var e ? JsonNode.Parse(e) : null,
            () => hook["secret"] = Pick(["short", "", "has spaces in the middle of it", new string('s', 201)]),
            () => hook["description"] = new string('d', 201),
            () => hook["enabled"] = "yes",
        ];
        Apply(defects);
        return random.Next(5) == 0 ? Junky() : hook.ToJsonString();
    }

    public string WebAction()
    {
        var action = new JsonObject { ["as"] = Guid.NewGuid().ToString(), ["verb"] = "approve", ["data"] = new JsonObject { ["flagId"] = "x" }, ["key"] = "k1" };
        Action[] defects =
        [
            () => action.Remove(Pick(["verb", "data", "key"])),
            () => action["key"] = Pick(["a\u0000b", new string('k', 201)]),
            () => action["verb"] = new string('v', 65),
            () => action["data"] = Pick(["[]", "\"x\"", "7"]) is var d ? JsonNode.Parse(d) : null,
            () => action["data"] = new JsonObject { ["note"] = "a\u0000b" },
            () => action["verb"] = 1,
        ];
        Apply(defects);
        return random.Next(5) == 0 ? Junky() : action.ToJsonString();
    }

    private JsonObject BrokenCall(string callId)
    {
        var call = Json.Call("fuzz-" + callId + "-" + random.Next(1000));
        var scores = call["scores"]!.AsArray();
        Action[] defects =
        [
            () => call.Remove(Pick(["source", "callId", "agent", "callTime", "rubric", "overallScore", "scores"])),
            () => call[Pick(["overallScore", "durationSeconds"])] = Pick(["\"80\"", "\"abc\"", "true", "[]", "{}"]) is var v ? JsonNode.Parse(v) : null,
            () => call[Pick(["source", "callId", "agent", "callTime"])] = Pick(["42", "true", "[]", "{}", "\"\""]) is var v ? JsonNode.Parse(v) : null,
            () => call["overallScore"] = Pick(["140", "-1", "100.0001"]) is var s ? JsonNode.Parse(s) : null,
            () => scores[random.Next(scores.Count)]!["score"] = Pick(["140", "-0.5", "\"45\"", "null"]) is var s ? JsonNode.Parse(s) : null,
            () => scores.Add(Json.Score(Pick(["charisma", "", "EMPATHY"]), 50)),
            () => scores.Add(Json.Score("empathy", 50)),
            () => call["callTime"] = Pick(["not-a-date", "2026-11-20", "2026-11-20T07:00:00", "20/11/2026", "2099-01-01T00:00:00Z", "2026-02-30T00:00:00Z"]),
            () => call[Pick(["source", "callId", "agent", "queue", "recordingUrl"])] = Pick(["a\u0000b", new string('x', 2001)]),
            () => scores[1]!["evidence"]!["quote"] = Pick(["a\u0000b", new string('q', 2001), ""]),
            () => scores[1]!["evidence"]!["offset"] = Pick(["12 minutes", "", "99:99:99", "-00:00:01"]),
            () => call["agent"] = Pick(["ghost@example.com", "AG-404", " "]),
            () => call["rubric"] = Pick(["{\"key\":\"support\",\"version\":2}", "{\"key\":\"nope\",\"version\":1}", "{\"key\":\"support\"}", "\"support\"", "{\"key\":\"support\",\"version\":1.5}"]) is var r ? JsonNode.Parse(r) : null,
            () => call["scores"] = Pick(["[]", "[null]", "[1,2]", "{}"]) is var s ? JsonNode.Parse(s) : null,
            () => call["durationSeconds"] = Pick(["-1", "1e20", "1.5"]) is var d ? JsonNode.Parse(d) : null,
            () => call[Pick(["source", "callId", "agent", "callTime", "rubric", "overallScore", "scores"])] = WrongValues[random.Next(WrongValues.Length)]?.DeepClone(),
        ];
        Apply(defects);
        return call;
    }

    private void Apply(Action[] defects)
    {
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            defects[random.Next(defects.Length)]();
        }
    }
}
