package dev.trailwatch.report;

import dev.trailwatch.source.DisplayPaths;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The output formats, by the name {@code --format} takes, and how each report is made. */
public enum ReportFormat {
    TEXT("text"), JSON("json"), SARIF("sarif"), JUNIT("junit"), GITHUB("github"), CHECKSTYLE("checkstyle"),
    GITLAB_CODEQUALITY("gitlab-codequality");

    /** What the text report shows besides the findings; the other formats are fixed. */
    public record TextOptions(boolean showSource, boolean colour, boolean listSuppressions, DisplayPaths paths) {}

    private final String optionName;

    ReportFormat(String optionName) {
        this.optionName = optionName;
    }

    public String optionName() {
        return optionName;
    }

    public static Optional<ReportFormat> named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.optionName.equals(lower)).findFirst();
    }

    /** "text, json, …", for messages and completion. */
    public static String names() {
        return Arrays.stream(values()).map(ReportFormat::optionName).collect(Collectors.joining(", "));
    }

    public Report create(TextOptions text) {
        return switch (this) {
            case TEXT -> new TextReport(text.showSource(), text.colour(), text.paths(), text.listSuppressions());
            case JSON -> new JsonReport();
            case SARIF -> new SarifReport();
            case JUNIT -> new JunitReport();
            case GITHUB -> new GithubReport();
            case CHECKSTYLE -> new CheckstyleReport();
            case GITLAB_CODEQUALITY -> new GitlabCodeQualityReport();
        };
    }
}
