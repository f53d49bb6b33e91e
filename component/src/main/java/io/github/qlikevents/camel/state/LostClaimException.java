package io.github.qlikevents.camel.state;

/** A write refused because another owner claimed the key since: the writer was taken over from. */
public class LostClaimException extends IllegalStateException {

    private final String key;

    public LostClaimException(String key) {
        super("Another poller claimed the position under key '" + key + "': this one was taken over from, and its "
              + "write was refused");
        this.key = key;
    }

    /** The key whose claim was lost. */
    public String getKey() {
        return key;
    }
}
