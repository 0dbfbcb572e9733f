package io.waypoint.intake.api;

import io.waypoint.events.common.ProtocolRef;
import io.waypoint.intake.journey.Journey;
import io.waypoint.intake.journey.JourneyStatus;
import java.util.List;
import java.util.UUID;

/** The JSON bodies intake answers with. */
public final class Responses {

    private Responses() {
    }

    public record Protocol(String profile, String version) {

        public static Protocol of(ProtocolRef ref) {
            return new Protocol(ref.getProfile(), ref.getVersion());
        }
    }

    public record ReferralResponse(String referralId, String journeyId, JourneyStatus status) {
    }

    public record ScreeningResponse(UUID screeningId, boolean eligible, List<String> reasons) {
    }

    public record ConsentResponse(String journeyId, JourneyStatus status) {
    }

    public record EnrollmentResponse(String journeyId, Protocol protocol) {
    }

    public record WithdrawalResponse(String journeyId, JourneyStatus status) {
    }

    public record JourneyResponse(String journeyId, String referralId, JourneyStatus status, Boolean eligible,
                           List<String> reasons, Protocol protocol) {

        public static JourneyResponse of(Journey journey) {
            return new JourneyResponse(journey.journeyId(), journey.referralId(), journey.status(),
                    journey.eligible(), journey.reasons(), journey.protocolProfile() == null ? null
                    : new Protocol(journey.protocolProfile(), journey.protocolVersion()));
        }
    }
}
