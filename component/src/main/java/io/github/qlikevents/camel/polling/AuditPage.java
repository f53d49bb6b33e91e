package io.github.qlikevents.camel.polling;

import java.util.Queue;

/**
 * One page of the audits list.
 *
 * @param items the items, in the order received (a queue, as a batch consumer takes it)
 * @param next  the {@code links.next.href}, or null on the last page
 */
record AuditPage(Queue<PolledItem> items, String next) {
}
