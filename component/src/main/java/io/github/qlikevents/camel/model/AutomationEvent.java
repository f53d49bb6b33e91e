package io.github.qlikevents.camel.model;

/** An automation event: a run of a Qlik Automate automation ended. */
public sealed interface AutomationEvent extends QlikEvent permits AutomationRunEnded {
}
