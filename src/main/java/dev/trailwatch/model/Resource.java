package dev.trailwatch.model;

import dev.trailwatch.source.Location;

/**
 * A declared resource. {@code address} is what the user calls it: the CloudFormation logical
 * id or the Terraform address. {@code declaration} is where it is declared (logical id key,
 * or the resource block's header), where findings about missing attributes point.
 * {@code sourceDeclaration}, when not null, is where a resource read from generated output (a
 * Terraform plan) is written in the configuration the output came from. {@code region} is the
 * AWS region it is deployed to when that is known statically (a Terraform provider's literal
 * region), else null.
 */
public record Resource(String type, String name, String address, Location declaration, Value.MapValue properties,
        Location sourceDeclaration, String region) {
    public Resource(String type, String name, String address, Location declaration, Value.MapValue properties) {
        this(type, name, address, declaration, properties, null, null);
    }

    /**
     * Identity: each resource (instance) is declared once, and comparing property values would walk
     * every path through shared conditional values, which can double with each local.
     */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    public Value.Entry property(String key) {
        return properties == null ? null : properties.entry(key);
    }
}
