package dev.platform.warehouse;

/**
 * One data-quality check's outcome.
 *
 * @param name the check (a section of {@code 60_checks.sql})
 * @param passed no failures
 * @param failures rows or keys that failed it
 * @param detail a few of them
 */
public record CheckResult(String name, boolean passed, long failures, String detail) {}
