using MentorFunctions.Core.Conversations;
using Microsoft.DurableTask;

namespace MentorFunctions.Tests.Durable;

/// <summary>
/// The retry handler finds a step's Retry-After wherever the pipeline between the activity and the handler left it: on
/// the failure's properties (the Durable worker, as under the test host), on an inner failure's (the shape the Functions
/// pipeline's documented sample shows), or only in the message when no properties arrived at all.
/// </summary>
public sealed class RetryAfterHintTests
{
    private static readonly TransientStepException RateLimited = new("Zulip send-message rate-limited", TimeSpan.FromSeconds(8));

    private static IDictionary<string, object?>? Properties(Exception e) => new TransientStepExceptionProperties().GetExceptionProperties(e);

    [Fact]
    public void The_hint_is_read_from_the_failure_or_an_inner_failure_properties()
    {
        var own = new TaskFailureDetails(typeof(TransientStepException).FullName!, "rate-limited", null, null, Properties(RateLimited));
        var wrapped = new TaskFailureDetails("TaskFailedException", "Activity failed with an exception.", null, own, null);

        Assert.Equal(TimeSpan.FromSeconds(8), TransientStepExceptionProperties.RetryAfter(own));
        Assert.Equal(TimeSpan.FromSeconds(8), TransientStepExceptionProperties.RetryAfter(wrapped));
    }

    [Fact]
    public void Without_properties_the_hint_is_read_from_the_message()
    {
        var bare = new TaskFailureDetails(typeof(TransientStepException).FullName!, RateLimited.Message, null, null, null);

        Assert.EndsWith("[retry-after=8s]", RateLimited.Message);
        Assert.Equal(TimeSpan.FromSeconds(8), TransientStepExceptionProperties.RetryAfter(bare));
        Assert.Null(TransientStepExceptionProperties.RetryAfter(
            new TaskFailureDetails(typeof(TransientStepException).FullName!, new TransientStepException("timed out").Message, null, null, null)));
        Assert.Equal("timed out", new TransientStepException("timed out").Message);
    }
}
