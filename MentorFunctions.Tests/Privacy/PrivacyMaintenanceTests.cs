using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Privacy;
using MentorFunctions.Core.Storage;
using MentorFunctions.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MentorFunctions.Tests.Privacy;

/// <summary>Retention on real Azurite: rows expire by the storage service's own write time.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PrivacyMaintenanceTests(AzuriteFixture azurite)
{
    private static readonly ConversationKey Conversation = new("mentor-bot@example.org", 10, 20);

    [Fact]
    public async Task Audit_ledger_and_counters_expire_after_their_retention_and_not_before()
    {
        var tables = azurite.CreateStore("retention");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddMetrics().BuildServiceProvider();
        var audit = new AuditLog(tables, new MentorFunctions.Core.Telemetry.MentorMetrics(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(services)));
        var ledger = new ReplyLedger(tables);
        await audit.RecordAsync(new AuditEntry(clock.GetUtcNow(), Conversation, 1, DeliveryOutcome.Posted, null, 1, 300, 20, 42, 5001, null));
        // A reply whose step failed for good keeps its composed text in the ledger: retention is what removes it.
        await ledger.SaveAsync(new ReplyLedgerEntry(Conversation, 2, LedgerState.Composed, "a composed reply that never went out", null, null, 300, 20, 1));
        var maintenance = new PrivacyMaintenance(new HistoryPurgeRequests(tables, clock), [], tables,
            Options.Create(new PrivacyOptions()), clock, NullLogger<PrivacyMaintenance>.Instance);
        var histories = new NoDurableHistories();

        clock.Advance(TimeSpan.FromHours(23));
        var early = await maintenance.RunAsync(histories, CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(2));
        var afterADay = await maintenance.RunAsync(histories, CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(89));
        var afterNinetyDays = await maintenance.RunAsync(histories, CancellationToken.None);

        Assert.Equal((0, 0), (early.AuditDeleted, early.LedgerDeleted));
        Assert.Equal((0, 1), (afterADay.AuditDeleted, afterADay.LedgerDeleted));
        Assert.Null(await ledger.GetAsync(Conversation, 2));
        Assert.Equal(1, afterNinetyDays.AuditDeleted);
        Assert.Empty(await audit.ListAsync(Conversation));
    }
}
