namespace MentorLab.Cli;

/// <summary>A command line that cannot be run: unknown verb or option, a missing or malformed value. Exit code 2.</summary>
public sealed class LabUsageException(string message) : Exception(message);
