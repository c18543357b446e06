using OpenTelemetry.Metrics;

namespace Gaia.Hub.Tests.Telemetry;

/// <summary>Reads what an in-memory metric exporter collected: sums and counts of the points that carry given tags.</summary>
internal static class MetricPoints
{
    public static long Sum(IEnumerable<Metric> metrics, string name, params (string Key, object Value)[] tags) =>
        Points(metrics, name, tags).Sum(point => point.GetSumLong());

    public static long HistogramCount(IEnumerable<Metric> metrics, string name, params (string Key, object Value)[] tags) =>
        Points(metrics, name, tags).Sum(point => point.GetHistogramCount());

    private static List<MetricPoint> Points(IEnumerable<Metric> metrics, string name, (string Key, object Value)[] tags)
    {
        var found = new List<MetricPoint>();
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var pointTags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    pointTags[tag.Key] = tag.Value;
                }

                if (tags.All(t => pointTags.TryGetValue(t.Key, out var value) && Equals(value?.ToString(), t.Value.ToString())))
                {
                    found.Add(point);
                }
            }
        }

        return found;
    }
}
