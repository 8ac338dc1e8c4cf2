namespace CoachLoop.Bot.Telemetry;

/// <summary>The Prometheus scrape endpoint (<c>Telemetry:Prometheus</c>), off unless enabled.</summary>
public sealed class PrometheusSettings
{
    public bool Enabled { get; set; }

    public string Path { get; set; } = "/metrics";

    /// <summary>
    /// When set, the endpoint answers only on connections to this local port (listen on it too, e.g. ASPNETCORE_URLS
    /// "http://+:8080;http://+:9464", and expose it to the scraper only); on the public port the path is not found.
    /// </summary>
    public int? Port { get; set; }
}
