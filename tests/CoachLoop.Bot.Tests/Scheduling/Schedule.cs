using CoachLoop.Bot.Scheduling;
using CoachLoop.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Scheduling;

/// <summary>Runs the scheduled work of a test host at its manual clock, as Quartz would.</summary>
internal static class Schedule
{
    public static Task<int> DigestsAsync(CoachLoopApp app) => app.Services.GetRequiredService<DigestWork>().RunAsync(CancellationToken.None);

    public static Task<int> FollowUpsAsync(CoachLoopApp app) => app.Services.GetRequiredService<FollowUpWork>().RunAsync(CancellationToken.None);

    public static Task<int> RemindersAsync(CoachLoopApp app) => app.Services.GetRequiredService<ReminderWork>().RunAsync(CancellationToken.None);

    public static Task<int> WeeklyReportsAsync(CoachLoopApp app) => app.Services.GetRequiredService<WeeklyReportWork>().RunAsync(CancellationToken.None);

    public static Task<List<Notice>> NoticesAsync(CoachLoopApp app) =>
        app.WithDbAsync(db => db.Notices.AsNoTracking().OrderBy(n => n.CreatedAt).ToListAsync());

    /// <summary>The cards the web channel shows in one person's direct messages.</summary>
    public static async Task<List<string>> DirectCardsAsync(CoachLoopApp app, Chat chat, string email)
    {
        var id = await chat.IdOfAsync(email);
        return await app.WithDbAsync(db => db.WebMessages.AsNoTracking().Where(m => m.ConversationId == $"dm:{id}").OrderBy(m => m.PostedAt)
            .Select(m => m.CardJson).ToListAsync());
    }
}
