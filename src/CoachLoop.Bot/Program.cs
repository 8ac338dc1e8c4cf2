using CoachLoop.Bot.Api;
using CoachLoop.Bot.Channels.Email;
using CoachLoop.Bot.Channels.Slack;
using CoachLoop.Bot.Channels.Teams;
using CoachLoop.Bot.Channels.Web;
using CoachLoop.Bot.Hosting;
using CoachLoop.Bot.Backfill;
using CoachLoop.Bot.Outbox;
using CoachLoop.Bot.Scheduling;
using CoachLoop.Bot.Telemetry;
using CoachLoop.Bot.Webhooks;
using CoachLoop.Data;

if (await AdminCommands.TryRunAsync(args).ConfigureAwait(false) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
// Secrets such as the SMTP password may be given as COACHLOOP_Email__Password beside the plain Email__Password.
builder.Configuration.AddEnvironmentVariables("COACHLOOP_");
builder.Services.AddCoachLoopData(builder.Configuration);
builder.Services.AddCoachLoopEngine();
// After the engine: its start-up migration must create the key table before Data Protection reads the key ring.
builder.Services.AddCoachLoopDataProtection();
builder.Services.AddCoachLoopApi(builder.Configuration);
builder.Services.AddChatCore();
builder.Services.AddWebChannel(builder.Configuration);
builder.Services.AddTeams(builder.Configuration);
builder.Services.AddSlack(builder.Configuration);
builder.Services.AddEmail(builder.Configuration);
builder.Services.AddScheduling(builder.Configuration);
builder.AddCoachLoopTelemetry();
builder.Services.AddImports(builder.Configuration);

var app = builder.Build();
app.UseCoachLoopTelemetry();
app.UseCoachLoopApi();
app.UseWebChannel();
app.MapHealth();
app.MapScoredCalls();
app.MapImports();
app.MapRubrics();
app.MapDirectory();
app.MapApiKeys();
app.MapPeople();
app.MapFlags();
app.MapWorkshops();
app.MapReports();
app.MapOutbox();
app.MapWebhooks();
app.MapChannelRoutes();
app.MapTeams();
app.MapSlack();
await app.RunAsync().ConfigureAwait(false);
return 0;

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
