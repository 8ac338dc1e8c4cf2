using Quartz;

namespace CoachLoop.Bot.Scheduling;

internal static class SchedulingServiceCollectionExtensions
{
    /// <summary>The scheduled work, and Quartz to fire it every <see cref="SchedulingOptions.Interval"/> (unless disabled).</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulingOptions>().Bind(configuration.GetSection(SchedulingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<NoticeWriter>();
        services.AddOptions<Workshops.WorkshopOptions>().BindConfiguration(Workshops.WorkshopOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<DigestComposer>();
        services.AddScoped<WeeklyReportComposer>();
        services.AddSingleton<WeeklyReportWork>();
        services.AddSingleton<FollowUpWork>();
        services.AddSingleton<ReminderWork>();
        services.AddSingleton<DigestWork>();
        services.AddSingleton<DueWorkNow>();
        var options = configuration.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();
        if (!options.Enabled)
        {
            return services;
        }

        services.AddQuartz(q =>
        {
            // Start a few seconds in, so migrations and the first requests go first; a missed tick just runs at the next one.
            q.ScheduleJob<DueWorkJob>((sp, t) => Every(sp, t.WithIdentity("due-work-trigger"), options.Interval), (_, j) => j.WithIdentity(DueWorkJob.Key));
            q.ScheduleJob<DigestJob>((sp, t) => Every(sp, t.WithIdentity("digest-trigger"), options.Interval), (_, j) => j.WithIdentity(DigestJob.Key));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    // Quartz reads time from the host's TimeProvider, so the first fire is computed from the same clock.
    private static void Every<T>(IServiceProvider services, ITriggerConfigurator<T> trigger, TimeSpan interval) where T : IJob =>
        trigger.StartAt(services.GetRequiredService<TimeProvider>().GetUtcNow().AddSeconds(5))
            .WithOverlapPolicy(OverlapPolicy.Skip)
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount));
}
