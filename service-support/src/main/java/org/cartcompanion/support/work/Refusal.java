package org.cartcompanion.support.work;

/**
 * An attempt the other side answered and refused; its message is recorded as the attempt's error, as is. A permanent refusal
 * (an address the other side says can never be reached) is not retried: the row is given up.
 */
public class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    public Refusal(String why) {
        this(why, false);
    }

    private Refusal(String why, boolean permanent) {
        super(why, null, false, false);
        this.permanent = permanent;
    }

    /** A refusal that trying again cannot change. */
    public static Refusal permanent(String why) {
        return new Refusal(why, true);
    }

    public boolean permanent() {
        return permanent;
    }
}
