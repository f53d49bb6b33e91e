package io.github.qlikevents.it;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every org.apache.camel jar on the user project's classpath has the Camel version the project asks for
 * (expected.camel.version), but the modules this registry does not serve at that version (camel.pinned.modules,
 * comma-separated artifact ids, pinned to the nearest served version as the README says).
 */
class OneCamelVersionTest {

    private static final Pattern CAMEL_JAR = Pattern.compile(".*/org/apache/camel/([^/]+)/([^/]+)/\\1-\\2\\.jar");

    @Test
    void everyCamelJarButThePinnedOnesHasTheProjectsCamelVersion() {
        String expected = System.getProperty("expected.camel.version");
        Set<String> pinned = Set.of(System.getProperty("camel.pinned.modules", "").split(","));
        List<Matcher> camelJars = Arrays.stream(System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")).split(File.pathSeparator))
                .map(path -> CAMEL_JAR.matcher(path.replace(File.separatorChar, '/'))).filter(Matcher::matches)
                .toList();

        assertFalse(camelJars.isEmpty(), "no Camel jar on the classpath");
        List<String> others = camelJars.stream().filter(jar -> !pinned.contains(jar.group(1)))
                .filter(jar -> !jar.group(2).equals(expected)).map(jar -> jar.group(1) + "-" + jar.group(2)).toList();
        assertEquals(List.of(), others, "Camel jars of another version than " + expected);
    }
}
