using System.Text.Json.Nodes;

namespace CoachLoop.Bot.Channels.Web;

/// <summary>One open flag in the web channel's open-flags view: its team and its card as the viewer sees it.</summary>
internal sealed record WebOpenFlag(string FlagId, string Team, int Revision, JsonObject Card);
