using CoachLoop.Bot.Cards;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Cards.Builders;

/// <summary>The current card of a subject, as the card factory builds it from the database.</summary>
internal static class CardFor
{
    public static async Task<Card> BuildAsync(CoachLoopApp app, string kind, Guid subjectId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<CardFactory>().BuildAsync(kind, subjectId, CancellationToken.None))!;
    }
}
