using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using MentorFunctions.Core.Commands;
using MentorFunctions.Core.Storage;

namespace MentorFunctions.Tests.Commands;

internal sealed class FixedStyleDescriber(string text = "Short, friendly answers with a question back.") : IStyleDescriber
{
    public List<(string Bot, long MentorId)> Calls { get; } = [];

    /// <summary>The language each description was asked for.</summary>
    public List<string> Languages { get; } = [];

    public Task<string> DescribeMentorAsync(string botEmail, long mentorId, string language, CancellationToken ct)
    {
        lock (Calls) { Calls.Add((botEmail, mentorId)); Languages.Add(language); }
        return Task.FromResult(text);
    }
}

internal sealed class RecordingDraftPoster : IDraftPoster
{
    private long _nextId = 1000;
    public ConcurrentQueue<(string Bot, long MentorId, long StudentId, string Content, bool Edited)> Posts { get; } = new();
    public bool Fail { get; set; }

    public Task<long> PostAsync(string bot, long mentorId, long studentId, string content, bool editedByMentor)
    {
        if (Fail) throw new HttpRequestException("Zulip unreachable");
        Posts.Enqueue((bot, mentorId, studentId, content, editedByMentor));
        return Task.FromResult(Interlocked.Increment(ref _nextId));
    }
}

internal sealed class RecordingFeedbackSink : IDraftFeedbackSink
{
    public ConcurrentQueue<(string Bot, long MentorId, long StudentId, string Original, string Edited)> Edits { get; } = new();

    public Task OnEditedAsync(string bot, long mentorId, long studentId, string original, string edited, long postedMessageId)
    {
        Edits.Enqueue((bot, mentorId, studentId, original, edited));
        return Task.CompletedTask;
    }
}
