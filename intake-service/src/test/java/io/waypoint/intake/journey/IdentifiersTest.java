package io.waypoint.intake.journey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"demo-clinic", "site-7", "MAPP1-ICF-5.0", "ICF-3.1", "fd-1b4e28ba-2fa1-11d2-883f-0016d3cca427",
            "demo-1b4e28ba-2fa1-11d2-883f-0016d3cca427", "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "urn:site:7", "a_b",
            "x", "A234567890123456789012345678901234567890123456789012345678901234"})
    void codesAreIdentifiers(String value) {
        assertThat(Identifiers.isCode(value)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Jane Doe", "Dr Referrer", "referred by Jane", "-site", ".site", "site/7", "site\n7",
            "jane@example.org", "Zoë", "A2345678901234567890123456789012345678901234567890123456789012345",
            "site 7"})
    void freeTextIsNot(String value) {
        assertThat(Identifiers.isCode(value)).isFalse();
    }
}
