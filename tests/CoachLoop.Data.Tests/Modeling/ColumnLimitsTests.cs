using CoachLoop.Data.Records;
using CoachLoop.Engine.Calls;
using CoachLoop.Engine.Flags;
using CoachLoop.Engine.People;
using CoachLoop.Engine.Rubrics;
using Microsoft.EntityFrameworkCore;

namespace CoachLoop.Data.Tests.Modeling;

/// <summary>The validators' text limits are the EF model's column sizes: a column changed without its limit fails here.</summary>
public sealed class ColumnLimitsTests
{
    [Fact]
    public async Task EveryLimitTheValidatorsKnowIsTheSizeOfItsColumn()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var db = database.CreateContext();
        int Size<T>(string property) => db.Model.FindEntityType(typeof(T))!.FindProperty(property)!.GetMaxLength()
            ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} has no size");
        var streak = db.Model.FindEntityType(typeof(Flag))!.FindNavigation(nameof(Flag.Streak))!.TargetEntityType;

        Assert.Equal(
            [Size<ScoredCallRecord>(nameof(ScoredCallRecord.Source)), streak.FindProperty("Source")!.GetMaxLength()!.Value,
                Size<ScoredCallRecord>(nameof(ScoredCallRecord.CallId)), Size<Flag>(nameof(Flag.CallId)), streak.FindProperty("CallId")!.GetMaxLength()!.Value,
                Size<ScoredCallRecord>(nameof(ScoredCallRecord.Queue)), Size<ScoredCallRecord>(nameof(ScoredCallRecord.RecordingUrl)),
                Size<Rubric>(nameof(Rubric.Key)), Size<CriterionScoreRecord>(nameof(CriterionScoreRecord.CriterionId)), Size<Flag>(nameof(Flag.CriterionId)),
                Math.Max(Size<Person>(nameof(Person.Email)), Size<Person>(nameof(Person.ExternalId)))],
            [ScoredCallLimits.Source, ScoredCallLimits.Source, ScoredCallLimits.CallId, ScoredCallLimits.CallId, ScoredCallLimits.CallId,
                ScoredCallLimits.Queue, ScoredCallLimits.RecordingUrl, ScoredCallLimits.RubricKey, ScoredCallLimits.CriterionId,
                ScoredCallLimits.CriterionId, ScoredCallLimits.Agent]);
        Assert.Equal(
            [Size<Person>(nameof(Person.Email)), Size<Person>(nameof(Person.Name)), Size<Person>(nameof(Person.ExternalId)),
                Size<Person>(nameof(Person.TimeZone)), Size<Team>(nameof(Team.Key)), Size<ChatIdentity>(nameof(ChatIdentity.ExternalUserId)),
                Size<Rubric>(nameof(Rubric.Name)), Size<Rubric>(nameof(Rubric.CallType))],
            [PersonDetails.MaxEmail, PersonDetails.MaxName, PersonDetails.MaxExternalId, PersonDetails.MaxTimeZone, PersonDetails.MaxTeamKey,
                PersonDetails.MaxChatUserId, RubricValidator.MaxName, RubricValidator.MaxCallType]);
    }
}
