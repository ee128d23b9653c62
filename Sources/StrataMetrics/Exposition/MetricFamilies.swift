import Prometheus

/// The metric names and help texts, cAdvisor's where it has one, so dashboards written for
/// cAdvisor (and the kubelet's /metrics/cadvisor) work unchanged. Every series carries
/// `id` (the cgroup path) and `name` (the container id); network series add `interface`,
/// block I/O series `device`.
enum MetricFamilies {
    static func named(_ name: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }

    static let cpuUsage = named("container_cpu_usage_seconds_total", "Cumulative cpu time consumed in seconds.")
    static let cpuUser = named("container_cpu_user_seconds_total", "Cumulative user cpu time consumed in seconds.")
    static let cpuSystem = named("container_cpu_system_seconds_total", "Cumulative system cpu time consumed in seconds.")
    static let cfsPeriods = named("container_cpu_cfs_periods_total", "Number of elapsed enforcement period intervals.")
    static let cfsThrottledPeriods = named("container_cpu_cfs_throttled_periods_total", "Number of throttled period intervals.")
    static let cfsThrottledSeconds = named("container_cpu_cfs_throttled_seconds_total",
                                           "Total time duration the container has been throttled.")
    static let cpuQuota = named("container_spec_cpu_quota", "CPU quota of the container (microseconds per period, 0 when unlimited).")
    static let cpuPeriod = named("container_spec_cpu_period", "CPU period of the container (microseconds).")

    static let memoryUsage = named("container_memory_usage_bytes", "Current memory usage in bytes, including all memory regardless of when it was accessed.")
    static let memoryWorkingSet = named("container_memory_working_set_bytes", "Current working set in bytes (usage minus inactive file cache).")
    static let memoryCache = named("container_memory_cache", "Number of bytes of page cache memory.")
    static let memoryRSS = named("container_memory_rss", "Size of RSS (anonymous memory) in bytes.")
    static let memorySwap = named("container_memory_swap", "Container swap usage in bytes.")
    static let memoryMaxUsage = named("container_memory_max_usage_bytes", "Maximum memory usage recorded in bytes.")
    static let memoryFailcnt = named("container_memory_failcnt", "Number of memory usage hits limits.")
    static let memoryLimit = named("container_spec_memory_limit_bytes", "Memory limit for the container (0 when unlimited).")
    static let oomEvents = named("container_oom_events_total", "Count of out of memory events observed for the container.")

    static let networkReceiveBytes = named("container_network_receive_bytes_total", "Cumulative count of bytes received.")
    static let networkReceivePackets = named("container_network_receive_packets_total", "Cumulative count of packets received.")
    static let networkReceiveErrors = named("container_network_receive_errors_total", "Cumulative count of errors encountered while receiving.")
    static let networkReceiveDropped = named("container_network_receive_packets_dropped_total", "Cumulative count of packets dropped while receiving.")
    static let networkTransmitBytes = named("container_network_transmit_bytes_total", "Cumulative count of bytes transmitted.")
    static let networkTransmitPackets = named("container_network_transmit_packets_total", "Cumulative count of packets transmitted.")
    static let networkTransmitErrors = named("container_network_transmit_errors_total", "Cumulative count of errors encountered while transmitting.")
    static let networkTransmitDropped = named("container_network_transmit_packets_dropped_total", "Cumulative count of packets dropped while transmitting.")

    static let fsReadBytes = named("container_fs_reads_bytes_total", "Cumulative count of bytes read.")
    static let fsWriteBytes = named("container_fs_writes_bytes_total", "Cumulative count of bytes written.")
    static let fsReads = named("container_fs_reads_total", "Cumulative count of reads completed.")
    static let fsWrites = named("container_fs_writes_total", "Cumulative count of writes completed.")

    static let pidsCurrent = named("container_pids_current", "Number of processes and threads in the container.")
    static let pidsLimit = named("container_spec_pids_limit", "Maximum number of processes and threads (0 when unlimited).")

    static let cpuWaiting = named("container_pressure_cpu_waiting_seconds_total", "Total time duration tasks in the container have waited due to CPU congestion.")
    static let cpuStalled = named("container_pressure_cpu_stalled_seconds_total", "Total time duration no tasks in the container could make progress due to CPU congestion.")
    static let memoryWaiting = named("container_pressure_memory_waiting_seconds_total", "Total time duration tasks in the container have waited due to memory congestion.")
    static let memoryStalled = named("container_pressure_memory_stalled_seconds_total", "Total time duration no tasks in the container could make progress due to memory congestion.")
    static let ioWaiting = named("container_pressure_io_waiting_seconds_total", "Total time duration tasks in the container have waited due to IO congestion.")
    static let ioStalled = named("container_pressure_io_stalled_seconds_total", "Total time duration no tasks in the container could make progress due to IO congestion.")

    static let lastSeen = named("container_last_seen", "Last time a container was seen by the exporter (unix seconds).")
    static let scrapeError = named("container_scrape_error", "1 if there was an error while getting container metrics, 0 otherwise.")
}
