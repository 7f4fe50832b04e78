using System.Collections.Concurrent;
using MentorFunctions.Tests.Fixtures.Loopback;

namespace MentorFunctions.Tests.EndToEnd;

/// <summary>
/// Fails a share of the loopback Zulip's and model's calls, seeded: 40% of the failures are 429 with a Retry-After,
/// 40% are 500s, 20% are timeouts (an answer slower than the client's timeout). Half of the failed send-message calls
/// store the message anyway (the POST reached Zulip, the answer was lost): the case that tempts a retry to post twice.
/// </summary>
public sealed class RandomFaults(int seed, double rate, TimeSpan timeoutDelay)
{
    private readonly Random _random = new(seed);
    private readonly object _gate = new();

    public ConcurrentDictionary<string, int> Injected { get; } = new();
    public int Calls { get; private set; }

    public int Total => Injected.Values.Sum();

    public void Attach(LoopbackZulipServer zulip, LoopbackOpenAIServer model)
    {
        zulip.FaultInjector = ForZulip;
        model.FaultInjector = ForModel;
    }

    private (int Kind, bool StoreAnyway)? Draw()
    {
        lock (_gate)
        {
            Calls++;
            var r = _random.NextDouble();
            if (r >= rate) return null;
            var kind = r < rate * 0.4 ? 429 : r < rate * 0.8 ? 500 : 0;
            return (kind, _random.NextDouble() < 0.5);
        }
    }

    public ZulipFault? ForZulip(string operation)
    {
        if (Draw() is not { } fault) return null;
        var storeAnyway = fault.StoreAnyway && fault.Kind != 429 && operation == "send-message";
        Injected.AddOrUpdate($"zulip {operation} {Name(fault.Kind)}{(storeAnyway ? " (stored)" : "")}", 1, (_, n) => n + 1);
        return fault.Kind switch
        {
            429 => LoopbackZulipServer.RateLimited("1"),
            500 => LoopbackZulipServer.ServerError(storeAnyway),
            _ => new ZulipFault(504, "<html><body>Gateway timeout</body></html>", StoreAnyway: storeAnyway, Delay: timeoutDelay),
        };
    }

    public ChatReply? ForModel()
    {
        if (Draw() is not { } fault) return null;
        Injected.AddOrUpdate($"model {Name(fault.Kind)}", 1, (_, n) => n + 1);
        return fault.Kind switch
        {
            429 => LoopbackOpenAIServer.Error(429, "429", "Rate limit exceeded", new Dictionary<string, string> { ["Retry-After"] = "1" }),
            500 => LoopbackOpenAIServer.Error(500, "server_error", "The server had an error"),
            _ => LoopbackOpenAIServer.Completion("too late") with { Delay = timeoutDelay },
        };
    }

    private static string Name(int kind) => kind == 0 ? "timeout" : kind.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
