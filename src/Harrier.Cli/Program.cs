using Harrier.Cli;

return HarrierCli.Run(args);
