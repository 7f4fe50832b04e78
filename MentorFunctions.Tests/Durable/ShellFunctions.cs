using System.Reflection;
using MentorFunctions.Core.Conversations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFunctions.Tests.Durable;

/// <summary>
/// Registers the Functions shell's own orchestrator and activity functions (every <c>[Function]</c> method with an
/// <c>[OrchestrationTrigger]</c> or <c>[ActivityTrigger]</c> parameter in the MentorFunctions assembly) on a Durable Task
/// registry, by their function names, as the Functions host would. A new activity in the shell is picked up with no test
/// change; the function classes are created from the worker's DI, as the isolated worker does. Orchestrators get a
/// FunctionContext over the same services (<paramref name="services"/> of <see cref="Register"/>: the test host's
/// registry has no service-aware orchestrator factory, so the app hands its provider over once the host is up).
/// </summary>
public static class ShellFunctions
{
    public static Assembly Shell => typeof(ConversationOrchestrator).Assembly;

    public static IReadOnlyList<(string Name, MethodInfo Method)> Orchestrators => Find<OrchestrationTriggerAttribute>();

    public static IReadOnlyList<(string Name, MethodInfo Method)> Activities => Find<ActivityTriggerAttribute>();

    public static void Register(DurableTaskRegistry registry, Func<IServiceProvider> services)
    {
        foreach (var (name, method) in Orchestrators)
            registry.AddOrchestrator(name, () => new ShellOrchestrator(method, services));
        foreach (var (name, method) in Activities)
            registry.AddActivity(name, services => new ShellActivity(method, services));
    }

    private static List<(string, MethodInfo)> Find<TTrigger>() where TTrigger : Attribute =>
        [.. Shell.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null && m.GetParameters().Any(p => p.GetCustomAttribute<TTrigger>() is not null))
            .Select(m => (m.GetCustomAttribute<FunctionAttribute>()!.Name, m))];

    private static Type ResultType(MethodInfo method) =>
        method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>)
            ? method.ReturnType.GetGenericArguments()[0]
            : typeof(object);

    // No ConfigureAwait(false): orchestrator code must resume on the orchestration's own scheduler, or the worker
    // reports the episode before the orchestrator has finished it.
    private static async Task<object?> AwaitResult(MethodInfo method, object? returned)
    {
        if (returned is not Task task)
            return returned;
        await task;
        return ResultType(method) == typeof(object) ? null : task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task);
    }

    private static object? Unwrap(Func<object?> call)
    {
        try
        {
            return call();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private sealed class ShellOrchestrator(MethodInfo method, Func<IServiceProvider> services) : ITaskOrchestrator
    {
        public Type InputType => method.GetParameters()
            .Single(p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is null && p.ParameterType != typeof(FunctionContext)).ParameterType;

        public Type OutputType => ResultType(method);

        public Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
        {
            if (!method.IsStatic)
                throw new NotSupportedException($"{method.Name}: orchestrators in the shell are static.");
            var args = method.GetParameters()
                .Select(p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null ? context
                    : p.ParameterType == typeof(FunctionContext) ? new ShellFunctionContext(services(), context.InstanceId)
                    : input)
                .ToArray();
            return AwaitResult(method, Unwrap(() => method.Invoke(null, args)));
        }
    }

    private sealed class ShellActivity(MethodInfo method, IServiceProvider services) : ITaskActivity
    {
        public Type InputType => method.GetParameters().Single(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null).ParameterType;

        public Type OutputType => ResultType(method);

        public Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            var target = method.IsStatic ? null : ActivatorUtilities.GetServiceOrCreateInstance(services, method.DeclaringType!);
            var functionContext = new ShellFunctionContext(services, context.InstanceId);
            var args = method.GetParameters()
                .Select(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null ? input
                    : p.ParameterType == typeof(FunctionContext) ? functionContext
                    : p.ParameterType == typeof(CancellationToken) ? (object)CancellationToken.None
                    : throw new NotSupportedException($"{method.Name}: parameter {p.Name} is not bound in the test host."))
                .ToArray();
            return AwaitResult(method, Unwrap(() => method.Invoke(target, args)));
        }
    }

    /// <summary>The little of a Functions invocation the shell's functions read: its services and cancellation token.</summary>
    private static long s_invocations;

    private sealed class ShellFunctionContext(IServiceProvider services, string instanceId) : FunctionContext
    {
        public override string InvocationId { get; } = Interlocked.Increment(ref s_invocations).ToString(System.Globalization.CultureInfo.InvariantCulture);
        public override string FunctionId => instanceId;
        public override TraceContext TraceContext => throw new NotSupportedException();
        public override BindingContext BindingContext => throw new NotSupportedException();
        public override Microsoft.Azure.Functions.Worker.RetryContext RetryContext => throw new NotSupportedException();
        public override IServiceProvider InstanceServices { get; set; } = services;
        public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();
        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();
        public override Microsoft.Azure.Functions.Worker.IInvocationFeatures Features => throw new NotSupportedException();
        public override CancellationToken CancellationToken => CancellationToken.None;
    }
}
