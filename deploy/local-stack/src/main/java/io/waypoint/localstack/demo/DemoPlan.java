package io.waypoint.localstack.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** The demo patient's data and the offsets that place each fact in time; read from {@code demo-journey.properties}. */
public record DemoPlan(
        Patient patient,
        TimeOffset referralBeforeNow,
        TimeOffset screeningAfterReferral,
        int ptsdDurationMonths,
        int screeningCaps5Total,
        TimeOffset consentAfterScreening,
        String consentFormVersion,
        TimeOffset enrollmentAfterConsent,
        TimeOffset baselineBeforeEnrollment,
        int baselineCaps5Total,
        boolean pregnancyTestRequired,
        int dosingSessions,
        int integrationSessionsPerDosing,
        Dosing dosing,
        FollowUp followUp,
        Outcomes outcomes) {

    public record Patient(String siteId, String givenName, String familyName, LocalDate birthDate, String email,
                          String phone, String referrerName, String referrerOrganisation, String referralNote) {

        /** The body of {@code POST /api/v1/referrals} for this patient. */
        public java.util.Map<String, Object> referral(String referralId, java.time.Instant occurredAt) {
            return DemoJourney.json("referralId", referralId, "siteId", siteId, "givenName", givenName,
                    "familyName", familyName, "birthDate", birthDate.toString(), "email", email, "phone", phone,
                    "referrerName", referrerName, "referrerOrganisation", referrerOrganisation,
                    "referralNote", referralNote, "occurredAt", occurredAt);
        }
    }

    public record Checkpoint(TimeOffset afterStart, Vitals vitals) {
    }

    public record Dosing(TimeOffset preDoseCheckAfterStart, Vitals preDoseVitals, TimeOffset initialDoseAfterStart,
                         List<Integer> initialDosesMg, TimeOffset supplementalAfterStart, List<Checkpoint> vitals,
                         TimeOffset dischargeAfterStart, TimeOffset minimumMonitoringAfterInitialDose,
                         TimeOffset dischargeBeforeIntegration, String lotNumber) {

        /** The initial dose of dosing session {@code number} (1-based); the last one repeats if the list is short. */
        public int initialDoseMg(int number) {
            return initialDosesMg.get(Math.min(Math.max(number, 1), initialDosesMg.size()) - 1);
        }
    }

    public record FollowUp(List<Integer> checkInDays, TimeOffset checkInAfterDoseDay, String adverseEventTerm,
                           String adverseEventSeverity, TimeOffset adverseEventOnsetAfterInitialDose,
                           TimeOffset adverseEventReportedAfterInitialDose) {
    }

    public record Assessment(String timepoint, TimeOffset afterLastDose, int score) {
    }

    public record Outcomes(String raterId, String primaryInstrument, String primaryTimepoint,
                           TimeOffset primaryAfterBaseline, int primaryScore, List<Assessment> longTerm) {
    }

    public static final String RESOURCE = "demo-journey.properties";

    public static DemoPlan load() {
        try (InputStream in = DemoPlan.class.getResourceAsStream("/" + RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            return from(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public static DemoPlan from(Properties p) {
        Reader r = new Reader(p);
        return new DemoPlan(
                new Patient(r.text("patient.site-id"), r.text("patient.given-name"), r.text("patient.family-name"),
                        LocalDate.parse(r.text("patient.birth-date")), r.text("patient.email"),
                        r.text("patient.phone"), r.text("patient.referrer-name"),
                        r.text("patient.referrer-organisation"), r.text("patient.referral-note")),
                r.offset("referral.before-now"),
                r.offset("screening.after-referral"),
                r.integer("screening.ptsd-duration-months"),
                r.integer("screening.caps5-total"),
                r.offset("consent.after-screening"),
                r.text("consent.form-version"),
                r.offset("enrollment.after-consent"),
                r.offset("enrollment.baseline-before-enrollment"),
                r.integer("enrollment.baseline-caps5-total"),
                Boolean.parseBoolean(r.text("enrollment.pregnancy-test-required")),
                r.integer("course.dosing-sessions"),
                r.integer("course.integration-sessions-per-dosing"),
                new Dosing(r.offset("dosing.pre-dose-check-after-start"),
                        Vitals.parse(r.text("dosing.pre-dose-vitals")),
                        r.offset("dosing.initial-dose-after-start"),
                        r.list("dosing.initial-doses-mg").stream().map(Integer::valueOf).toList(),
                        r.offset("dosing.supplemental-after-start"),
                        r.list("dosing.vitals").stream().map(DemoPlan::checkpoint).toList(),
                        r.offset("dosing.discharge-after-start"),
                        r.offset("dosing.minimum-monitoring-after-initial-dose"),
                        r.offset("dosing.discharge-before-integration"),
                        r.text("dosing.lot-number")),
                new FollowUp(r.list("followup.check-in-days").stream().map(Integer::valueOf).toList(),
                        r.offset("followup.check-in-after-dose-day"),
                        r.text("followup.adverse-event.term"),
                        r.text("followup.adverse-event.severity"),
                        r.offset("followup.adverse-event.onset-after-initial-dose"),
                        r.offset("followup.adverse-event.reported-after-initial-dose")),
                new Outcomes(r.text("outcome.rater-id"), r.text("outcome.primary.instrument"),
                        r.text("outcome.primary.timepoint"), r.offset("outcome.primary.after-baseline"),
                        r.integer("outcome.primary.score"),
                        r.list("outcome.long-term").stream().map(DemoPlan::assessment).toList()));
    }

    private static Checkpoint checkpoint(String text) {
        String[] parts = text.trim().split("\\s+", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("a vitals checkpoint reads 'PT60M 136/85 86 36.9': " + text);
        }
        return new Checkpoint(TimeOffset.parse(parts[0]), Vitals.parse(parts[1]));
    }

    private static Assessment assessment(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 3) {
            throw new IllegalArgumentException("a long-term assessment reads 'LONG_TERM_6M P6M 16': " + text);
        }
        return new Assessment(parts[0], TimeOffset.parse(parts[1]), Integer.parseInt(parts[2]));
    }

    private record Reader(Properties properties) {
        String text(String key) {
            String value = properties.getProperty(key);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(RESOURCE + ": " + key + " is missing");
            }
            return value.trim();
        }

        int integer(String key) {
            return Integer.parseInt(text(key));
        }

        TimeOffset offset(String key) {
            return TimeOffset.parse(text(key));
        }

        List<String> list(String key) {
            return Arrays.stream(text(key).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }
}
