-- One database per service: no service reads another's tables.
CREATE DATABASE intake;
CREATE DATABASE scheduling;
CREATE DATABASE followup;
