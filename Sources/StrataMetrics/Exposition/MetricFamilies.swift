import Prometheus

/// The metric names and help texts, cAdvisor's where it has one, so dashboards written for
/// cAdvisor (and the kubelet's /metrics/cadvisor) work unchanged. Every series carries
/// `id` (the cgroup path) and `name` (the container id); network series add `interface`,
/// block I/O series `device`.
/// Computed: swift-prometheus' descriptor type is not Sendable, so it cannot be a static constant.
enum MetricFamilies {
    static func named(_ name: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }

    static var cpuUsage: MetricNameDescriptor { named("container_cpu_usage_seconds_total", "Cumulative cpu time consumed in seconds.") }
    static var cpuUser: MetricNameDescriptor { named("container_cpu_user_seconds_total", "Cumulative user cpu time consumed in seconds.") }
    static var cpuSystem: MetricNameDescriptor { named("container_cpu_system_seconds_total", "Cumulative system cpu time consumed in seconds.") }
    static var cfsPeriods: MetricNameDescriptor { named("container_cpu_cfs_periods_total", "Number of elapsed enforcement period intervals.") }
    static var cfsThrottledPeriods: MetricNameDescriptor { named("container_cpu_cfs_throttled_periods_total", "Number of throttled period intervals.") }
    static var cfsThrottledSeconds: MetricNameDescriptor { named("container_cpu_cfs_throttled_seconds_total",
                                           "Total time duration the container has been throttled.") }
    static var cpuQuota: MetricNameDescriptor { named("container_spec_cpu_quota", "CPU quota of the container (microseconds per period, 0 when unlimited).") }
    static var cpuPeriod: MetricNameDescriptor { named("container_spec_cpu_period", "CPU period of the container (microseconds).") }

    static var memoryUsage: MetricNameDescriptor { named("container_memory_usage_bytes", "Current memory usage in bytes, including all memory regardless of when it was accessed.") }
    static var memoryWorkingSet: MetricNameDescriptor { named("container_memory_working_set_bytes", "Current working set in bytes (usage minus inactive file cache).") }
    static var memoryCache: MetricNameDescriptor { named("container_memory_cache", "Number of bytes of page cache memory.") }
    static var memoryRSS: MetricNameDescriptor { named("container_memory_rss", "Size of RSS (anonymous memory) in bytes.") }
    static var memorySwap: MetricNameDescriptor { named("container_memory_swap", "Container swap usage in bytes.") }
    static var memoryMaxUsage: MetricNameDescriptor { named("container_memory_max_usage_bytes", "Maximum memory usage recorded in bytes.") }
    static var memoryFailcnt: MetricNameDescriptor { named("container_memory_failcnt", "Number of memory usage hits limits.") }
    static var memoryLimit: MetricNameDescriptor { named("container_spec_memory_limit_bytes", "Memory limit for the container (0 when unlimited).") }
    static var oomEvents: MetricNameDescriptor { named("container_oom_events_total", "Count of out of memory events observed for the container.") }

    static var networkReceiveBytes: MetricNameDescriptor { named("container_network_receive_bytes_total", "Cumulative count of bytes received.") }
    static var networkReceivePackets: MetricNameDescriptor { named("container_network_receive_packets_total", "Cumulative count of packets received.") }
    static var networkReceiveErrors: MetricNameDescriptor { named("container_network_receive_errors_total", "Cumulative count of errors encountered while receiving.") }
    static var networkReceiveDropped: MetricNameDescriptor { named("container_network_receive_packets_dropped_total", "Cumulative count of packets dropped while receiving.") }
    static var networkTransmitBytes: MetricNameDescriptor { named("container_network_transmit_bytes_total", "Cumulative count of bytes transmitted.") }
    static var networkTransmitPackets: MetricNameDescriptor { named("container_network_transmit_packets_total", "Cumulative count of packets transmitted.") }
    static var networkTransmitErrors: MetricNameDescriptor { named("container_network_transmit_errors_total", "Cumulative count of errors encountered while transmitting.") }
    static var networkTransmitDropped: MetricNameDescriptor { named("container_network_transmit_packets_dropped_total", "Cumulative count of packets dropped while transmitting.") }

    static var fsReadBytes: MetricNameDescriptor { named("container_fs_reads_bytes_total", "Cumulative count of bytes read.") }
    static var fsWriteBytes: MetricNameDescriptor { named("container_fs_writes_bytes_total", "Cumulative count of bytes written.") }
    static var fsReads: MetricNameDescriptor { named("container_fs_reads_total", "Cumulative count of reads completed.") }
    static var fsWrites: MetricNameDescriptor { named("container_fs_writes_total", "Cumulative count of writes completed.") }

    static var pidsCurrent: MetricNameDescriptor { named("container_pids_current", "Number of processes and threads in the container.") }
    static var pidsLimit: MetricNameDescriptor { named("container_spec_pids_limit", "Maximum number of processes and threads (0 when unlimited).") }

    static var cpuWaiting: MetricNameDescriptor { named("container_pressure_cpu_waiting_seconds_total", "Total time duration tasks in the container have waited due to CPU congestion.") }
    static var cpuStalled: MetricNameDescriptor { named("container_pressure_cpu_stalled_seconds_total", "Total time duration no tasks in the container could make progress due to CPU congestion.") }
    static var memoryWaiting: MetricNameDescriptor { named("container_pressure_memory_waiting_seconds_total", "Total time duration tasks in the container have waited due to memory congestion.") }
    static var memoryStalled: MetricNameDescriptor { named("container_pressure_memory_stalled_seconds_total", "Total time duration no tasks in the container could make progress due to memory congestion.") }
    static var ioWaiting: MetricNameDescriptor { named("container_pressure_io_waiting_seconds_total", "Total time duration tasks in the container have waited due to IO congestion.") }
    static var ioStalled: MetricNameDescriptor { named("container_pressure_io_stalled_seconds_total", "Total time duration no tasks in the container could make progress due to IO congestion.") }

    static var lastSeen: MetricNameDescriptor { named("container_last_seen", "Last time a container was seen by the exporter (unix seconds).") }
    static var scrapeError: MetricNameDescriptor { named("container_scrape_error", "1 if there was an error while getting container metrics, 0 otherwise.") }
}
