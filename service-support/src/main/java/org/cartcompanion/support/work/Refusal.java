package org.cartcompanion.support.work;

/** An attempt the other side answered and refused; its message is recorded as the attempt's error, as is. */
public class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Refusal(String why) {
        super(why, null, false, false);
    }
}
