package dev.trailwatch.terraform;

import dev.trailwatch.model.TextShape;
import java.util.Map;

/** What the AWS provider's data sources that describe where a configuration runs can hold. */
final class DataSources {
    private static final Map<String, TextShape> SHAPES = Map.ofEntries(
            Map.entry("aws_region.name", TextShape.REGION), Map.entry("aws_region.id", TextShape.REGION),
            Map.entry("aws_region.region", TextShape.REGION),
            Map.entry("aws_caller_identity.account_id", TextShape.ACCOUNT_ID),
            Map.entry("aws_caller_identity.id", TextShape.ACCOUNT_ID),
            Map.entry("aws_partition.partition", TextShape.PARTITION),
            Map.entry("aws_partition.id", TextShape.PARTITION),
            Map.entry("aws_partition.dns_suffix", TextShape.URL_SUFFIX));

    private DataSources() {}

    /** The shape of {@code data.TYPE.NAME.ATTRIBUTE}: anything, unless the attribute is one of those above. */
    static TextShape shape(String type, String attribute) {
        return attribute == null ? TextShape.ANY : SHAPES.getOrDefault(type + "." + attribute, TextShape.ANY);
    }
}
