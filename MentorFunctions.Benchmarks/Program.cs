using BenchmarkDotNet.Running;

// Run one hot path: dotnet run -c Release --project MentorFunctions.Benchmarks -- --filter '*Intake*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
