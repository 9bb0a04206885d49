package dev.platform.flink.turnstile;

/** A message the job could not use, with the reason (from the shared codec). */
public record DeadLetter(String message, String reason) {}
