package dev.trailwatch.cloudformation;

import dev.trailwatch.document.DocumentParser;
import dev.trailwatch.document.YamlDialect;
import dev.trailwatch.model.Value;
import dev.trailwatch.source.InputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * YAML as CloudFormation reads it: the short forms of intrinsic functions become the long form
 * ({@code !Ref X} is {@code {"Ref": "X"}}), and what CloudFormation refuses (aliases, merge keys,
 * tags on keys, unknown tags, several documents) is an error at its position. Intrinsic
 * functions are not interpreted here.
 */
public final class CloudFormationYaml implements YamlDialect {
    public static final CloudFormationYaml DIALECT = new CloudFormationYaml();

    /** Tags that CloudFormation accepts, mapped to the long form's key. */
    private static final Map<String, String> SHORT_FORMS = shortForms();

    /**
     * The AWS Rain tool's pre-processor directives ({@code !Rain::Embed}, {@code !Rain::Module}):
     * templates that use them are deployed through Rain, and cfn-lint reads them too.
     */
    private static final String RAIN_DIRECTIVE = "!Rain::";

    private CloudFormationYaml() {}

    /** A template's text, JSON or YAML, as a value tree. */
    public static Value parse(String text) throws InputException {
        return DocumentParser.parse(text, DIALECT);
    }

    @Override
    public String refusedBy() {
        return "CloudFormation";
    }

    @Override
    public String documentName() {
        return "a template";
    }

    @Override
    public Value tagged(String tag, Value plain) throws InputException {
        String longForm = SHORT_FORMS.get(tag);
        if (longForm == null && tag.startsWith(RAIN_DIRECTIVE)) {
            longForm = tag.substring(1); // left for Rain to expand; its value is unknown to us
        }
        if (longForm == null) {
            throw new InputException("unknown tag " + tag
                    + ": CloudFormation accepts only the short forms of its intrinsic functions", plain.range().start());
        }
        Map<String, Value.Entry> entries = new LinkedHashMap<>(2);
        entries.put(longForm, new Value.Entry(longForm, plain.range(), plain));
        return new Value.MapValue(entries, plain.range());
    }

    private static Map<String, String> shortForms() {
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("!Ref", "Ref");
        forms.put("!Condition", "Condition");
        // Intrinsic functions, condition functions and the functions of a template's Rules section.
        for (String fn : List.of("And", "Base64", "Cidr", "Contains", "EachMemberEquals", "EachMemberIn", "Equals",
                "FindInMap", "ForEach", "GetAtt", "GetAZs", "If", "ImportValue", "Join", "Length", "Not", "Or",
                "RefAll", "Select", "Split", "Sub", "ToJsonString", "Transform", "ValueOf", "ValueOfAll")) {
            forms.put("!" + fn, "Fn::" + fn);
        }
        return Map.copyOf(forms);
    }

}
