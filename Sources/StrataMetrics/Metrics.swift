/// Placeholder until metrics land (issue 8).
public enum MetricsModule {}
