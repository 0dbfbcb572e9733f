package io.waypoint.schemas;

import io.waypoint.events.common.Envelope;
import io.waypoint.events.common.ProtocolRef;
import io.waypoint.events.followup.AdverseEventReported;
import io.waypoint.events.followup.AdverseEventSeverity;
import io.waypoint.events.followup.CheckInRecorded;
import io.waypoint.events.followup.Instrument;
import io.waypoint.events.followup.JourneyCompleted;
import io.waypoint.events.followup.ObligationMet;
import io.waypoint.events.followup.ObligationOpened;
import io.waypoint.events.followup.ObligationOverdue;
import io.waypoint.events.followup.OutcomeAssessmentRecorded;
import io.waypoint.events.followup.SafetyHoldPlaced;
import io.waypoint.events.followup.SafetyHoldReleased;
import io.waypoint.events.frontdesk.PatientDetailsUpdated;
import io.waypoint.events.frontdesk.ReferralReceived;
import io.waypoint.events.intake.ConsentRecorded;
import io.waypoint.events.intake.CssrsScreen;
import io.waypoint.events.intake.EligibilityDetermined;
import io.waypoint.events.intake.JourneyWithdrawn;
import io.waypoint.events.intake.PatientEnrolled;
import io.waypoint.events.intake.PatientReferred;
import io.waypoint.events.intake.ScreeningRecorded;
import io.waypoint.events.notifications.DeliveryChannel;
import io.waypoint.events.notifications.NotificationDelivered;
import io.waypoint.events.notifications.NotificationDeliveryFailed;
import io.waypoint.events.notifications.NotificationKind;
import io.waypoint.events.notifications.NotificationPriority;
import io.waypoint.events.notifications.TherapistNotificationIssued;
import io.waypoint.events.scheduling.CareTeamAssigned;
import io.waypoint.events.scheduling.DoseAdministered;
import io.waypoint.events.scheduling.DoseKind;
import io.waypoint.events.scheduling.DosingSessionAborted;
import io.waypoint.events.scheduling.DosingSessionCompleted;
import io.waypoint.events.scheduling.PreDoseCheckRecorded;
import io.waypoint.events.scheduling.SessionCancelled;
import io.waypoint.events.scheduling.SessionCheckedIn;
import io.waypoint.events.scheduling.SessionCompleted;
import io.waypoint.events.scheduling.SessionKind;
import io.waypoint.events.scheduling.SessionMissed;
import io.waypoint.events.scheduling.SessionRescheduled;
import io.waypoint.events.scheduling.SessionScheduled;
import io.waypoint.events.scheduling.VitalSignsRecorded;
import io.waypoint.events.visits.AppointmentCancellationRequested;
import io.waypoint.events.visits.AppointmentCheckedIn;
import io.waypoint.events.visits.AppointmentNoShow;
import io.waypoint.events.visits.AppointmentRescheduleRequested;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** One realistic record of every catalogue type, following one synthetic patient through a mapp1 journey. */
final class SampleEvents {

    static final String JOURNEY = "j-7f3c9a52";
    static final String REFERRAL = "ref-2026-00417";
    static final String LEAD_THERAPIST = "th-lead-014";
    static final String CO_THERAPIST = "th-co-022";
    static final String DOSING_APPOINTMENT = "apt-dose-1-5521";
    static final Instant BASELINE = Instant.parse("2026-03-02T09:00:00Z");

    private SampleEvents() {
    }

