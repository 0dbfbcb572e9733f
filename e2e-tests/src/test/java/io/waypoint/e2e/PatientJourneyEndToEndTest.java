package io.waypoint.e2e;

/** The scenarios on an in-JVM KRaft broker and an embedded PostgreSQL: no Docker needed, so this set always runs. */
class PatientJourneyEndToEndTest extends PatientJourneyScenarios {

    @Override
    protected WaypointStack startWaypoint() {
        return WaypointStack.start("e2e-stack");
    }
}
