package dev.trailwatch.rules;

import dev.trailwatch.model.Resource;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.model.aws.Alarm;
import dev.trailwatch.model.aws.LogGroup;
import dev.trailwatch.model.aws.MetricFilter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model's metric filters by the log group they read and its alarms by the metric they watch,
 * built once per model, so that each trail looks up its own instead of scanning them all. A filter
 * or alarm whose target is not known statically is a candidate for every log group or metric, as
 * TW004 counts what cannot be known as matching.
 */
final class MonitoringIndex {
    private final Map<Resource, List<MetricFilter>> filtersByGroup = new IdentityHashMap<>();
    private final Map<String, List<MetricFilter>> filtersByName = new HashMap<>();
    private final List<MetricFilter> filtersOfAnyGroup = new ArrayList<>();
    private final Map<MetricFilter, Integer> filterOrder = new IdentityHashMap<>();
    private final Map<String, List<Alarm>> alarmsByMetric = new HashMap<>();
    private final List<Alarm> alarmsOfAnyMetric = new ArrayList<>();
    private final List<Alarm> alarms;
    private final Map<Alarm, Integer> alarmOrder = new IdentityHashMap<>();

    static MonitoringIndex of(ResourceModel model) {
        return model.derived(MonitoringIndex.class, MonitoringIndex::new);
    }

    private MonitoringIndex(ResourceModel model) {
        for (MetricFilter filter : model.metricFilters()) {
            filterOrder.put(filter, filterOrder.size());
            if (!filter.logGroupName().isPresent()) {
                continue; // reads nothing
            }
            for (ValuePaths.Leaf leaf : ValuePaths.leaves(filter.logGroupName().value())) {
                Value v = leaf.value();
                if (v instanceof Value.Reference r) {
                    Resource target = model.resource(r.target());
                    if (target != null) {
                        filtersByGroup.computeIfAbsent(target, k -> new ArrayList<>()).add(filter);
                    }
                } else if (v instanceof Value.Text t && !t.text().isEmpty()) {
                    filtersByName.computeIfAbsent(t.text(), k -> new ArrayList<>()).add(filter);
                } else {
                    filtersOfAnyGroup.add(filter);
                }
            }
        }
        alarms = model.alarms();
        for (Alarm alarm : alarms) {
            alarmOrder.put(alarm, alarmOrder.size());
            List<MetricFilter.Metric> watched = watched(alarm);
            if (watched == null) {
                alarmsOfAnyMetric.add(alarm);
                continue;
            }
            for (MetricFilter.Metric metric : watched) {
                String key = key(metric);
                if (key == null) {
                    alarmsOfAnyMetric.add(alarm);
                } else {
                    alarmsByMetric.computeIfAbsent(key, k -> new ArrayList<>()).add(alarm);
                }
            }
        }
    }

    /**
     * The metrics an alarm watches: its own metric, or those its metric-math queries read; null for
     * metric math whose metrics cannot be read (it may watch any).
     */
    static List<MetricFilter.Metric> watched(Alarm alarm) {
        List<MetricFilter.Metric> watched = new ArrayList<>();
        if (alarm.metricName().isPresent()) {
            watched.add(new MetricFilter.Metric(alarm.metricName().value(), alarm.namespace().value()));
        } else if (alarm.metricQueries().isPresent()) {
            watched.addAll(alarm.queriedMetrics());
            if (watched.isEmpty()) {
                return null;
            }
        }
        return watched;
    }

    /** The filters that read this log group, in the model's order. */
    List<MetricFilter> filters(LogGroup group) {
        // By identity (the same filter from two lists): sorted below, and a filter's value is never hashed.
        Set<MetricFilter> out = Collections.newSetFromMap(new IdentityHashMap<>());
        out.addAll(filtersByGroup.getOrDefault(group.resource(), List.of()));
        String name = group.name().isPresent() ? Values.scalarText(group.name().value()) : null;
        if (name != null) {
            out.addAll(filtersByName.getOrDefault(name, List.of()));
        }
        out.addAll(filtersOfAnyGroup);
        List<MetricFilter> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparingInt(filterOrder::get));
        return sorted;
    }

    /** The alarms that may watch one of these filters' metrics, in the model's order (the rule checks each). */
    List<Alarm> alarms(List<MetricFilter> filters) {
        Set<Alarm> out = Collections.newSetFromMap(new IdentityHashMap<>());
        out.addAll(alarmsOfAnyMetric);
        for (MetricFilter filter : filters) {
            for (MetricFilter.Metric metric : filter.metrics()) {
                String key = key(metric);
                if (key == null) {
                    return alarms; // a metric not known statically may be any alarm's
                }
                out.addAll(alarmsByMetric.getOrDefault(key, List.of()));
            }
        }
        List<Alarm> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparingInt(alarmOrder::get));
        return sorted;
    }

    /** A metric's name and namespace when both are known (a missing namespace is its own key), else null. */
    private static String key(MetricFilter.Metric metric) {
        String name = metric.name() == null ? "" : Values.scalarText(metric.name());
        String namespace = metric.namespace() == null ? "" : Values.scalarText(metric.namespace());
        return name == null || namespace == null ? null : name + "\n" + namespace;
    }
}
