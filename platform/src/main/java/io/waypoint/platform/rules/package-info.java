/**
 * The one rule-violation type of the whole project. Framework-free: domain packages may depend on this package and
 * on nothing else of the platform.
 */
package io.waypoint.platform.rules;
