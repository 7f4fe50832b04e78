using MentorLab.Cli;

// mentor-lab <verb> [options]; `mentor-lab help` lists the verbs.
return await LabCommandLine.RunAsync(args, Console.Out, Console.Error);
