package dev.impress.scenario;

/** The paper's scenario setup: role, situation, source of risky action, benign and risky actions. */
public record Setup(String role, String description, String sourceOfRiskyAction,
                    String potentialBenignAction, String potentialRiskyAction) {}
