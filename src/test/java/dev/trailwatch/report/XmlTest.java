package dev.trailwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What JUnit and Checkstyle reports may carry from a user's file into XML 1.0. */
class XmlTest {
    @Test
    void markupCharactersAreEscaped() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;&#10;&#9;", Xml.escape("a <b> & \"c\" 'd'\n\t"));
    }

    @Test
    void charactersXmlCannotHoldAreDropped() {
        assertEquals("ab", Xml.escape("a\u0000\u001b\uFFFE\uFFFFb"));
        assertEquals("lone  and  surrogates", Xml.escape("lone \uD800 and \uDC00 surrogates"));
    }

    @Test
    void charactersOutsideTheBasicPlaneSurvive() {
        assertEquals("trail \uD83D\uDE80", Xml.escape("trail \uD83D\uDE80"));
    }
}
