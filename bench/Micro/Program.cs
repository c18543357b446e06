using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Gaia.Bench.Micro;

// Micro-benchmarks of the hub's per-request crypto. Runs in process (no generated project to build), so it works from
// any output folder. Usage: Gaia.Bench.Micro [--artifacts DIR] [BenchmarkDotNet options, e.g. --filter *Address*]
var artifacts = Path.Join(Path.GetTempPath(), "gaia-bench-micro");
if (args is ["--artifacts", var folder, ..])
{
    (artifacts, args) = (folder, args[2..]);
}

var config = DefaultConfig.Instance
    .WithArtifactsPath(artifacts)
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10));
BenchmarkSwitcher.FromAssembly(typeof(TokenBenchmarks).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
