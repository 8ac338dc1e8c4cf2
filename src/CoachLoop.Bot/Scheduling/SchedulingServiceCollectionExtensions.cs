using Quartz;

namespace CoachLoop.Bot.Scheduling;

internal static class SchedulingServiceCollectionExtensions
{
    /// <summary>The scheduled work, and Quartz to fire it every <see cref="SchedulingOptions.Interval"/> (unless disabled).</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulingOptions>().Bind(configuration.GetSection(SchedulingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<NoticeWriter>();
        services.AddScoped<DigestComposer>();
        services.AddSingleton<FollowUpWork>();
        services.AddSingleton<ReminderWork>();
        services.AddSingleton<DigestWork>();
        var options = configuration.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();
        if (!options.Enabled)
        {
            return services;
        }

        services.AddQuartz(q =>
        {
            // Start a few seconds in, so migrations and the first requests go first; a missed tick just runs at the next one.
            q.ScheduleJob<DueWorkJob>(t => Every(t.WithIdentity("due-work-trigger"), options.Interval), j => j.WithIdentity(DueWorkJob.Key));
            q.ScheduleJob<DigestJob>(t => Every(t.WithIdentity("digest-trigger"), options.Interval), j => j.WithIdentity(DigestJob.Key));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    private static void Every<T>(ITriggerConfigurator<T> trigger, TimeSpan interval) where T : IJob =>
        trigger.StartAt(DateTimeOffset.UtcNow.AddSeconds(5))
            .WithOverlapPolicy(OverlapPolicy.Skip)
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount));
}
