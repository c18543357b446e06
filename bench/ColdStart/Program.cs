using System.Diagnostics;
using Gaia.Hub.FunctionsHost;

// Cold start of the Functions app: the time from the worker process's start to its first answered request (GET
// /hub_info through tests/Gaia.Hub.FunctionsHost), for each published app given, RUNS times each, the apps taking turns.
// App settings come from the environment (bench/cold-start.sh points them at Azurite).
//
// Usage: Gaia.Bench.ColdStart RUNS LABEL=APP_DIRECTORY [LABEL=APP_DIRECTORY ...]
if (args.Length < 2 || !int.TryParse(args[0], out var runs) || runs < 1)
{
    Console.Error.WriteLine("usage: Gaia.Bench.ColdStart RUNS LABEL=APP_DIRECTORY [LABEL=APP_DIRECTORY ...]");
    return 2;
}

var apps = args.Skip(1).Select(a => a.Split('=', 2)).Select(p => (Label: p[0], Directory: p[1])).ToList();
var times = apps.ToDictionary(a => a.Label, _ => new List<double>());
var log = new List<string>();
for (var run = 1; run <= runs; run++)
{
    foreach (var (label, directory) in apps)
    {
        log.Clear();
        await using var host = await FunctionsHost.StartAsync(new FunctionsHostOptions { AppDirectory = directory, Log = log.Add });
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        using var response = await client.GetAsync("hub_info");
        var elapsed = Stopwatch.GetElapsedTime(host.WorkerStartTimestamp).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"{label}: hub_info answered {(int)response.StatusCode}{Environment.NewLine}{string.Join(Environment.NewLine, log)}");
            return 1;
        }

        times[label].Add(elapsed);
        Console.WriteLine($"run {run} {label,-12} {elapsed,7:F0} ms");
    }
}

Console.WriteLine();
Console.WriteLine($"{"publish",-12} {"median",7} {"min",7} {"max",7}  (ms from worker process start to first answer, {runs} runs)");
foreach (var (label, values) in times)
{
    var sorted = values.Order().ToList();
    Console.WriteLine($"{label,-12} {sorted[sorted.Count / 2],7:F0} {sorted[0],7:F0} {sorted[^1],7:F0}");
}

return 0;
