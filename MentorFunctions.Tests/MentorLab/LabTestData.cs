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
}
