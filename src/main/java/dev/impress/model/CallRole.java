package dev.impress.model;

/** Why a model is called; accounting (tokens, money) is kept per role. */
public enum CallRole { AGENT, JUDGE, RESOLUTION, GUARDRAIL, GENERATOR }
