package io.waypoint.intake.api;

import io.waypoint.intake.journey.Journey;
import io.waypoint.intake.journey.JourneyStatus;
import io.waypoint.intake.protocol.ProtocolVersion;
import java.util.List;
import java.util.UUID;

/** The JSON bodies intake answers with. */
final class Responses {

    private Responses() {
    }

    record Protocol(String profile, String version) {

        static Protocol of(ProtocolVersion protocol) {
            return new Protocol(protocol.profile(), protocol.version());
        }
    }

    record ReferralResponse(String referralId, String journeyId, JourneyStatus status) {
    }

    record ScreeningResponse(UUID screeningId, boolean eligible, List<String> reasons) {
    }

    record ConsentResponse(String journeyId, JourneyStatus status) {
    }

    record EnrollmentResponse(String journeyId, Protocol protocol) {
    }

    record WithdrawalResponse(String journeyId, JourneyStatus status) {
    }

    record JourneyResponse(String journeyId, String referralId, JourneyStatus status, Boolean eligible,
                           List<String> reasons, Protocol protocol) {

        static JourneyResponse of(Journey journey) {
            return new JourneyResponse(journey.journeyId(), journey.referralId(), journey.status(),
                    journey.eligible(), journey.reasons(), journey.protocolProfile() == null ? null
                    : new Protocol(journey.protocolProfile(), journey.protocolVersion()));
        }
    }
}
