using Azure;
using Azure.Identity;
using MentorFunctions.Core.Conversations;
using MentorFunctions.Core.Storage;
using MentorFunctions.Tests.Fixtures;
using MentorFunctions.Tests.Fixtures.Loopback;

namespace MentorFunctions.Tests.Storage;

/// <summary>
/// Storage that goes away for a while must delay a reply, not drop it: every storage and identity failure that may pass
/// is retried by the step policy, whichever store it came from.
/// </summary>
public sealed class StorageOutageTests
{
    private static readonly DateTimeOffset Monday10 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly MentorApp.User Ana = new(101, "ana@mentoring.example.com", "Ana Lima");
    private static readonly MentorApp.User Sam = new(201, "sam@mentoring.example.com", "Sam Park");

    [Fact]
    public async Task Azurite_stopped_while_a_reply_is_written_delays_the_reply_and_it_is_posted_once()
    {
        var azurite = await AzuriteFixture.StartStoppableAsync(); // its own: stopping the shared one would fail other tests
        try
        {
            // Minutes (virtual) before a retry, so the outage is over before it.
            var retry = StepRetryPolicy.Default with { FirstRetryInterval = TimeSpan.FromMinutes(10) };
            await using var app = new MentorApp(azurite, Monday10, retryPolicy: retry);
            await app.Registry.UpsertMentorAsync(new MentorRecord(MentorApp.Bot, Ana.Id, Ana.Email, Ana.FullName, Monday10));
            await app.PairAsync(Ana, Sam);
            // Storage goes down while the model writes: the step's next write (the token count in table replylimits) fails.
            var stopped = 0;
            app.OpenAI.Responder = _ =>
            {
                if (Interlocked.Exchange(ref stopped, 1) == 0)
                    azurite.StopForTest();
                return null;
            };

            await app.GroupMessageAsync(Sam, Ana, "Hi Ana, I'm stuck on the recursion exercise, can you help?");
            for (var minutes = 0; app.OpenAI.Requests.Count == 0 && minutes < 180; minutes++)
                await app.Host.AdvanceAsync(TimeSpan.FromMinutes(1));
            Assert.Single(app.OpenAI.Requests);
            Assert.Empty(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));

            await azurite.StartAgainAsync();
            await app.Host.AdvanceAsync(TimeSpan.FromMinutes(30));

            var reply = Assert.Single(app.Zulip.BotMessagesTo(Ana.Id, Sam.Id));
            Assert.Contains("AI", reply.Content);
            Assert.Equal(2, app.OpenAI.Requests.Count); // the retried step wrote it anew
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(0)] // no response at all
    [InlineData(408)]
    [InlineData(409)]
    [InlineData(412)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public void Storage_answers_that_may_pass_are_transient(int status)
    {
        var failure = StorageFailures.Classify(new RequestFailedException(status, "storage said no"));
        Assert.NotNull(failure);
        Assert.IsType<RequestFailedException>(failure.InnerException);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(501)]
    public void Storage_answers_that_will_not_change_are_final(int status) =>
        Assert.Null(StorageFailures.Classify(new RequestFailedException(status, "storage said no")));

    [Fact]
    public void Credential_failures_and_exhausted_sdk_retries_are_transient_and_other_errors_final()
    {
        Assert.NotNull(StorageFailures.Classify(new AuthenticationFailedException("the token endpoint timed out")));
        Assert.NotNull(StorageFailures.Classify(new CredentialUnavailableException("managed identity endpoint not ready")));
        Assert.NotNull(StorageFailures.Classify(new AggregateException(
            new RequestFailedException("Connection refused"), new RequestFailedException(503, "busy"))));
        Assert.Null(StorageFailures.Classify(new AggregateException(new RequestFailedException(404, "gone"))));
        Assert.Null(StorageFailures.Classify(new InvalidOperationException("a bug")));
        var own = new TransientStepException("Zulip rate-limited", TimeSpan.FromSeconds(7));
        Assert.Same(own, StorageFailures.Classify(own));
    }
}