    static Envelope envelope(String source, String journeyId, Instant occurredAt) {
        return Envelope.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes((source + journeyId + occurredAt).getBytes()))
                .setJourneyId(journeyId)
                .setOccurredAt(occurredAt)
                .setRecordedAt(occurredAt.plusMillis(412))
                .setProtocol(journeyId == null ? null : ProtocolRef.newBuilder()
                        .setProfile("mapp1").setVersion("2024-1").build())
                .setSource(source)
                .setCorrelationId("corr-" + REFERRAL)
                .setCausationId(journeyId == null ? null : UUID.nameUUIDFromBytes(source.getBytes()).toString())
                .build();
    }

    private static Envelope intake(int days) {
        return envelope("intake-service", JOURNEY, BASELINE.plus(Duration.ofDays(days)));
    }

    private static Envelope scheduling(int days) {
        return envelope("scheduling-service", JOURNEY, BASELINE.plus(Duration.ofDays(days)));
    }

    private static Envelope followup(int days) {
        return envelope("followup-service", JOURNEY, BASELINE.plus(Duration.ofDays(days)));
    }

    private static Envelope frontDesk(String journeyId, int days) {
        return envelope("frontdesk-clinic-north", journeyId, BASELINE.plus(Duration.ofDays(days)));
    }

    private static Instant at(int days, int hour) {
        return BASELINE.plus(Duration.ofDays(days)).plus(Duration.ofHours(hour - 9));
    }

    /** One record of every catalogue type. */
    static List<SpecificRecord> all() {
        return List.of(
                ReferralReceived.newBuilder().setEnvelope(frontDesk(null, -40)).setReferralId(REFERRAL)
                        .setSiteId("site-north").setGivenName("Alex").setFamilyName("Example")
                        .setBirthDate(LocalDate.of(1984, 5, 17)).setEmail("alex@example.org").setPhone("+44 20 7946 0958")
                        .setReferrerName("Dr. R. Referrer").setReferrerOrganisation("North Community Mental Health")
                        .setReferralNote("Chronic PTSD after a road traffic collision; two failed SSRI trials.").build(),
                PatientDetailsUpdated.newBuilder().setEnvelope(frontDesk(null, -38)).setReferralId(REFERRAL)
                        .setGivenName(null).setFamilyName(null).setBirthDate(null)
                        .setEmail("alex.example@example.org").setPhone(null).build(),
                AppointmentCheckedIn.newBuilder().setEnvelope(frontDesk(JOURNEY, 28))
                        .setAppointmentId(DOSING_APPOINTMENT).build(),
                AppointmentNoShow.newBuilder().setEnvelope(frontDesk(JOURNEY, 35))
                        .setAppointmentId("apt-int-1-3-5602").setReason("Did not attend; no contact").build(),
                AppointmentCancellationRequested.newBuilder().setEnvelope(frontDesk(JOURNEY, 50))
                        .setAppointmentId("apt-int-2-2-5710").setReason(null).build(),
                AppointmentRescheduleRequested.newBuilder().setEnvelope(frontDesk(JOURNEY, 51))
                        .setAppointmentId("apt-int-2-2-5710").setRequestedStart(at(53, 14)).build(),

                PatientReferred.newBuilder().setEnvelope(intake(-40)).setReferralId(REFERRAL)
                        .setSiteId("site-north").build(),
                ScreeningRecorded.newBuilder().setEnvelope(intake(-30)).setScreeningId("scr-88120")
                        .setAgeYears(41).setPtsdDurationMonths(74).setCaps5Total(44)
                        .setCssrs(CssrsScreen.newBuilder().setWishToBeDead(false).setActiveThoughts(false)
                                .setMethodThoughts(false).setIntent(false).setPlanWithIntent(false)
                                .setRecentBehaviour(false).build())
                        .setExclusionCodes(List.of()).setMedicationClasses(List.of("SSRI")).build(),
                EligibilityDetermined.newBuilder().setEnvelope(intake(-29)).setScreeningId("scr-88120")
                        .setEligible(true).setReasons(List.of()).build(),
                ConsentRecorded.newBuilder().setEnvelope(intake(-20)).setConsentFormVersion("ICF-MAPP1-v4.2")
                        .setOvernightStayAgreed(true).setRecordingAgreed(false).build(),
                PatientEnrolled.newBuilder().setEnvelope(intake(0)).setSiteId("site-north")
                        .setBaselineCaps5Total(44).setBaselineAt(BASELINE).setPregnancyTestRequired(true).build(),
                JourneyWithdrawn.newBuilder().setEnvelope(intake(140)).setReason("PARTICIPANT_DECISION").build(),

                CareTeamAssigned.newBuilder().setEnvelope(scheduling(0)).setLeadTherapistId(LEAD_THERAPIST)
                        .setCoTherapistId(CO_THERAPIST).build(),
                SessionScheduled.newBuilder().setEnvelope(scheduling(1)).setAppointmentId(DOSING_APPOINTMENT)
                        .setKind(SessionKind.DOSING).setSequence(1).setDosingNumber(1)
                        .setStart(at(28, 8)).setEnd(at(28, 16)).setRoomId("room-dosing-a")
                        .setTherapistIds(List.of(LEAD_THERAPIST, CO_THERAPIST)).build(),
                SessionRescheduled.newBuilder().setEnvelope(scheduling(3)).setAppointmentId("apt-prep-2-5480")
                        .setKind(SessionKind.PREPARATORY).setPreviousStart(at(10, 10)).setStart(at(11, 10))
                        .setEnd(at(11, 11)).setRoomId("room-therapy-2").build(),
                SessionCancelled.newBuilder().setEnvelope(scheduling(50)).setAppointmentId("apt-int-2-2-5710")
                        .setKind(SessionKind.INTEGRATION).setReason("Requested by front desk").build(),
                SessionCheckedIn.newBuilder().setEnvelope(scheduling(28)).setAppointmentId(DOSING_APPOINTMENT)
                        .setKind(SessionKind.DOSING).build(),
                SessionMissed.newBuilder().setEnvelope(scheduling(35)).setAppointmentId("apt-int-1-3-5602")
                        .setKind(SessionKind.INTEGRATION).setSequence(3).setDosingNumber(1).build(),
                SessionCompleted.newBuilder().setEnvelope(scheduling(5)).setAppointmentId("apt-prep-1-5479")
                        .setKind(SessionKind.PREPARATORY).setSequence(1).setDosingNumber(null).build(),
                PreDoseCheckRecorded.newBuilder().setEnvelope(scheduling(28)).setAppointmentId(DOSING_APPOINTMENT)
                        .setDosingNumber(1).setPassed(true).setFailedItems(List.of()).build(),
                DoseAdministered.newBuilder().setEnvelope(scheduling(28)).setAppointmentId(DOSING_APPOINTMENT)
                        .setDosingNumber(1).setDoseKind(DoseKind.INITIAL).setAmountMg(new BigDecimal("80.00"))
                        .setLotNumber("LOT-MDMA-24-0193").setDispensedBy("ph-003").setWitnessedBy("rn-117").build(),
                VitalSignsRecorded.newBuilder().setEnvelope(scheduling(28)).setAppointmentId(DOSING_APPOINTMENT)
                        .setDosingNumber(1).setMinutesSinceInitialDose(90).setSystolicMmHg(148)
                        .setDiastolicMmHg(92).setHeartRateBpm(104).setTemperatureCelsius(new BigDecimal("37.4"))
                        .setOutOfRange(List.of()).build(),
                DosingSessionCompleted.newBuilder().setEnvelope(scheduling(29)).setAppointmentId(DOSING_APPOINTMENT)
                        .setDosingNumber(1).setTotalMg(new BigDecimal("120.00")).setDischargedAt(at(29, 10))
                        .setOvernightStay(true).build(),
                DosingSessionAborted.newBuilder().setEnvelope(scheduling(84)).setAppointmentId("apt-dose-3-5890")
                        .setDosingNumber(3).setReason("BLOOD_PRESSURE_ABOVE_LIMIT").build(),

                CheckInRecorded.newBuilder().setEnvelope(followup(30)).setCheckInId("chk-30211")
                        .setDosingNumber(1).setDayNumber(2).setPhq9Item9(0).setCssrsPositive(false)
                        .setConcernRaised(false).build(),
                AdverseEventReported.newBuilder().setEnvelope(followup(28)).setAdverseEventId("ae-5512")
                        .setTerm("10015535").setSeverity(AdverseEventSeverity.MILD).setSerious(false)
                        .setFavourable(true).setOnsetAt(at(28, 11)).setDosingNumber(1).build(),
                OutcomeAssessmentRecorded.newBuilder().setEnvelope(followup(126)).setAssessmentId("oa-7781")
                        .setInstrument(Instrument.CAPS5).setTimepoint("PRIMARY_ENDPOINT").setScore(21)
                        .setRaterId("rater-031").setRaterIndependent(true).build(),
                ObligationOpened.newBuilder().setEnvelope(followup(28)).setObligationId("obl-9012")
                        .setKind("INTEGRATION_1_WITHIN_24H").setDueAt(at(29, 16))
                        .setCauseEventId(UUID.nameUUIDFromBytes("dosing-1".getBytes()).toString()).build(),
                ObligationMet.newBuilder().setEnvelope(followup(29)).setObligationId("obl-9012")
                        .setKind("INTEGRATION_1_WITHIN_24H").setMetAt(at(29, 10)).setOnTime(true).build(),
                ObligationOverdue.newBuilder().setEnvelope(followup(36)).setObligationId("obl-9030")
                        .setKind("DAILY_CHECK_IN").setDueAt(at(35, 18)).build(),
                SafetyHoldPlaced.newBuilder().setEnvelope(followup(60)).setHoldId("hold-204")
                        .setReason("CSSRS_POSITIVE").build(),
                SafetyHoldReleased.newBuilder().setEnvelope(followup(62)).setHoldId("hold-204")
                        .setReleasedBy("md-lead-002").build(),
                JourneyCompleted.newBuilder().setEnvelope(followup(470)).setDosingSessions(3)
                        .setIntegrationSessions(9).build(),

                TherapistNotificationIssued.newBuilder().setEnvelope(followup(27))
                        .setNotificationId("ntf-44120").setTherapistId(LEAD_THERAPIST)
                        .setKind(NotificationKind.SESSION_TOMORROW).setPriority(NotificationPriority.ROUTINE)
                        .setTitle("Dosing session 1 tomorrow at 08:00").setAppointmentId(DOSING_APPOINTMENT)
                        .setDueAt(at(28, 8)).build(),
                NotificationDelivered.newBuilder().setEnvelope(followup(27)).setNotificationId("ntf-44120")
                        .setTherapistId(LEAD_THERAPIST).setChannel(DeliveryChannel.INBOX).build(),
                NotificationDeliveryFailed.newBuilder().setEnvelope(followup(27)).setNotificationId("ntf-44121")
                        .setTherapistId(CO_THERAPIST).setChannel(DeliveryChannel.WEBHOOK)
                        .setReason("HTTP 503 from the clinic webhook").build());
    }

    static <T extends SpecificRecord> T sample(Class<T> type) {
        return all().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No sample of " + type.getName()));
    }
}
