namespace MentorFunctions.Core.Commands;

/// <summary>A mentor's learned style in plain words (the lead implements it with Style's summary).</summary>
public interface IStyleDescriber
{
    Task<string> DescribeMentorAsync(string botEmail, long mentorId, CancellationToken ct);
}
