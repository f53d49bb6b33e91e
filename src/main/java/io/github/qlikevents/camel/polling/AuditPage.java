package io.github.qlikevents.camel.polling;

import java.util.List;

/**
 * One page of the audits list.
 *
 * @param items the items, in the order received
 * @param next  the {@code links.next.href}, or null on the last page
 */
record AuditPage(List<PolledItem> items, String next) {
}
