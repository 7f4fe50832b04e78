namespace MentorFunctions.Core.Commands;

/// <summary>A mentor's learned style in plain words (the lead implements it with Style's summary).</summary>
public interface IStyleDescriber
{
    /// <param name="language">The reader's language (the `status` answer's); the dashboard reads English.</param>
    Task<string> DescribeMentorAsync(string botEmail, long mentorId, string language, CancellationToken ct);
}
