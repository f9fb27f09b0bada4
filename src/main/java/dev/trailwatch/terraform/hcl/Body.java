package dev.trailwatch.terraform.hcl;

import dev.trailwatch.source.Range;
import java.util.List;

/** The content of a file or a block: attributes and blocks in the order written. */
public record Body(List<Item> items, Range range) {
    /** An attribute or a block. */
    public sealed interface Item permits Attribute, Block {
        Range range();
    }

    /** {@code name = value}. */
    public record Attribute(String name, Range nameRange, Expression value, Range range) implements Item {}

    /** {@code type "label" label { body }}. */
    public record Block(String type, Range typeRange, List<Label> labels, Body body, Range range) implements Item {}

    /** A block label, quoted or bare. */
    public record Label(String value, Range range) {}

    public List<Attribute> attributes() {
        return items.stream().filter(Attribute.class::isInstance).map(Attribute.class::cast).toList();
    }

    public List<Block> blocks() {
        return items.stream().filter(Block.class::isInstance).map(Block.class::cast).toList();
    }

    /** The attribute of that name, or null. */
    public Attribute attribute(String name) {
        for (Item item : items) {
            if (item instanceof Attribute a && a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }
}
