using global::MentorLab.Cli;

namespace MentorFunctions.Tests.MentorLab;

/// <summary>Paths to the small export fixture written for these tests, and scratch folders.</summary>
internal static class LabTestData
{
    /// <summary>Three invented authors (120 messages, two files overlapping by five messages; one file is a GET /messages answer).</summary>
    public static string ExportFolder => Path.Combine(AppContext.BaseDirectory, "TestData", "MentorLab", "export");

    public static string TempFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "mentor-lab-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static string WriteFile(string folder, string name, string json)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>Runs mentor-lab as its Program does, capturing what it writes to stdout and stderr.</summary>
    public static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await LabCommandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
