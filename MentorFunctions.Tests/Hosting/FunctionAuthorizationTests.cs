using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace MentorFunctions.Tests.Hosting;

/// <summary>
/// Which key opens which door, read from the shell's own HTTP triggers: the function key Zulip holds (it sits in the bot's
/// endpoint URL, visible to every Zulip admin) must open only the webhook; the admin API needs the master key.
/// </summary>
public sealed class FunctionAuthorizationTests
{
    private static IEnumerable<(string Function, HttpTriggerAttribute Trigger)> HttpTriggers() =>
        typeof(global::MentorFunctions.ZulipWebhook).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .SelectMany(m => m.GetParameters()
                .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
                .Where(a => a is not null)
                .Select(a => (m.GetCustomAttribute<FunctionAttribute>()!.Name, a!)));

    [Fact]
    public void Only_the_webhook_takes_a_function_key_and_every_admin_route_needs_the_master_key()
    {
        var triggers = HttpTriggers().ToArray();
        Assert.NotEmpty(triggers);

        var functionLevel = triggers.Where(t => t.Trigger.AuthLevel == AuthorizationLevel.Function).Select(t => t.Trigger.Route!).ToArray();
        Assert.Equal(new[] { "zulip/webhook" }, functionLevel);
        var admin = triggers.Where(t => t.Trigger.Route!.StartsWith("mentoring/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(9, admin.Length);
        Assert.All(admin, t => Assert.Equal(AuthorizationLevel.Admin, t.Trigger.AuthLevel));
        // The dashboard is anonymous to the Functions host because App Service Authentication (Entra ID) guards it, and
        // the app refuses it when that is not configured (see DashboardFunctions).
        Assert.All(triggers.Where(t => t.Trigger.AuthLevel == AuthorizationLevel.Anonymous), t => Assert.StartsWith("dashboard/", t.Trigger.Route));
    }
}
