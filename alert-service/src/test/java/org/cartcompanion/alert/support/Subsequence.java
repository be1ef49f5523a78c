package org.cartcompanion.alert.support;

import java.util.List;

import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;

/** Matches a list that contains the given items in this order, with anything in between (a timeline's story). */
public final class Subsequence extends TypeSafeMatcher<List<?>> {

    private final List<Object> items;

    private Subsequence(List<Object> items) {
        this.items = items;
    }

    public static Subsequence of(Object... items) {
        return new Subsequence(List.of(items));
    }

    @Override
    protected boolean matchesSafely(List<?> list) {
        int next = 0;
        for (Object element : list) {
            if (next < items.size() && items.get(next).equals(element)) {
                next++;
            }
        }
        return next == items.size();
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a list containing in order ").appendValue(items);
    }
}
