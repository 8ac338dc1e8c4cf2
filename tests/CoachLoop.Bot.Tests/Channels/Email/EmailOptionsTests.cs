using Microsoft.Extensions.DependencyInjection;

namespace CoachLoop.Bot.Tests.Channels.Email;

/// <summary>The email settings are checked when the host starts: a wrong one stops it with the setting named.</summary>
public sealed class EmailOptionsTests
{
    [Theory]
    [InlineData("Email:From", "", "Email:From")]
    [InlineData("Email:From", "not an address", "Email:From")]
    [InlineData("Email:UserName", "coachloop", "Email:Password")]
    [InlineData("Email:ActionBaseUrl", "ftp://coachloop.test/", "Email:ActionBaseUrl")]
    public async Task AWrongSettingStopsTheHostAndIsNamed(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Email:Host"] = "127.0.0.1", ["Email:From"] = "CoachLoop <coachloop@coachloop.test>", [key] = value,
        };

        var refused = await CoachLoopApp.RefusedStartAsync(settings);

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAHostTheChannelIsOffAndNothingIsChecked()
    {
        await using var app = await CoachLoopApp.StartAsync(settings: new Dictionary<string, string?> { ["Email:From"] = "not an address" });

        Assert.DoesNotContain(app.Services.GetServices<CoachLoop.Bot.Outbox.ICardSender>(), s => s.Channel == "email");
    }
}
