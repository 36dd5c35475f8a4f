using BenchmarkDotNet.Running;
using Harrier.Bench.Harness;
using Harrier.Bench.InProcess;

// Verbs: `scenarios` (the table bench/run prints), `inproc` (one in-process child run, used by the
// scenarios), `micro` (BenchmarkDotNet's own command line, for micro benchmarks).
return args.FirstOrDefault() switch
{
    "scenarios" => ScenariosCommand.Run(args[1..]),
    "inproc" => await InProcessCommand.RunAsync(args[1..], CancellationToken.None),
    "micro" => RunMicro(args[1..]),
    _ => Usage(),
};

static int RunMicro(string[] args)
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(ScenariosCommand).Assembly).Run(args);
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: Harrier.Bench scenarios [--quick] --harrier PATH [--results DIR] [--only ID,ID] [--repetitions N]");
    Console.Error.WriteLine("       Harrier.Bench micro [BenchmarkDotNet options]");
    Console.Error.WriteLine("       Harrier.Bench inproc sequential|throughput KIND SIZE [WORKERS]");
    return 2;
}
