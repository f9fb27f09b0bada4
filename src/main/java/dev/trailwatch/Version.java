package dev.trailwatch;

/** The product's version, shown by --version and in every report. Keep equal to pom.xml's. */
public final class Version {
    public static final String VALUE = "0.1.0";

    private Version() {}
}
